package dev.lamina.config.internal.render;

import java.util.Objects;
import java.util.function.Predicate;

import dev.lamina.config.ConfigPath;
import dev.lamina.config.RenderFormat;

/**
 * Everything a writer needs besides the tree.
 *
 * @param format      the output format
 * @param showOrigins write where each value was written
 * @param envPrefix   prefix of env names (already validated by {@code ConfigRenderer.Options})
 * @param secretPath  decides which paths are secret
 */
public record RenderSettings(RenderFormat format, boolean showOrigins, String envPrefix,
                             Predicate<ConfigPath> secretPath) {

    /** Checks that nothing is {@code null}. */
    public RenderSettings {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(envPrefix, "envPrefix");
        Objects.requireNonNull(secretPath, "secretPath");
    }
}
