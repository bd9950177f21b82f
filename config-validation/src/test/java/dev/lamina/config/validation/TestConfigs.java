package dev.lamina.config.validation;

import java.util.List;
import java.util.Map;

import dev.lamina.config.ConfigDocuments;
import dev.lamina.config.ConfigLoader;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.Configuration;
import dev.lamina.config.Format;
import dev.lamina.config.Layer;
import dev.lamina.config.ConfigurationOptions;
import dev.lamina.config.ParseLimits;

/**
 * Builds configurations for tests from YAML text with core's parser and loader, so that origins, interpolation and
 * secrets are the ones users get. The environment is fixed, so tests never depend on the machine's.
 */
public final class TestConfigs {

    /** The environment variables interpolation sees in tests. */
    public static final Map<String, String> ENV = Map.of("DB_PASSWORD", "from-the-environment", "DB_HOST", "db.internal");

    private static final ConfigLoader LOADER = new ConfigLoader(ConfigurationOptions.builder().environment(ENV).build());

    private TestConfigs() {
    }

    /**
     * @param source the source name for origins
     * @param text   YAML text (a mapping at the top)
     * @return the configuration loaded from that one layer
     */
    public static Configuration yaml(String source, String text) {
        return load(List.of(layer(source, text)));
    }

    /**
     * @param text YAML text
     * @return a configuration whose origins name {@code test.yaml}
     */
    public static Configuration yaml(String text) {
        return yaml("test.yaml", text);
    }

    /**
     * @param layers layers, lowest precedence first
     * @return the merged and interpolated configuration
     */
    public static Configuration load(List<Layer> layers) {
        return LOADER.fromLayers(layers);
    }

    /**
     * @param source the source name
     * @param text   YAML text
     * @return the parsed layer, as written
     */
    public static Layer layer(String source, String text) {
        return new Layer(source, tree(source, text));
    }

    /**
     * @param source the source name
     * @param text   YAML text
     * @return the tree
     */
    public static ConfigObject tree(String source, String text) {
        return ConfigDocuments.parse(source, Format.YAML, text, ParseLimits.DEFAULTS);
    }
}
