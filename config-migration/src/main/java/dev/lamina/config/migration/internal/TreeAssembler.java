package dev.lamina.config.migration.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lamina.config.ConfigException;
import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.Origin;

/**
 * Builds a tree from flat keys, in order. Within one document a key given twice, or a key that is both a value and a
 * parent ({@code a=1} next to {@code a.b=2}), is an error naming both lines; a later document (a later file, a later
 * Spring document) replaces what earlier ones set. Keys whose segments are exactly {@code 0..n-1} become lists. Not
 * thread-safe; one per migration.
 */
public final class TreeAssembler {

    private final Branch root = new Branch(null);

    /** A node under construction: a leaf value or a branch of named children. */
    private static final class Branch {
        final Origin origin;
        final Map<String, Object> children = new LinkedHashMap<>();

        Branch(Origin origin) {
            this.origin = origin;
        }
    }

    /** A value and where it came from. */
    private record Leaf(ConfigNode value, String key, Origin origin, int document) {
    }

    /**
     * @param path     the path
     * @param value    the value
     * @param key      the key as the legacy file wrote it, for messages
     * @param origin   where it was written
     * @param document which document (file or Spring document) it came from; later ones win
     * @throws ConfigException on a clash within one document
     */
    public void put(ConfigPath path, ConfigNode value, String key, Origin origin, int document) {
        Branch at = root;
        List<String> segs = path.segments();
        for (int i = 0; i < segs.size() - 1; i++) {
            Object child = at.children.get(segs.get(i));
            if (child instanceof Leaf leaf) {
                if (leaf.document() == document) {
                    throw new ConfigException(origin, path, "key '" + key + "' nests below '" + leaf.key()
                            + "', which is set to a value at " + leaf.origin().describe() + "; a Lamina path cannot "
                            + "be both a value and a parent (fix: a mapping rule '" + leaf.key() + " -> " + leaf.key()
                            + "._value' moves that value beside the nested keys)");
                }
                child = null;
            }
            if (child == null) {
                // Objects get no origin of their own: each key's comment then names the line that set it.
                child = new Branch(Origin.UNKNOWN);
                at.children.put(segs.get(i), child);
            }
            at = (Branch) child;
        }
        String last = segs.get(segs.size() - 1);
        Object existing = at.children.get(last);
        if (existing instanceof Leaf leaf && leaf.document() == document) {
            throw new ConfigException(origin, path, "key '" + key + "' is set twice (also at "
                    + leaf.origin().describe() + (leaf.key().equals(key) ? "" : " as '" + leaf.key() + "'")
                    + "); keep one of them, or map one elsewhere");
        }
        if (existing instanceof Branch b && firstDocument(b) == document) {
            Leaf nested = firstLeaf(b);
            throw new ConfigException(origin, path, "key '" + key + "' sets a value on a path that has nested keys ('"
                    + nested.key() + "' at " + nested.origin().describe() + "); a Lamina path cannot be both (fix: a "
                    + "mapping rule '" + key + " -> " + key + "._value' moves this value beside them)");
        }
        at.children.put(last, new Leaf(value, key, origin, document));
    }

    /** @return whether nothing was put */
    public boolean isEmpty() {
        return root.children.isEmpty();
    }

    /**
     * @param rootOrigin the root object's origin
     * @return the tree
     */
    public ConfigObject build(Origin rootOrigin) {
        return (ConfigObject) build(root, rootOrigin, false);
    }

    private static ConfigNode build(Branch b, Origin origin, boolean allowList) {
        List<String> keys = new ArrayList<>(b.children.keySet());
        boolean list = allowList && !keys.isEmpty();
        for (int i = 0; list && i < keys.size(); i++) {
            list = keys.contains(Integer.toString(i));
        }
        Map<String, ConfigNode> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : b.children.entrySet()) {
            Object c = e.getValue();
            out.put(e.getKey(), c instanceof Leaf leaf ? leaf.value() : build((Branch) c, ((Branch) c).origin, true));
        }
        if (list) {
            List<ConfigNode> items = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                items.add(out.get(Integer.toString(i)));
            }
            return new ConfigList(items, origin);
        }
        return new ConfigObject(out, origin == null ? Origin.UNKNOWN : origin);
    }

    /** @return the root's origin: unknown, so that no comment is written for it */
    static Origin unknown() {
        return Origin.UNKNOWN;
    }

    private static int firstDocument(Branch b) {
        return firstLeaf(b).document();
    }

    private static Leaf firstLeaf(Branch b) {
        for (Object c : b.children.values()) {
            if (c instanceof Leaf l) {
                return l;
            }
            Leaf inner = firstLeaf((Branch) c);
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }
}
