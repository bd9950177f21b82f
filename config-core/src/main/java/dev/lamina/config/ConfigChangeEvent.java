package dev.lamina.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One leaf of the configuration changed between two published versions. Secret values are masked as
 * {@value SecretPolicy#MASK}.
 *
 * @param path     the leaf path (a scalar, an explicit null, or an empty object or list)
 * @param oldValue the previous value's text, or empty when the path was added
 * @param newValue the new value's text, or empty when the path was removed
 * @param source   where the new value came from ({@code config/staging.yaml:3:14}, {@code runtime update by alice},
 *                 {@code rollback to version 3 by bob}); for a removal, what removed it
 * @param version  the version that contains the change
 */
public record ConfigChangeEvent(ConfigPath path, Optional<String> oldValue, Optional<String> newValue,
                                String source, long version) {

    /** Checks that no component is {@code null}. */
    public ConfigChangeEvent {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(oldValue, "oldValue");
        Objects.requireNonNull(newValue, "newValue");
        Objects.requireNonNull(source, "source");
    }

    /**
     * The manager masks secret values before it builds an event (by the snapshot's
     * {@link Configuration#isSecret(String)}); this text masks again by the default name rule and envelopes, for
     * an event built by hand.
     *
     * @return the path, both values (masked when secret), the source and the version
     */
    @Override
    public String toString() {
        return "ConfigChangeEvent[path=" + path + ", oldValue=" + shown(oldValue) + ", newValue=" + shown(newValue)
                + ", source=" + source + ", version=" + version + "]";
    }

    private String shown(Optional<String> value) {
        return value.map(v -> SecretPolicy.DEFAULT.display(path, v)).orElse("(none)");
    }
}
