package dev.lamina.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import dev.lamina.config.internal.runtime.Leaves;

/**
 * {@link ConfigDiff} walks both trees at once; these tests hold it to the previous algorithm (both trees flattened
 * to leaf maps, kept here as the oracle) on generated trees and edits of them, entry for entry and in order.
 */
class ConfigDiffOracleTest {

    private static final SecretPolicy POLICY = SecretPolicy.DEFAULT;
    private static final String[] KEYS = {"a", "b", "server", "port", "password", "0", "1", "00", "x.y", ""};

    /** The diff before the single walk: leaf maps of both trees. */
    private static List<ConfigDiff.Entry> oracle(ConfigObject left, ConfigObject right, SecretPolicy policy) {
        Map<ConfigPath, ConfigNode> before = Leaves.of(left);
        Map<ConfigPath, ConfigNode> after = Leaves.of(right);
        List<ConfigDiff.Entry> out = new ArrayList<>();
        after.forEach((path, node) -> {
            ConfigNode was = before.get(path);
            if (was == null || !Leaves.sameValue(was, node)) {
                out.add(entry(path, was, node, policy));
            }
        });
        before.forEach((path, node) -> {
            if (!after.containsKey(path)) {
                out.add(entry(path, node, null, policy));
            }
        });
        return out;
    }

    private static ConfigDiff.Entry entry(ConfigPath path, ConfigNode left, ConfigNode right, SecretPolicy policy) {
        boolean secret = policy.isSecret(path) || encrypted(left) || encrypted(right);
        return new ConfigDiff.Entry(path, Optional.ofNullable(left), Optional.ofNullable(right), secret);
    }

    private static boolean encrypted(ConfigNode node) {
        return node instanceof ConfigScalar s && SecretPolicy.isEncrypted(s.text());
    }

    private static Origin origin(Random r) {
        return Origin.of("gen" + r.nextInt(3) + ".yaml", 1 + r.nextInt(50), 1);
    }

    private static ConfigNode scalar(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> new ConfigNull(origin(r));
            case 1 -> new ConfigScalar(Integer.toString(r.nextInt(3)), ScalarType.NUMBER, origin(r));
            case 2 -> ConfigScalar.string(Integer.toString(r.nextInt(3)), origin(r));
            case 3 -> ConfigScalar.string("ENC[v1:abc" + r.nextInt(2) + "]", origin(r));
            case 4 -> ConfigObject.empty(origin(r));
            default -> new ConfigList(List.of(), origin(r));
        };
    }

    private static ConfigNode node(Random r, int depth) {
        int kind = depth >= 4 ? 0 : r.nextInt(4);
        if (kind == 0 || kind == 1) {
            return scalar(r);
        }
        if (kind == 2) {
            return object(r, depth);
        }
        List<ConfigNode> items = new ArrayList<>();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            items.add(node(r, depth + 1));
        }
        return new ConfigList(items, origin(r));
    }

    private static ConfigObject object(Random r, int depth) {
        Map<String, ConfigNode> entries = new LinkedHashMap<>();
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            entries.put(KEYS[r.nextInt(KEYS.length)], node(r, depth + 1));
        }
        return new ConfigObject(entries, origin(r));
    }

    /** An edit of a tree: shares untouched subtrees by reference, as a reload does. */
    private static ConfigNode edit(Random r, ConfigNode n, int depth) {
        int roll = r.nextInt(10);
        if (roll == 0) {
            return node(r, depth); // replaced, possibly by another kind
        }
        if (roll == 1) {
            return n instanceof ConfigScalar s ? new ConfigScalar(s.text(), s.type(), origin(r)) : n; // origin only
        }
        if (n instanceof ConfigObject o) {
            Map<String, ConfigNode> entries = new LinkedHashMap<>();
            List<String> keys = new ArrayList<>(o.entries().keySet());
            if (r.nextInt(4) == 0) {
                java.util.Collections.reverse(keys);
            }
            for (String k : keys) {
                if (r.nextInt(8) != 0) {
                    entries.put(k, edit(r, o.entries().get(k), depth + 1));
                }
            }
            if (r.nextInt(4) == 0) {
                entries.put(KEYS[r.nextInt(KEYS.length)], node(r, depth + 1));
            }
            if (r.nextInt(6) == 0) {
                return new ConfigList(new ArrayList<>(entries.values()), o.origin()); // object becomes a list
            }
            return new ConfigObject(entries, o.origin());
        }
        if (n instanceof ConfigList l) {
            List<ConfigNode> items = new ArrayList<>();
            for (ConfigNode item : l.items()) {
                if (r.nextInt(8) != 0) {
                    items.add(edit(r, item, depth + 1));
                }
            }
            if (r.nextInt(4) == 0) {
                items.add(node(r, depth + 1));
            }
            if (r.nextInt(6) == 0) {
                Map<String, ConfigNode> byIndex = new LinkedHashMap<>();
                for (int i = 0; i < items.size(); i++) {
                    byIndex.put(Integer.toString(i), items.get(i)); // list becomes an object keyed "0", "1", ...
                }
                return new ConfigObject(byIndex, l.origin());
            }
            return new ConfigList(items, l.origin());
        }
        return n;
    }

    @TestFactory
    Stream<DynamicTest> givesTheSameEntriesInTheSameOrderAsTheLeafMapDiff() {
        Random r = new Random(424242L);
        return IntStream.range(0, 600).mapToObj(i -> {
            ConfigObject left = object(r, 0);
            ConfigNode edited = edit(r, left, 0);
            ConfigObject right = edited instanceof ConfigObject o ? o : object(r, 0);
            boolean swap = r.nextBoolean();
            ConfigObject a = swap ? right : left;
            ConfigObject b = swap ? left : right;
            return DynamicTest.dynamicTest("trees #" + i, () ->
                    assertThat(ConfigDiff.between(a, b, POLICY)).containsExactlyElementsOf(oracle(a, b, POLICY)));
        });
    }

    @Test
    void anObjectKeyedByIndexAndAListWithTheSameItemsDoNotDiffer() {
        Origin o = Origin.of("t.yaml");
        ConfigScalar x = ConfigScalar.string("x", o);
        ConfigObject left = new ConfigObject(Map.of("a", new ConfigObject(Map.of("0", x), o)), o);
        ConfigObject right = new ConfigObject(Map.of("a", new ConfigList(List.of(x), o)), o);
        assertThat(ConfigDiff.between(left, right, POLICY)).isEmpty();
        assertThat(oracle(left, right, POLICY)).isEmpty();
    }

    @Test
    void aLeafBecomingAContainerIsAddedBelowAndRemovedAtItsPath() {
        Origin o = Origin.of("t.yaml");
        ConfigObject left = new ConfigObject(Map.of("a", ConfigObject.empty(o)), o);
        ConfigObject right = new ConfigObject(Map.of("a", new ConfigObject(Map.of("b", ConfigScalar.string("1", o)), o)), o);
        assertThat(ConfigDiff.between(left, right, POLICY)).extracting(e -> e.path().toString())
                .containsExactly("a.b", "a");
        assertThat(ConfigDiff.between(left, right, POLICY)).containsExactlyElementsOf(oracle(left, right, POLICY));
    }

    @Test
    void theSameTreeHasNoDifferences() {
        ConfigObject tree = object(new Random(7), 0);
        assertThat(ConfigDiff.between(tree, tree, POLICY)).isEmpty();
    }
}
