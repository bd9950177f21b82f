package dev.lamina.config.internal.render;

import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigPath;

/** Chooses the writer for a format. */
public final class TreeRenderer {

    private TreeRenderer() {
    }

    /**
     * @param node     the node to render
     * @param at       the node's absolute path (secrets are decided on absolute paths)
     * @param settings format, origins, prefix, secret test
     * @return the rendered text, ending in a line break
     */
    public static String render(ConfigNode node, ConfigPath at, RenderSettings settings) {
        RenderedValues values = new RenderedValues(settings.secretPath());
        return switch (settings.format()) {
            case YAML -> new YamlWriter(values, settings.showOrigins()).write(node, at);
            case JSON -> new JsonWriter(values, settings.showOrigins()).write(node, at);
            case PROPERTIES -> new FlatWriter(values, settings.showOrigins(), FlatWriter.Style.PROPERTIES, "")
                    .write(node, at);
            case ENV -> new FlatWriter(values, settings.showOrigins(), FlatWriter.Style.ENV, settings.envPrefix())
                    .write(node, at);
        };
    }
}
