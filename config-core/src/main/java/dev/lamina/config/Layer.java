package dev.lamina.config;

import java.util.Objects;

/**
 * One parsed source, ready to be merged: a name for explain output, an immutable tree and its metadata.
 * Layers are merged in list order; a later layer wins.
 *
 * @param name     the layer's name, usually its source's name ({@code config/staging.yaml}, {@code env:LAMINA_})
 * @param root     the parsed tree; an empty file gives an empty object
 * @param metadata what kind of layer it is, for explain output and ordering
 */
public record Layer(String name, ConfigObject root, LayerMetadata metadata) {

    /** Checks that no component is {@code null}. */
    public Layer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(metadata, "metadata");
    }

    /**
     * A file layer described by its name.
     *
     * @param name the name
     * @param root the tree
     */
    public Layer(String name, ConfigObject root) {
        this(name, root, LayerMetadata.of(LayerKind.FILE, name));
    }

    /**
     * @param newRoot the replacement tree
     * @return this layer with another tree, same name and metadata
     */
    public Layer withRoot(ConfigObject newRoot) {
        return new Layer(name, newRoot, metadata);
    }
}
