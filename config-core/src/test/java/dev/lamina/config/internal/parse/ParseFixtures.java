package dev.lamina.config.internal.parse;

import dev.lamina.config.ConfigDocuments;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigList;
import dev.lamina.config.Format;
import dev.lamina.config.ParseLimits;

/** Small helpers shared by the parser tests. */
final class ParseFixtures {

    private ParseFixtures() {
    }

    static ConfigObject parse(String name, Format format, String text) {
        return ConfigDocuments.parse(name, format, text, ParseLimits.DEFAULTS);
    }

    static ConfigObject yaml(String text) {
        return parse("app.yaml", Format.YAML, text);
    }

    /** Follows a path through objects and lists; fails loudly when absent. */
    static ConfigNode at(ConfigObject root, String path) {
        ConfigNode node = root;
        for (String segment : ConfigPath.parse(path).segments()) {
            if (node instanceof ConfigObject o) {
                node = o.get(segment).orElseThrow(() -> new AssertionError("no " + path));
            } else if (node instanceof ConfigList l) {
                node = l.items().get(Integer.parseInt(segment));
            } else {
                throw new AssertionError("no " + path);
            }
        }
        return node;
    }
}
