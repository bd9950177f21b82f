package dev.lamina.config.validation.internal.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.validation.internal.rules.Scan.Hit;

/**
 * Every node of one tree with its path, normalised key and normalised path segments, computed once so that the
 * built-in rules (which all look nodes up by name) share one walk instead of one each. Immutable once built.
 */
public final class TreeIndex {

    private final ConfigObject root;
    private final Hit rootHit;
    private final List<Hit> all;

    private TreeIndex(ConfigObject root) {
        this.root = root;
        List<Hit> hits = new ArrayList<>();
        this.rootHit = build(ConfigPath.root(), root, "", "", List.of(), hits);
        this.all = Collections.unmodifiableList(hits);
    }

    /**
     * @param root a tree
     * @return its index
     */
    public static TreeIndex of(ConfigObject root) {
        return new TreeIndex(root);
    }

    private static Hit build(ConfigPath path, ConfigNode node, String key, String ownerKey, List<String> segments,
                             List<Hit> out) {
        Hit hit = new Hit(path, node, key, ownerKey, segments);
        out.add(hit);
        if (node instanceof ConfigObject o) {
            List<Hit> children = new ArrayList<>(o.entries().size());
            Map<String, Hit> byKey = new HashMap<>();
            for (Map.Entry<String, ConfigNode> e : o.entries().entrySet()) {
                String k = Scan.normalise(e.getKey());
                Hit child = build(path.child(e.getKey()), e.getValue(), k, k, append(segments, k), out);
                children.add(child);
                byKey.putIfAbsent(k, child);
            }
            hit.link(children, byKey);
        } else if (node instanceof ConfigList l) {
            List<Hit> children = new ArrayList<>(l.size());
            for (int i = 0; i < l.size(); i++) {
                String k = Integer.toString(i);
                children.add(build(path.child(i), l.items().get(i), k, ownerKey, append(segments, k), out));
            }
            hit.link(children, Map.of());
        }
        return hit;
    }

    private static List<String> append(List<String> segments, String segment) {
        List<String> out = new ArrayList<>(segments.size() + 1);
        out.addAll(segments);
        out.add(segment);
        return Collections.unmodifiableList(out);
    }

    /** @return the indexed tree */
    public ConfigObject root() {
        return root;
    }

    /** @return the root's hit */
    public Hit rootHit() {
        return rootHit;
    }

    /** @return every node, parents first, in document order */
    public List<Hit> all() {
        return all;
    }
}
