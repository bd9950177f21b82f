package dev.lamina.config.migration;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The legacy formats {@link LegacyConfigMigrator} reads (Spring Boot files have their own method). */
public enum LegacyFormat {
    /** Java {@code .properties}. */
    PROPERTIES,
    /** INI ({@code .ini}, {@code .cfg}): sections become objects. */
    INI,
    /** {@code .env} in Docker Compose's grammar. */
    ENV;

    /**
     * @param file a file
     * @return its format by extension ({@code .properties}, {@code .ini}/{@code .cfg}, {@code .env}), if one of these
     */
    public static Optional<LegacyFormat> of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".properties")) {
            return Optional.of(PROPERTIES);
        }
        if (name.endsWith(".ini") || name.endsWith(".cfg")) {
            return Optional.of(INI);
        }
        if (name.endsWith(".env")) {
            return Optional.of(ENV);
        }
        return Optional.empty();
    }
}
