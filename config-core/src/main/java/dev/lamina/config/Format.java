package dev.lamina.config;

import java.util.Locale;
import java.util.Optional;

/** The document formats Lamina reads, chosen by file extension. */
public enum Format {
    /** YAML 1.2 (one document per file), {@code .yaml} or {@code .yml}. */
    YAML("yaml", "yml"),
    /** JSON (RFC 8259), {@code .json}. */
    JSON("json"),
    /** TOML 1.0, {@code .toml}. */
    TOML("toml"),
    /** XML without DOCTYPE, {@code .xml}. */
    XML("xml"),
    /** Java properties, {@code .properties}; dotted keys become nested objects. */
    PROPERTIES("properties"),
    /**
     * {@code .env} files in Docker Compose's dotenv grammar ({@code KEY=value}); names map to paths as environment
     * variables do ({@code DB_POOL__SIZE} → {@code db.pool_size}), values are strings. See {@code docs/dotenv.md}.
     */
    ENV("env");

    private final String[] extensions;

    Format(String... extensions) {
        this.extensions = extensions;
    }

    /** @return the file extensions of this format, without the dot, preferred one first */
    public java.util.List<String> extensions() {
        return java.util.List.of(extensions);
    }

    /**
     * Finds the format of a file name by its extension (case-insensitive).
     *
     * @param fileName a file name such as {@code staging.yaml}
     * @return the format, or empty when the extension is not one Lamina reads
     */
    public static Optional<Format> fromFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String ext = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (Format f : values()) {
            for (String e : f.extensions) {
                if (e.equals(ext)) {
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }
}
