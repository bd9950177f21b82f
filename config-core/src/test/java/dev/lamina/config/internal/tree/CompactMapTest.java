package dev.lamina.config.internal.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The immutable ordered map behind every ConfigObject: a Map in every observable respect. */
class CompactMapTest {

    private static LinkedHashMap<String, Integer> sample(int n) {
        LinkedHashMap<String, Integer> m = new LinkedHashMap<>();
        for (int i = n - 1; i >= 0; i--) {
            m.put("key_" + (i * 7 % (n + 3)) + "_" + i, i);
        }
        return m;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 12, 13, 100, 1000})
    void behavesAsTheLinkedHashMapItCopies(int n) {
        LinkedHashMap<String, Integer> source = sample(n);
        CompactMap<Integer> map = CompactMap.copyOf(source);
        assertThat(map).isEqualTo(source);
        assertThat(source).isEqualTo(map);
        assertThat(map.hashCode()).isEqualTo(source.hashCode());
        assertThat(map.toString()).isEqualTo(source.toString());
        assertThat(map.size()).isEqualTo(n);
        assertThat(map.isEmpty()).isEqualTo(n == 0);
        assertThat(new ArrayList<>(map.keySet())).containsExactlyElementsOf(source.keySet());
        assertThat(new ArrayList<>(map.values())).containsExactlyElementsOf(source.values());
        assertThat(new ArrayList<>(map.entrySet())).containsExactlyElementsOf(source.entrySet());
        List<String> visited = new ArrayList<>();
        map.forEach((k, v) -> visited.add(k + "=" + v));
        assertThat(visited).hasSize(n);
        for (Map.Entry<String, Integer> e : source.entrySet()) {
            // A different String instance with the same text finds the entry.
            String probe = new String(e.getKey().toCharArray());
            assertThat(map.get(probe)).isEqualTo(e.getValue());
            assertThat(map.containsKey(probe)).isTrue();
            assertThat(map.keySet().contains(probe)).isTrue();
        }
        assertThat(map.get("absent")).isNull();
        assertThat(map.get(42)).isNull();
        assertThat(map.get(null)).isNull();
        assertThat(map.getOrDefault("absent", -1)).isEqualTo(-1);
        assertThat(map.containsKey("absent")).isFalse();
    }

    @Test
    void keepsInsertionOrderNotHashOrder() {
        LinkedHashMap<String, Integer> source = new LinkedHashMap<>();
        for (String k : List.of("zeta", "alpha", "mid", "beta", "omega", "a", "b", "c", "d", "e", "f", "g", "h", "i")) {
            source.put(k, k.length());
        }
        assertThat(CompactMap.copyOf(source).keySet()).containsExactly(source.keySet().toArray(new String[0]));
    }

    @Test
    void everyMutatorThrows() {
        CompactMap<Integer> map = CompactMap.copyOf(sample(20));
        String key = map.keySet().iterator().next();
        List<Runnable> mutators = List.of(
                () -> map.put("x", 1), () -> map.remove(key), () -> map.remove("absent"), () -> map.clear(),
                () -> map.putAll(Map.of("x", 1)), () -> map.putIfAbsent("x", 1), () -> map.replace(key, 1),
                () -> map.replaceAll((k, v) -> v), () -> map.computeIfAbsent("x", k -> 1),
                () -> map.compute(key, (k, v) -> v), () -> map.merge(key, 1, Integer::sum),
                () -> map.entrySet().iterator().next().setValue(5), () -> map.keySet().remove(key),
                () -> map.values().clear(), () -> {
                    var it = map.entrySet().iterator();
                    it.next();
                    it.remove();
                });
        for (Runnable m : mutators) {
            assertThatThrownBy(m::run).isInstanceOf(UnsupportedOperationException.class);
        }
        assertThat(map).hasSize(20);
    }

    @Test
    void nullKeysAndValuesAreRefused() {
        Map<String, Integer> nullValue = new HashMap<>();
        nullValue.put("a", null);
        assertThatThrownBy(() -> CompactMap.copyOf(nullValue)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("value");
        Map<String, Integer> nullKey = new HashMap<>();
        nullKey.put(null, 1);
        assertThatThrownBy(() -> CompactMap.copyOf(nullKey)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("key");
    }

    @Test
    void aCopyOfACompactMapIsItselfAndWithValuesKeepsTheKeys() {
        CompactMap<Integer> map = CompactMap.copyOf(sample(30));
        assertThat(CompactMap.copyOf(map)).isSameAs(map);
        Integer[] replacements = new Integer[30];
        replacements[3] = -3;
        CompactMap<Integer> changed = map.withValues(replacements);
        List<String> keys = new ArrayList<>(map.keySet());
        assertThat(changed.keySet()).containsExactlyElementsOf(keys);
        assertThat(changed.get(keys.get(3))).isEqualTo(-3);
        assertThat(map.get(keys.get(3))).isNotEqualTo(-3);
        assertThat(changed.get(keys.get(4))).isEqualTo(map.get(keys.get(4)));
    }
}
