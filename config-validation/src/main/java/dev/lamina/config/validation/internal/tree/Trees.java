package dev.lamina.config.validation.internal.tree;

import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.Origin;

/**
 * Navigation over the immutable tree. Rules use these instead of the {@code Configuration} getters so that they
 * depend only on the tree model and every finding can carry the node's own origin.
 */
public final class Trees {

    private Trees() {
    }

    /**
     * @param root a tree
     * @param path a path into it
     * @return the node at the path, or empty when absent
     */
    public static Optional<ConfigNode> find(ConfigNode root, ConfigPath path) {
        ConfigNode cur = root;
        for (String seg : path.segments()) {
            Optional<ConfigNode> next = child(cur, seg);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            cur = next.get();
        }
        return Optional.of(cur);
    }

    /**
     * @param root a tree
     * @param path a path that may not exist in full
     * @return the origin of the deepest node along the path that exists (the root's when none below it does)
     */
    public static Origin nearestOrigin(ConfigNode root, ConfigPath path) {
        ConfigNode cur = root;
        for (String seg : path.segments()) {
            Optional<ConfigNode> next = child(cur, seg);
            if (next.isEmpty()) {
                break;
            }
            cur = next.get();
        }
        return cur.origin();
    }

    private static Optional<ConfigNode> child(ConfigNode node, String segment) {
        if (node instanceof ConfigObject o) {
            return o.get(segment);
        }
        if (node instanceof ConfigList l && !segment.isEmpty() && segment.chars().allMatch(Character::isDigit)
                && segment.length() < 10) {
            int i = Integer.parseInt(segment);
            return i < l.size() ? Optional.of(l.items().get(i)) : Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * Visits every node of a tree, parents before children, in document order.
     *
     * @param root    the tree
     * @param visitor receives each node's path and the node
     */
    public static void walk(ConfigNode root, BiConsumer<ConfigPath, ConfigNode> visitor) {
        walk(ConfigPath.root(), root, visitor);
    }

    private static void walk(ConfigPath path, ConfigNode node, BiConsumer<ConfigPath, ConfigNode> visitor) {
        visitor.accept(path, node);
        if (node instanceof ConfigObject o) {
            for (Map.Entry<String, ConfigNode> e : o.entries().entrySet()) {
                walk(path.child(e.getKey()), e.getValue(), visitor);
            }
        } else if (node instanceof ConfigList l) {
            for (int i = 0; i < l.size(); i++) {
                walk(path.child(i), l.items().get(i), visitor);
            }
        }
    }
}
