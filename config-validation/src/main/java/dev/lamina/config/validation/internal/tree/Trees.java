package dev.lamina.config.validation.internal.tree;

import java.util.Optional;

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
}
