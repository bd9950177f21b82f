package dev.lamina.config.flags;

import java.util.Objects;
import java.util.Optional;

/**
 * A variant of a multivariate flag.
 *
 * @param name    the variant's name; never blank
 * @param payload the payload, when the definition declares one
 */
public record Variant(String name, Optional<VariantPayload> payload) {

    /** The name Unleash and Lamina report when no variant applies. */
    public static final String DISABLED_NAME = "disabled";

    /**
     * Checks the components.
     *
     * @param name the {@code name} component
     * @param payload the {@code payload} component
     * @throws NullPointerException     if a component is {@code null}
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public Variant {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(payload, "payload");
        if (name.isBlank()) {
            throw new IllegalArgumentException("variant name must not be blank");
        }
    }
}
