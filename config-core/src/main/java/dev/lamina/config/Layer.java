package dev.lamina.config;

import java.util.Objects;

/**
 * One parsed source, ready to be merged: a name for explain output and an immutable tree.
 * Layers are merged in list order; a later layer wins.
 *
 * @param name the layer's name, usually its source's name ({@code config/staging.yaml}, {@code env:LAMINA_})
 * @param root the parsed tree; an empty file gives an empty object
 */
public record Layer(String name, ConfigObject root) {

    /** Checks that no component is {@code null}. */
    public Layer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(root, "root");
    }
}
