package dev.lamina.config.validation;

import dev.lamina.config.ConfigDocuments;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.Configuration;
import dev.lamina.config.Format;
import dev.lamina.config.ParseLimits;

/**
 * Builds configurations for tests from YAML text through core's hardened parser ({@link ConfigDocuments}), so that
 * origins are the ones users see. The {@link Configuration} over the tree is a small test double until tests can use
 * core's loader for everything.
 */
public final class TestConfigs {

    private TestConfigs() {
    }

    /**
     * @param source the source name for origins
     * @param text   YAML text (a mapping at the top)
     * @return a configuration over the parsed tree
     */
    public static Configuration yaml(String source, String text) {
        return new TreeConfiguration(tree(source, text));
    }

    /**
     * @param text YAML text
     * @return a configuration whose origins name {@code test.yaml}
     */
    public static Configuration yaml(String text) {
        return yaml("test.yaml", text);
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
