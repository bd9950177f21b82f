package dev.lamina.config.internal.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;

/** The leaves that differ between two trees, ignoring origins. */
public final class TreeDiff {

    /**
     * One changed leaf.
     *
     * @param path     the leaf path
     * @param oldValue the previous leaf, or {@code null} when added
     * @param newValue the new leaf, or {@code null} when removed
     */
    public record Change(ConfigPath path, ConfigNode oldValue, ConfigNode newValue) {
    }

    private TreeDiff() {
    }

    /**
     * @param before the old tree, or {@code null} for none
     * @param after  the new tree
     * @return changed and added leaves in the new tree's document order, then removed leaves in the old order
     */
    public static List<Change> between(ConfigObject before, ConfigObject after) {
        Map<ConfigPath, ConfigNode> old = before == null ? Map.of() : Leaves.of(before);
        Map<ConfigPath, ConfigNode> now = Leaves.of(after);
        List<Change> out = new ArrayList<>();
        now.forEach((path, node) -> {
            ConfigNode was = old.get(path);
            if (was == null || !Leaves.sameValue(was, node)) {
                out.add(new Change(path, was, node));
            }
        });
        old.forEach((path, node) -> {
            if (!now.containsKey(path)) {
                out.add(new Change(path, node, null));
            }
        });
        return out;
    }
}
