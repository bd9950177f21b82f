package dev.lamina.config.internal.merge;

import java.util.Map;

import dev.lamina.config.ConfigException;
import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.Origin;

/**
 * The one rule for keys with dots (docs/sources-and-formats.md, "Keys with dots"): an unquoted dotted key is a path
 * and has been split by its reader; a key that still holds a dot was written as one key on purpose (a quoted YAML
 * or TOML key, a JSON key, an XML name). When such a literal key and a nested path name the same value, in one
 * file or across layers, neither may silently win: the load fails naming both origins. Stateless.
 */
public final class DottedKeys {

    private DottedKeys() {
    }

    /**
     * Checks one object's own keys (not its children's).
     *
     * @param object the object
     * @param at     the object's path ({@link ConfigPath#root()} for the root), or {@code null} when unknown
     * @throws ConfigException when a literal dotted key and a nested path of the object name the same value
     */
    public static void checkWithin(ConfigObject object, ConfigPath at) {
        Map<String, ConfigNode> entries = object.entries();
        for (Map.Entry<String, ConfigNode> e : entries.entrySet()) {
            String key = e.getKey();
            if (key.indexOf('.') < 0) {
                continue;
            }
            ConfigNode nested = find(entries, key.split("\\.", -1));
            if (nested != null) {
                throw clash(at, key, e.getValue().origin(), nested.origin());
            }
        }
    }

    /** @return whether any key of the entries holds a dot (cheap pre-check before {@link #checkWithin}) */
    static boolean hasDottedKey(Map<String, ConfigNode> entries) {
        for (String key : entries.keySet()) {
            if (key.indexOf('.') >= 0) {
                return true;
            }
        }
        return false;
    }

    private static ConfigNode find(Map<String, ConfigNode> entries, String[] segments) {
        if (segments.length < 2 || segments[0].isEmpty()) {
            return null;
        }
        ConfigNode node = entries.get(segments[0]);
        for (int i = 1; i < segments.length && node != null; i++) {
            if (node instanceof ConfigObject o) {
                node = o.entries().get(segments[i]);
            } else if (node instanceof ConfigList l && isIndex(segments[i])) {
                int index = Integer.parseInt(segments[i]);
                node = index < l.size() ? l.items().get(index) : null;
            } else {
                return null;
            }
        }
        return node;
    }

    private static boolean isIndex(String s) {
        return !s.isEmpty() && s.length() < 10 && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static ConfigException clash(ConfigPath at, String key, Origin literal, Origin nested) {
        return new ConfigException(literal, at == null ? null : at.child(key), "the key '" + key + "' is one key with dots in"
                + " its name (quoted, or from JSON or XML) and the nested keys " + key + " at " + describe(nested)
                + " name the same value, so one would silently hide the other; write it nested (or, in YAML or TOML,"
                + " as an unquoted dotted key, which is a path) or rename one of them");
    }

    private static String describe(Origin o) {
        return o.toString();
    }
}
