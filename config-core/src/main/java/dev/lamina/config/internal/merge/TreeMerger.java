package dev.lamina.config.internal.merge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lamina.config.ConfigException;
import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Layer;
import dev.lamina.config.ListMergeStrategy;
import dev.lamina.config.MergeOptions;
import dev.lamina.config.Origin;

/**
 * Merges ordered layers into one tree (see {@code docs/merging.md}).
 *
 * <ul>
 *   <li>Later layers win; objects merge key by key, deeply; scalars and lists replace (RFC 7386).</li>
 *   <li>An explicit null deletes the key below it; a null with nothing below leaves the key absent, so the
 *       merged tree holds nulls only inside lists.</li>
 *   <li>A non-object replaces an object and an object replaces a non-object.</li>
 *   <li>Lists at paths with a declared {@link ListMergeStrategy} append or merge by key instead.</li>
 * </ul>
 *
 * <p>The winning node keeps its origin; a merged object takes the origin of the highest layer that holds an
 * object there. Subtrees that need no change are shared with the layers, not copied. Immutable and
 * thread-safe.
 */
public final class TreeMerger {

    private final ListStrategies strategies;
    /** Paths are only needed to look up list strategies and to name errors, which only non-replace lists have. */
    private final boolean trackPaths;

    /** @param options the merge options */
    public TreeMerger(MergeOptions options) {
        this.strategies = new ListStrategies(options);
        this.trackPaths = !strategies.allReplace();
    }

    /**
     * @param layers the layers, lowest precedence first
     * @return the merged tree; an empty object with an unknown origin when there are no layers
     * @throws ConfigException if a merge-by-key list holds an item that is not an object with the key field
     */
    public ConfigObject merge(List<Layer> layers) {
        ConfigObject acc = null;
        for (Layer layer : layers) {
            acc = acc == null ? place(layer.root(), ConfigPath.root()) : mergeObjects(acc, layer.root(), ConfigPath.root());
        }
        return acc == null ? ConfigObject.empty(Origin.UNKNOWN) : acc;
    }

    /**
     * Merges one patch object onto a base, as a higher layer onto the merge of the lower ones.
     *
     * @param base  the merged lower layers (holds no nulls outside lists)
     * @param patch the higher layer
     * @return the merged object
     */
    public ConfigObject merge(ConfigObject base, ConfigObject patch) {
        return mergeObjects(base, patch, ConfigPath.root());
    }

    /** @return the strategy lookup this merger uses (explain needs it to know how a list was combined) */
    public ListStrategies strategies() {
        return strategies;
    }

    private ConfigPath child(ConfigPath path, String key) {
        return trackPaths ? path.child(key) : path;
    }

    private ConfigPath child(ConfigPath path, int index) {
        return trackPaths ? path.child(index) : path;
    }

    /** @throws ConfigException when a literal dotted key and a nested path of the result name the same value */
    private ConfigObject mergeObjects(ConfigObject base, ConfigObject patch, ConfigPath path) {
        LinkedHashMap<String, ConfigNode> out = new LinkedHashMap<>(base.entries());
        for (Map.Entry<String, ConfigNode> e : patch.entries().entrySet()) {
            String key = e.getKey();
            ConfigNode value = e.getValue();
            if (value instanceof ConfigNull) {
                out.remove(key);
            } else if (value instanceof ConfigObject object) {
                ConfigNode below = out.get(key);
                ConfigPath childPath = child(path, key);
                out.put(key, below instanceof ConfigObject belowObject
                        ? mergeObjects(belowObject, object, childPath) : place(object, childPath));
            } else if (value instanceof ConfigList list) {
                ConfigNode below = out.get(key);
                ConfigPath childPath = child(path, key);
                ListMergeStrategy strategy = trackPaths ? strategies.strategyFor(childPath) : ListMergeStrategy.replace();
                out.put(key, below instanceof ConfigList belowList && !(strategy instanceof ListMergeStrategy.Replace)
                        ? mergeLists(belowList, list, strategy, childPath) : placeList(list, childPath));
            } else {
                out.put(key, value);
            }
        }
        ConfigObject merged = new ConfigObject(out, patch.origin());
        if (DottedKeys.hasDottedKey(out)) {
            // A literal dotted key in one layer and the nested path in another: both survive the merge as
            // different keys, and one would silently hide the other (docs/merging.md).
            DottedKeys.checkWithin(merged, trackPaths ? path : null);
        }
        return merged;
    }

    /** Puts an object where nothing mergeable lies below: nulls vanish, merge-by-key lists are checked. */
    private ConfigObject place(ConfigObject object, ConfigPath path) {
        LinkedHashMap<String, ConfigNode> out = null;
        for (Map.Entry<String, ConfigNode> e : object.entries().entrySet()) {
            ConfigNode value = e.getValue();
            ConfigNode placed;
            if (value instanceof ConfigNull) {
                placed = null;
            } else if (value instanceof ConfigObject child) {
                placed = place(child, child(path, e.getKey()));
            } else if (value instanceof ConfigList list) {
                placed = placeList(list, child(path, e.getKey()));
            } else {
                placed = value;
            }
            if (placed != value && out == null) {
                // First change: copy the entries seen so far; until then the object is shared as is.
                out = new LinkedHashMap<>();
                for (Map.Entry<String, ConfigNode> seen : object.entries().entrySet()) {
                    if (seen.getKey().equals(e.getKey())) {
                        break;
                    }
                    out.put(seen.getKey(), seen.getValue());
                }
            }
            if (out != null && placed != null) {
                out.put(e.getKey(), placed);
            }
        }
        return out == null ? object : new ConfigObject(out, object.origin());
    }

    private ConfigList placeList(ConfigList list, ConfigPath path) {
        if (!trackPaths) {
            return list;
        }
        ListMergeStrategy strategy = strategies.strategyFor(path);
        if (!(strategy instanceof ListMergeStrategy.MergeByKey byKey)) {
            // Lists are values: their items, nulls included, are kept as written (RFC 7386).
            return list;
        }
        keysOf(list, byKey.field(), path);
        List<ConfigNode> items = new ArrayList<>(list.size());
        boolean changed = false;
        for (int i = 0; i < list.size(); i++) {
            ConfigObject item = (ConfigObject) list.items().get(i);
            ConfigObject placed = place(item, path.child(i));
            changed |= placed != item;
            items.add(placed);
        }
        return changed ? new ConfigList(items, list.origin()) : list;
    }

    private ConfigList mergeLists(ConfigList base, ConfigList patch, ListMergeStrategy strategy, ConfigPath path) {
        if (strategy instanceof ListMergeStrategy.Append) {
            List<ConfigNode> items = new ArrayList<>(base.size() + patch.size());
            items.addAll(base.items());
            items.addAll(patch.items());
            return new ConfigList(items, patch.origin());
        }
        String field = ((ListMergeStrategy.MergeByKey) strategy).field();
        List<String> baseKeys = keysOf(base, field, path);
        List<String> patchKeys = keysOf(patch, field, path);
        List<ConfigNode> items = new ArrayList<>(base.items());
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < baseKeys.size(); i++) {
            positions.put(baseKeys.get(i), i);
        }
        for (int i = 0; i < patch.size(); i++) {
            ConfigObject item = (ConfigObject) patch.items().get(i);
            Integer at = positions.get(patchKeys.get(i));
            if (at != null) {
                items.set(at, mergeObjects((ConfigObject) items.get(at), item, path.child(at)));
            } else {
                positions.put(patchKeys.get(i), items.size());
                items.add(place(item, path.child(items.size())));
            }
        }
        return new ConfigList(items, patch.origin());
    }

    /**
     * Checks a merge-by-key list and returns each item's key text.
     * Messages name items by index and origin, never by key value, which could be secret.
     */
    private static List<String> keysOf(ConfigList list, String field, ConfigPath path) {
        List<String> keys = new ArrayList<>(list.size());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            ConfigNode item = list.items().get(i);
            ConfigPath itemPath = path.child(i);
            if (!(item instanceof ConfigObject object)) {
                throw new ConfigException(item.origin(), itemPath, "list merged by key '" + field
                        + "' holds " + article(item.kindName()) + " where an object is expected (fix: make every"
                        + " item an object with a '" + field + "' field, or declare another list strategy)");
            }
            ConfigNode key = object.entries().get(field);
            if (!(key instanceof ConfigScalar scalar)) {
                String found = key == null ? "has no '" + field + "' field"
                        : "has " + article(key.kindName()) + " as its '" + field + "' field";
                throw new ConfigException(object.origin(), itemPath, "item of a list merged by key '" + field
                        + "' " + found + " (fix: give every item a scalar '" + field + "')");
            }
            Integer previous = seen.putIfAbsent(scalar.text(), i);
            if (previous != null) {
                throw new ConfigException(object.origin(), itemPath, "item has the same '" + field + "' as item "
                        + previous + " of the same list (fix: merge the two items, or make the keys unique)");
            }
            keys.add(scalar.text());
        }
        return keys;
    }

    private static String article(String kind) {
        if (kind.equals("null")) {
            return "null";
        }
        return ("aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind;
    }
}
