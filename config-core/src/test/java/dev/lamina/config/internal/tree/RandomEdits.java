package dev.lamina.config.internal.tree;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Origin;
import dev.lamina.config.ScalarType;

/**
 * Test-only: random trees and random edits of them, for checking that what a reload computes incrementally (shared
 * nodes, the lookup index, the content hash) equals what it would compute from scratch. Keys include list-index
 * look-alikes and characters that need quoting in paths; edits change values, types, origins, key order, add and
 * remove entries, and swap objects, lists and scalars.
 */
public final class RandomEdits {

    private static final String[] KEYS = {"a", "b", "port", "0", "1", "x.y", "host", "tier", "[q]", "z"};
    private static final String[] TEXTS = {"1", "2", "8080", "true", "false", "premium", "", "-3", "2147483648",
        "ENC[v1:a2V5:bm9uY2U=:c2VjcmV0]"};

    private final SplittableRandom random;

    /** @param seed the seed */
    public RandomEdits(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** @return a random object three to four levels deep */
    public ConfigObject tree() {
        return object(0);
    }

    private ConfigObject object(int depth) {
        Map<String, ConfigNode> m = new LinkedHashMap<>();
        int n = random.nextInt(depth == 0 ? 3 : 0, 6);
        for (int i = 0; i < n; i++) {
            m.put(KEYS[random.nextInt(KEYS.length)], node(depth + 1));
        }
        return new ConfigObject(m, origin());
    }

    private ConfigNode node(int depth) {
        int kind = random.nextInt(depth >= 4 ? 2 : 5);
        return switch (kind) {
            case 0 -> scalar();
            case 1 -> random.nextInt(8) == 0 ? new ConfigNull(origin()) : scalar();
            case 2 -> list(depth);
            default -> object(depth);
        };
    }

    private ConfigList list(int depth) {
        List<ConfigNode> items = new ArrayList<>();
        int n = random.nextInt(0, 4);
        for (int i = 0; i < n; i++) {
            items.add(node(depth + 1));
        }
        return new ConfigList(items, origin());
    }

    private ConfigScalar scalar() {
        ScalarType type = ScalarType.values()[random.nextInt(ScalarType.values().length)];
        return new ConfigScalar(TEXTS[random.nextInt(TEXTS.length)], type, origin());
    }

    private Origin origin() {
        return Origin.of(random.nextBoolean() ? "base.yaml" : "staging.yaml", random.nextInt(1, 4), 1);
    }

    /**
     * @param tree a tree
     * @return a deep copy of {@code tree} (no node shared) with zero to three random edits
     */
    public ConfigObject edited(ConfigObject tree) {
        ConfigObject out = (ConfigObject) copy(tree);
        int edits = random.nextInt(0, 4);
        for (int i = 0; i < edits; i++) {
            out = (ConfigObject) edit(out, 0);
        }
        return out;
    }

    private ConfigNode edit(ConfigNode node, int depth) {
        // The root stays an object, as every configuration's does.
        if (node instanceof ConfigObject o && (depth == 0 || !o.entries().isEmpty() && random.nextInt(3) > 0)) {
            Map<String, ConfigNode> m = new LinkedHashMap<>(o.entries());
            if (m.isEmpty()) {
                m.put(KEYS[random.nextInt(KEYS.length)], node(depth + 1));
                return new ConfigObject(m, o.origin());
            }
            List<String> keys = new ArrayList<>(o.entries().keySet());
            String key = keys.get(random.nextInt(keys.size()));
            switch (random.nextInt(5)) {
                case 0 -> m.remove(key);
                case 1 -> m.put(KEYS[random.nextInt(KEYS.length)], node(depth + 1));
                case 2 -> {
                    ConfigNode moved = m.remove(key);
                    m.put(key, moved); // same entries, another order
                }
                default -> m.put(key, edit(m.get(key), depth + 1));
            }
            return new ConfigObject(m, o.origin());
        }
        if (node instanceof ConfigList l && !l.items().isEmpty() && random.nextInt(3) > 0) {
            List<ConfigNode> items = new ArrayList<>(l.items());
            int i = random.nextInt(items.size());
            switch (random.nextInt(3)) {
                case 0 -> items.remove(i);
                case 1 -> items.add(node(depth + 1));
                default -> items.set(i, edit(items.get(i), depth + 1));
            }
            return new ConfigList(items, l.origin());
        }
        return switch (random.nextInt(3)) {
            case 0 -> node(Math.min(depth, 3));
            case 1 -> withOrigin(node, Origin.of("staging.yaml", 99, 1));
            default -> scalar();
        };
    }

    private static ConfigNode withOrigin(ConfigNode node, Origin origin) {
        if (node instanceof ConfigObject o) {
            return new ConfigObject(o.entries(), origin);
        }
        if (node instanceof ConfigList l) {
            return new ConfigList(l.items(), origin);
        }
        if (node instanceof ConfigScalar s) {
            return new ConfigScalar(s.text(), s.type(), origin);
        }
        return new ConfigNull(origin);
    }

    /**
     * @param node a tree
     * @return an equal tree made of new instances
     */
    public static ConfigNode copy(ConfigNode node) {
        if (node instanceof ConfigObject o) {
            Map<String, ConfigNode> m = new LinkedHashMap<>();
            o.entries().forEach((k, v) -> m.put(new String(k), copy(v)));
            return new ConfigObject(m, o.origin());
        }
        if (node instanceof ConfigList l) {
            return new ConfigList(l.items().stream().map(RandomEdits::copy).toList(), l.origin());
        }
        if (node instanceof ConfigScalar s) {
            return new ConfigScalar(new String(s.text()), s.type(), s.origin());
        }
        return new ConfigNull(node.origin());
    }

    /**
     * @param a a tree
     * @param b a tree
     * @return {@code true} when equal including the order of every object's keys (records compare maps unordered)
     */
    public static boolean identical(ConfigNode a, ConfigNode b) {
        if (!a.equals(b)) {
            return false;
        }
        if (a instanceof ConfigObject x && b instanceof ConfigObject y) {
            if (!new ArrayList<>(x.entries().keySet()).equals(new ArrayList<>(y.entries().keySet()))) {
                return false;
            }
            for (String k : x.entries().keySet()) {
                if (!identical(x.entries().get(k), y.entries().get(k))) {
                    return false;
                }
            }
        }
        if (a instanceof ConfigList x && b instanceof ConfigList y) {
            for (int i = 0; i < x.size(); i++) {
                if (!identical(x.items().get(i), y.items().get(i))) {
                    return false;
                }
            }
        }
        return true;
    }
}
