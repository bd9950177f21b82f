package dev.lamina.config.internal.tree;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigScalar;

/**
 * Structural sharing between two versions of a tree. A reload parses, merges and resolves into new node instances
 * even where nothing changed; handing the next version the previous version's instances wherever they are equal
 * lets everything after it (the lookup index, the content hash, the diff, listeners) skip unchanged subtrees by
 * reference instead of walking them.
 */
public final class Sharing {

    private Sharing() {
    }

    /**
     * @param fresh the new tree
     * @param old   the previous tree at the same place, or {@code null}
     * @return a tree equal to {@code fresh} in every respect (values, types, key order and origins) that is
     *         {@code old} itself when the two are equal, and otherwise reuses {@code old}'s equal subtrees
     */
    public static ConfigNode share(ConfigNode fresh, ConfigNode old) {
        if (fresh == old || old == null) {
            return fresh;
        }
        if (fresh instanceof ConfigObject f) {
            return old instanceof ConfigObject o ? shareObject(f, o) : fresh;
        }
        if (fresh instanceof ConfigList f) {
            return old instanceof ConfigList o ? shareList(f, o) : fresh;
        }
        if (fresh instanceof ConfigScalar f) {
            return old instanceof ConfigScalar o && f.type() == o.type() && f.text().equals(o.text())
                    && f.origin().equals(o.origin()) ? old : fresh;
        }
        return fresh instanceof ConfigNull f && old instanceof ConfigNull o && f.origin().equals(o.origin())
                ? old : fresh;
    }

    /** @see #share */
    public static ConfigObject share(ConfigObject fresh, ConfigObject old) {
        return (ConfigObject) share((ConfigNode) fresh, old);
    }

    private static ConfigNode shareObject(ConfigObject fresh, ConfigObject old) {
        Map<String, ConfigNode> entries = fresh.entries();
        Map<String, ConfigNode> previous = old.entries();
        // "same" survives only if every child is the old instance, in the old order, under an equal origin.
        boolean same = entries.size() == previous.size() && fresh.origin().equals(old.origin());
        Iterator<String> previousKeys = previous.keySet().iterator();
        ConfigNode[] reused = null;
        int i = 0;
        for (Map.Entry<String, ConfigNode> e : entries.entrySet()) {
            ConfigNode before = previous.get(e.getKey());
            ConfigNode shared = share(e.getValue(), before);
            if (same) {
                same = shared == before && previousKeys.next().equals(e.getKey());
            }
            if (shared != e.getValue()) {
                if (reused == null) {
                    reused = new ConfigNode[entries.size()];
                }
                reused[i] = shared;
            }
            i++;
        }
        if (same) {
            return old;
        }
        return reused == null ? fresh : Trees.withChildren(fresh, reused);
    }

    private static ConfigNode shareList(ConfigList fresh, ConfigList old) {
        List<ConfigNode> items = fresh.items();
        List<ConfigNode> previous = old.items();
        boolean same = items.size() == previous.size() && fresh.origin().equals(old.origin());
        List<ConfigNode> out = null;
        for (int i = 0; i < items.size(); i++) {
            ConfigNode before = i < previous.size() ? previous.get(i) : null;
            ConfigNode shared = share(items.get(i), before);
            same &= shared == before;
            if (shared != items.get(i) && out == null) {
                out = new ArrayList<>(items.subList(0, i));
            }
            if (out != null) {
                out.add(shared);
            }
        }
        if (same) {
            return old;
        }
        return out == null ? fresh : new ConfigList(out, fresh.origin());
    }
}
