package dev.lamina.config.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Origin;
import dev.lamina.config.ScalarType;

class ContentHashTest {

    private static ConfigObject obj(Object... kv) {
        Map<String, ConfigNode> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (ConfigNode) kv[i + 1]);
        }
        return new ConfigObject(m, Origin.of("t"));
    }

    private static ConfigScalar s(String text, String source) {
        return ConfigScalar.string(text, Origin.of(source, 1, 1));
    }

    @Test
    void ignoresOriginsAndKeyOrder() {
        String a = ContentHash.of(obj("x", s("1", "a.yaml"), "y", s("2", "a.yaml")));
        String b = ContentHash.of(obj("y", s("2", "b.yaml"), "x", s("1", "c.yaml")));
        assertThat(a).isEqualTo(b).hasSize(64).matches("[0-9a-f]+");
    }

    @Test
    void distinguishesScalarTypes() {
        ConfigObject quoted = obj("port", ConfigScalar.string("8080", Origin.of("t")));
        ConfigObject number = obj("port", new ConfigScalar("8080", ScalarType.NUMBER, Origin.of("t")));
        assertThat(ContentHash.of(quoted)).isNotEqualTo(ContentHash.of(number));
    }

    @Test
    void distinguishesListOrderAndNulls() {
        ConfigObject ab = obj("l", new ConfigList(List.of(s("a", "t"), s("b", "t")), Origin.of("t")));
        ConfigObject ba = obj("l", new ConfigList(List.of(s("b", "t"), s("a", "t")), Origin.of("t")));
        ConfigObject withNull = obj("l", new ConfigList(List.of(new ConfigNull(Origin.of("t"))), Origin.of("t")));
        ConfigObject empty = obj("l", new ConfigList(List.of(), Origin.of("t")));
        assertThat(ContentHash.of(ab)).isNotEqualTo(ContentHash.of(ba));
        assertThat(ContentHash.of(withNull)).isNotEqualTo(ContentHash.of(empty));
    }

    @Test
    void lengthPrefixesPreventAmbiguousConcatenation() {
        ConfigObject one = obj("ab", s("c", "t"));
        ConfigObject two = obj("a", s("bc", "t"));
        assertThat(ContentHash.of(one)).isNotEqualTo(ContentHash.of(two));
    }
}
