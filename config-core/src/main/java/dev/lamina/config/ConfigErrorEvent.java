package dev.lamina.config;

import java.util.Objects;
import java.util.Optional;

/**
 * A reload was refused: the files could not be read, parsed, resolved or validated. The previous snapshot
 * stays in force at the same version.
 *
 * @param message   what went wrong, with the location ({@code config/staging.yaml:4:7 server.port: …}); never a
 *                  secret value
 * @param origin    the file, line and column, when known
 * @param path      the config path concerned, when known
 * @param exception the exception that refused the reload
 */
public record ConfigErrorEvent(String message, Optional<Origin> origin, Optional<ConfigPath> path,
                               ConfigException exception) {

    /** Checks that no component is {@code null}. */
    public ConfigErrorEvent {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(exception, "exception");
    }

    /**
     * @param e a configuration exception
     * @return the event describing it
     */
    public static ConfigErrorEvent of(ConfigException e) {
        return new ConfigErrorEvent(e.getMessage(), e.origin(), e.path(), e);
    }
}
