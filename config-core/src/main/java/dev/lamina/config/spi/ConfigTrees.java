package dev.lamina.config.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Origin;

/**
 * Navigation over the immutable configuration tree: find a node by path, the origin nearest to a path that does not
 * exist (so a finding about a missing key still points into the right file), the leaves with their paths, and a
 * bottom-up {@link #fold} into another model.
 *
 * <p>Path segments address object keys and, on a list, item indexes written in decimal ({@code servers.0.host}), as
 * {@link ConfigPath} writes them. Arguments must not be {@code null} ({@link NullPointerException} otherwise).
 * Stateless and thread-safe.
 */
public final class ConfigTrees {

    /** List indexes longer than this cannot be an {@code int} index of a real list (and are not parsed). */
    private static final int MAX_INDEX_DIGITS = 9;

    private ConfigTrees() {
    }

    /**
     * @param root a tree
     * @param path a path relative to {@code root}; the root path finds {@code root} itself
     * @return the node at the path, or empty when some segment is absent or addresses into a scalar or null
     */
    public static Optional<ConfigNode> find(ConfigNode root, ConfigPath path) {
        Objects.requireNonNull(root, "root");
        ConfigNode cur = root;
        for (String segment : path.segments()) {
            cur = childOrNull(cur, segment);
            if (cur == null) {
                return Optional.empty();
            }
        }
        return Optional.of(cur);
    }

    /**
     * @param root a tree
     * @param path a path relative to {@code root}, which may not exist in full
     * @return the origin of the deepest node along the path that exists (the root's when none below it does)
     */
    public static Origin nearestOrigin(ConfigNode root, ConfigPath path) {
        Objects.requireNonNull(root, "root");
        ConfigNode cur = root;
        for (String segment : path.segments()) {
            ConfigNode next = childOrNull(cur, segment);
            if (next == null) {
                break;
            }
            cur = next;
        }
        return cur.origin();
    }

    /**
     * @param node    an object or list (any other node has no children)
     * @param segment a key, or a list index in decimal
     * @return the child, or empty
     */
    public static Optional<ConfigNode> child(ConfigNode node, String segment) {
        Objects.requireNonNull(segment, "segment");
        return Optional.ofNullable(childOrNull(Objects.requireNonNull(node, "node"), segment));
    }

    /**
     * The leaves of a tree: scalars, nulls, and empty objects and lists (which hold no leaf of their own), each with
     * its path relative to {@code root}, in document order. A root that is itself a leaf yields no entry, because a
     * leaf has no path of its own below the root.
     *
     * @param root a tree
     * @return an unmodifiable map, ordered as the document
     */
    public static Map<ConfigPath, ConfigNode> leaves(ConfigNode root) {
        Map<ConfigPath, ConfigNode> out = new LinkedHashMap<>();
        leaves(ConfigPath.root(), Objects.requireNonNull(root, "root"), out);
        return Collections.unmodifiableMap(out);
    }

    private static void leaves(ConfigPath path, ConfigNode node, Map<ConfigPath, ConfigNode> out) {
        if (node instanceof ConfigObject o && !o.isEmpty()) {
            for (Map.Entry<String, ConfigNode> e : o.entries().entrySet()) {
                leaves(path.child(e.getKey()), e.getValue(), out);
            }
        } else if (node instanceof ConfigList l && l.size() > 0) {
            for (int i = 0; i < l.size(); i++) {
                leaves(path.child(i), l.items().get(i), out);
            }
        } else if (!path.isRoot()) {
            out.put(path, node);
        }
    }

    /**
     * Folds a tree bottom-up through {@code folder} (see {@link TreeFolder}): children before their parent, entries
     * and items in document order. Recursion depth is the tree's depth, which the parsers bound.
     *
     * @param root   a tree
     * @param folder what each kind of node becomes
     * @param <T>    the result type
     * @return the root's result, as the folder returned it (which may be {@code null} if the folder returns nulls)
     */
    public static <T> T fold(ConfigNode root, TreeFolder<T> folder) {
        Objects.requireNonNull(folder, "folder");
        return fold(Objects.requireNonNull(root, "root"), ConfigPath.root(), folder);
    }

    private static <T> T fold(ConfigNode node, ConfigPath path, TreeFolder<T> folder) {
        if (node instanceof ConfigObject o) {
            Map<String, T> children = new LinkedHashMap<>();
            for (Map.Entry<String, ConfigNode> e : o.entries().entrySet()) {
                children.put(e.getKey(), fold(e.getValue(), path.child(e.getKey()), folder));
            }
            return folder.object(o, path, Collections.unmodifiableMap(children));
        }
        if (node instanceof ConfigList l) {
            List<T> items = new ArrayList<>(l.size());
            for (int i = 0; i < l.size(); i++) {
                items.add(fold(l.items().get(i), path.child(i), folder));
            }
            return folder.list(l, path, Collections.unmodifiableList(items));
        }
        if (node instanceof ConfigScalar s) {
            return folder.scalar(s, path);
        }
        return folder.nullValue((ConfigNull) node, path);
    }

    private static ConfigNode childOrNull(ConfigNode node, String segment) {
        if (node instanceof ConfigObject o) {
            return o.entries().get(segment);
        }
        if (node instanceof ConfigList l) {
            int i = listIndex(segment);
            return i >= 0 && i < l.size() ? l.items().get(i) : null;
        }
        return null;
    }

    private static int listIndex(String segment) {
        if (segment.isEmpty() || segment.length() > MAX_INDEX_DIGITS) {
            return -1;
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
        }
        return Integer.parseInt(segment);
    }
}
