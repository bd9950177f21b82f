package dev.lamina.config.internal.source;

import java.util.Objects;

/** Argument checks shared by the sources. */
final class Sources {

    private Sources() {
    }

    static String requireName(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("source name must not be blank");
        }
        return name;
    }

    static String requirePrefix(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException("prefix must not be empty (it keeps unrelated variables out)");
        }
        return prefix;
    }
}
