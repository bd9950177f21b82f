package dev.lamina.config.flags;

import dev.lamina.config.ConfigDocuments;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.Format;
import dev.lamina.config.ParseLimits;

/** Parses test definitions with core's hardened parser, so origins are those users see. */
final class TestTrees {

    private TestTrees() {
    }

    static ConfigObject json(String text) {
        return ConfigDocuments.parse("flags.json", Format.JSON, text, ParseLimits.DEFAULTS);
    }

    static ConfigObject yaml(String text) {
        return ConfigDocuments.parse("flags.yaml", Format.YAML, text, ParseLimits.DEFAULTS);
    }

    static ConfigObject toml(String text) {
        return ConfigDocuments.parse("flags.toml", Format.TOML, text, ParseLimits.DEFAULTS);
    }
}
