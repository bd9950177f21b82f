package dev.lamina.config;

import java.util.Objects;

/**
 * The text a {@link ValueResolver} or {@link ValueDecoder} produced, and whether it is secret. A secret value
 * makes its path secret for the snapshot: masked in every output (see {@link Configuration#isSecret(String)}).
 *
 * @param text   the value
 * @param secret whether the value must be masked
 */
public record ResolvedValue(String text, boolean secret) {

    /** Checks that the text is not {@code null}. */
    public ResolvedValue {
        Objects.requireNonNull(text, "text");
    }

    /**
     * @param text the value
     * @return a value that is not secret
     */
    public static ResolvedValue plain(String text) {
        return new ResolvedValue(text, false);
    }

    /**
     * @param text the value
     * @return a secret value
     */
    public static ResolvedValue secret(String text) {
        return new ResolvedValue(text, true);
    }

    /** @return the class name with the text masked when secret, so that logging a result never leaks it */
    @Override
    public String toString() {
        return "ResolvedValue[text=" + (secret ? SecretPolicy.MASK : text) + ", secret=" + secret + "]";
    }
}
