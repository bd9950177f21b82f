package dev.lamina.config.internal.render;

import java.util.Map;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigScalar;

/**
 * YAML that reads back as exactly the same tree: every string double-quoted, numbers and booleans as written,
 * explicit nulls kept, nothing masked. For files Lamina writes for itself (persisted runtime updates), never for
 * display (see {@link YamlWriter}, which masks secrets).
 */
public final class ExactYaml {

    private ExactYaml() {
    }

    /**
     * @param root the tree
     * @return its YAML text, ending in a line break
     */
    public static String write(ConfigObject root) {
        if (root.entries().isEmpty()) {
            return "{}\n";
        }
        StringBuilder out = new StringBuilder();
        object(out, root, 0);
        return out.toString();
    }

    private static void object(StringBuilder out, ConfigObject o, int indent) {
        for (Map.Entry<String, ConfigNode> e : o.entries().entrySet()) {
            out.append(" ".repeat(indent)).append(YamlText.quote(e.getKey())).append(':');
            value(out, e.getValue(), indent);
        }
    }

    private static void value(StringBuilder out, ConfigNode node, int indent) {
        if (node instanceof ConfigObject o && !o.entries().isEmpty()) {
            out.append('\n');
            object(out, o, indent + 2);
        } else if (node instanceof ConfigList l && !l.items().isEmpty()) {
            out.append('\n');
            for (ConfigNode item : l.items()) {
                out.append(" ".repeat(indent + 2)).append('-');
                value(out, item, indent + 2);
            }
        } else {
            out.append(' ').append(inline(node)).append('\n');
        }
    }

    private static String inline(ConfigNode node) {
        if (node instanceof ConfigObject) {
            return "{}";
        }
        if (node instanceof ConfigList) {
            return "[]";
        }
        if (node instanceof ConfigScalar s) {
            return switch (s.type()) {
                case NUMBER, BOOLEAN -> s.text();
                case STRING -> YamlText.quote(s.text());
            };
        }
        return "null";
    }
}
