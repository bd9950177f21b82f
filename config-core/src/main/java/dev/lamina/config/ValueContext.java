package dev.lamina.config;

import java.util.Objects;

/**
 * Where a value being resolved or decoded sits: its config path in the merged tree and the origin of the scalar
 * that holds it. An encrypted value uses the path as authenticated data; a resolver can name it in errors.
 *
 * @param path        the config path of the scalar
 * @param origin      where the scalar was written
 * @param environment the environment being loaded, or the empty string for a plain {@link ConfigLoader} load
 */
public record ValueContext(ConfigPath path, Origin origin, String environment) {

    /** Checks that no component is {@code null}. */
    public ValueContext {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(environment, "environment");
    }
}
