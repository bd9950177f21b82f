package dev.lamina.config;

import java.util.Objects;

/**
 * A scalar value, kept as the text that was written, so that {@code NO}, {@code on}, {@code 0755} and
 * {@code 1.10} come back exactly as the user wrote them.
 *
 * @param text   the written text (for TOML dates, the RFC 3339 text); never {@code null}
 * @param type   how the source typed the value
 * @param origin where it was written
 */
public record ConfigScalar(String text, ScalarType type, Origin origin) implements ConfigNode {

    /** Checks that no component is {@code null}. */
    public ConfigScalar {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(origin, "origin");
    }

    /**
     * A string scalar.
     *
     * @param text   the text
     * @param origin where it was written
     * @return the scalar
     */
    public static ConfigScalar string(String text, Origin origin) {
        return new ConfigScalar(text, ScalarType.STRING, origin);
    }

    @Override
    public ConfigScalar withOrigin(Origin origin) {
        return new ConfigScalar(text, type, origin);
    }

    @Override
    public String kindName() {
        return switch (type) {
            case STRING -> "string";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
        };
    }

    /**
     * A scalar does not know its path, so it cannot tell whether it is secret: its text is never shown here. Read
     * the text with {@link #text()}, or print values through the configuration that holds them
     * ({@link Configuration#toString()}, {@link ConfigRenderer}), which mask only the secrets.
     *
     * @return the type and origin, with the text masked as {@value SecretPolicy#MASK}
     */
    @Override
    public String toString() {
        return "ConfigScalar[" + kindName() + " " + SecretPolicy.MASK + " (" + origin + ")]";
    }
}
