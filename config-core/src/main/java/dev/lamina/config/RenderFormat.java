package dev.lamina.config;

import java.util.Locale;
import java.util.Optional;

/**
 * The text formats {@link ConfigRenderer} writes. See {@code docs/cli.md} ("Output formats") for the exact
 * shape of each.
 */
public enum RenderFormat {
    /** Block-style YAML; strings are quoted wherever a YAML 1.1 or 1.2 reader could take them for anything else. */
    YAML,
    /** One JSON document; numbers and booleans unquoted exactly when the source wrote them as such. */
    JSON,
    /** {@code java.util.Properties} text: one {@code path=value} line per leaf, keys in {@link ConfigPath} syntax. */
    PROPERTIES,
    /**
     * {@code NAME=value} lines for a shell or an env file, names built as the inverse of
     * {@code ConfigSources.environmentVariables(prefix)}: {@code server.port} becomes {@code LAMINA_SERVER_PORT},
     * {@code _} in a key becomes {@code __} and {@code -} becomes {@code ___}.
     */
    ENV;

    /**
     * Finds a format by its name, case-insensitively ({@code yaml}, {@code json}, {@code properties}, {@code env}).
     *
     * @param name the name; {@code null} gives empty
     * @return the format, or empty when the name is not one of the four
     */
    public static Optional<RenderFormat> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toUpperCase(Locale.ROOT);
        for (RenderFormat f : values()) {
            if (f.name().equals(n)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** @return the lower-case name used on the command line and in documentation */
    public String displayName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
