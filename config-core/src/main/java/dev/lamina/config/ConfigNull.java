package dev.lamina.config;

import java.util.Objects;

/**
 * An explicit {@code null}. In a higher layer it deletes the key below it (RFC 7386); after the merge it
 * only remains inside lists.
 *
 * @param origin where it was written
 */
public record ConfigNull(Origin origin) implements ConfigNode {

    /** Checks that the origin is not {@code null}. */
    public ConfigNull {
        Objects.requireNonNull(origin, "origin");
    }

    @Override
    public ConfigNull withOrigin(Origin origin) {
        return new ConfigNull(origin);
    }

    @Override
    public String kindName() {
        return "null";
    }

    @Override
    public String toString() {
        return "null";
    }
}
