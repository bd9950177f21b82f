package dev.lamina.config.internal.tree;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.ScalarType;
import dev.lamina.config.SecretPolicy;
import dev.lamina.config.internal.bind.ScalarSyntax;

/**
 * Walks, flattens, unwraps and renders trees. Stateless and thread-safe.
 */
public final class Trees {

    private Trees() {
    }

    /**
     * @param object       an object
     * @param replacements one slot per entry, in order: the new child, or {@code null} to keep the entry's own
     * @return a new object with the same keys, order and origin, and the replaced children
     */
    public static ConfigObject withChildren(ConfigObject object, ConfigNode[] replacements) {
        // The entries of a ConfigObject are always a CompactMap: the copy shares the key array.
        return new ConfigObject(((CompactMap<ConfigNode>) object.entries()).withValues(replacements), object.origin());
    }

    /**
     * @param root     a tree
     * @param segments a path's segments
     * @return the node there, or {@code null}
     */
    public static ConfigNode find(ConfigNode root, List<String> segments) {
        ConfigNode n = root;
        for (String s : segments) {
            if (n instanceof ConfigObject o) {
                n = o.entries().get(s);
            } else if (n instanceof ConfigList l) {
                int i = index(s);
                n = i >= 0 && i < l.size() ? l.items().get(i) : null;
            } else {
                return null;
            }
            if (n == null) {
                return null;
            }
        }
        return n;
    }

    /**
     * @param s a segment
     * @return the list index it denotes, or {@code -1}
     */
    static int index(String s) {
        if (s.isEmpty() || s.length() > 9) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(s);
    }

    /**
     * @param root a tree
     * @return relative paths of scalars, nulls, and empty objects and lists, in document order
     */
    static List<ConfigPath> leafPaths(ConfigNode root) {
        List<ConfigPath> out = new ArrayList<>();
        leaves(root, ConfigPath.root(), out);
        return Collections.unmodifiableList(out);
    }

    private static void leaves(ConfigNode node, ConfigPath path, List<ConfigPath> out) {
        if (node instanceof ConfigObject o && !o.isEmpty()) {
            for (Map.Entry<String, ConfigNode> e : o.entries().entrySet()) {
                leaves(e.getValue(), path.child(e.getKey()), out);
            }
        } else if (node instanceof ConfigList l && l.size() > 0) {
            for (int i = 0; i < l.size(); i++) {
                leaves(l.items().get(i), path.child(i), out);
            }
        } else if (!path.isRoot()) {
            out.add(path);
        }
    }

    /**
     * Unwraps a node into plain Java values (see {@code docs/reading-values.md}): objects to unmodifiable
     * ordered maps, lists to unmodifiable lists, strings to {@code String}, booleans to {@code Boolean}, numbers
     * to {@code Long} when written as an integer within range, else {@code Double} when the double holds exactly
     * the written decimal value, else {@code BigDecimal} (never a silently rounded double), nulls to {@code null}.
     *
     * @param node the node
     * @return the value
     */
    static Object unwrap(ConfigNode node) {
        if (node instanceof ConfigObject o) {
            Map<String, Object> m = new LinkedHashMap<>();
            o.entries().forEach((k, v) -> m.put(k, unwrap(v)));
            return Collections.unmodifiableMap(m);
        }
        if (node instanceof ConfigList l) {
            List<Object> out = new ArrayList<>(l.size());
            l.items().forEach(v -> out.add(unwrap(v)));
            return Collections.unmodifiableList(out);
        }
        if (node instanceof ConfigNull) {
            return null;
        }
        ConfigScalar s = (ConfigScalar) node;
        String t = s.text();
        if (s.type() == ScalarType.BOOLEAN && ScalarSyntax.isBooleanText(t)) {
            return Boolean.valueOf(t.equalsIgnoreCase("true"));
        }
        if (s.type() == ScalarType.NUMBER && ScalarSyntax.isDecimalText(t)) {
            if (ScalarSyntax.isLongText(t)) {
                return Long.valueOf(t);
            }
            BigDecimal exact = new BigDecimal(t);
            double d = exact.doubleValue();
            if (!Double.isInfinite(d) && new BigDecimal(Double.toString(d)).compareTo(exact) == 0) {
                return d;
            }
            return exact;
        }
        return t;
    }

    /**
     * Renders a tree as compact JSON with secret values replaced by {@value SecretPolicy#MASK}.
     *
     * @param node   the tree
     * @param path   its full path
     * @param secret tells which full paths are secret
     * @param sb     where to write
     */
    static void render(ConfigNode node, ConfigPath path, Predicate<ConfigPath> secret, StringBuilder sb) {
        if (node instanceof ConfigObject o) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, ConfigNode> e : o.entries().entrySet()) {
                sb.append(first ? "" : ",");
                first = false;
                quote(e.getKey(), sb);
                sb.append(':');
                render(e.getValue(), path.child(e.getKey()), secret, sb);
            }
            sb.append('}');
        } else if (node instanceof ConfigList l) {
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                sb.append(i == 0 ? "" : ",");
                render(l.items().get(i), path.child(i), secret, sb);
            }
            sb.append(']');
        } else if (node instanceof ConfigNull) {
            sb.append("null");
        } else {
            ConfigScalar s = (ConfigScalar) node;
            if (secret.test(path) || SecretPolicy.isEncrypted(s.text())) {
                quote(SecretPolicy.MASK, sb);
            } else if (s.type() == ScalarType.STRING) {
                quote(s.text(), sb);
            } else {
                sb.append(s.text());
            }
        }
    }

    private static void quote(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    /**
     * @param prefix a full path
     * @param rel    a path relative to it
     * @return the concatenation
     */
    static ConfigPath concat(ConfigPath prefix, ConfigPath rel) {
        if (prefix.isRoot()) {
            return rel;
        }
        if (rel.isRoot()) {
            return prefix;
        }
        List<String> all = new ArrayList<>(prefix.size() + rel.size());
        all.addAll(prefix.segments());
        all.addAll(rel.segments());
        return ConfigPath.of(all);
    }
}
