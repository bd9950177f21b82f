package dev.lamina.config.overrides;

import java.nio.file.Path;
import java.util.Objects;

import dev.lamina.config.Layer;

/**
 * One override file, read and checked: its name (the file's stem), its metadata, and its layer (the file without
 * {@code _metadata}, with {@link dev.lamina.config.LayerKind#OVERRIDE} metadata such as
 * {@code override docker (priority 50)}).
 *
 * @param name     the name ({@code docker} for {@code overrides/docker.yml})
 * @param file     the file
 * @param metadata its metadata
 * @param layer    its configuration
 */
public record OverrideFile(String name, Path file, OverrideMetadata metadata, Layer layer) {

    /** Checks that nothing is {@code null}. */
    public OverrideFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(layer, "layer");
    }
}
