package dev.lamina.config.internal.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;

/** Flattens a tree into its leaves (scalars, nulls, empty objects and lists), in document order. */
public final class Leaves {

    private Leaves() {
    }

    /**
     * @param root a tree
     * @return every leaf path to its node, in document order
     */
    public static Map<ConfigPath, ConfigNode> of(ConfigObject root) {
        Map<ConfigPath, ConfigNode> out = new LinkedHashMap<>();
        walk(ConfigPath.root(), root, out);
        return out;
    }

    private static void walk(ConfigPath path, ConfigNode node, Map<ConfigPath, ConfigNode> out) {
        if (node instanceof ConfigObject o && !o.isEmpty()) {
            o.entries().forEach((k, v) -> walk(path.child(k), v, out));
        } else if (node instanceof ConfigList l && l.size() > 0) {
            for (int i = 0; i < l.size(); i++) {
                walk(path.child(i), l.items().get(i), out);
            }
        } else if (!path.isRoot()) {
            out.put(path, node);
        }
    }

    /**
     * @param leaf a leaf node
     * @return its text: the scalar's written text, {@code null}, {@code {}} or {@code []}
     */
    public static String text(ConfigNode leaf) {
        if (leaf instanceof ConfigScalar s) {
            return s.text();
        }
        if (leaf instanceof ConfigNull) {
            return "null";
        }
        return leaf instanceof ConfigObject ? "{}" : "[]";
    }

    /**
     * @param a a leaf
     * @param b another leaf
     * @return {@code true} when both have the same kind, scalar type and text, ignoring origins
     */
    public static boolean sameValue(ConfigNode a, ConfigNode b) {
        if (a instanceof ConfigScalar x && b instanceof ConfigScalar y) {
            return x.type() == y.type() && x.text().equals(y.text());
        }
        return a.getClass() == b.getClass() && !(a instanceof ConfigScalar);
    }
}
