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
import dev.lamina.config.internal.tree.RandomEdits;
import dev.lamina.config.internal.tree.Sharing;

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

    @Test
    void reusingTheDigestsOfAnEarlierTreeGivesTheHashComputedFromScratch() {
        RandomEdits edits = new RandomEdits(3);
        ContentHash.Digests digests = ContentHash.Digests.NONE;
        ConfigObject current = edits.tree();
        for (int i = 0; i < 3_000; i++) {
            // Shared as a reload shares it, so that most digests are reused and the rest recomputed.
            ConfigObject next = Sharing.share(edits.edited(current), current);
            ContentHash.Result result = ContentHash.of(next, digests);

            assertThat(result.hash()).as("case %d: %s", i, next).isEqualTo(ContentHash.of(next));
            assertThat(result.hash().equals(ContentHash.of(current))).as("case %d: %s vs %s", i, next, current)
                    .isEqualTo(sameContent(next, current));
            digests = result.digests();
            current = next;
        }
    }

    @Test
    void theDigestsLetGoOfReplacedNodesAfterABoundedNumberOfChanges() {
        RandomEdits edits = new RandomEdits(7);
        ContentHash.Digests digests = ContentHash.Digests.NONE;
        ConfigObject current = edits.tree();
        int containers = containers(current);
        for (int i = 0; i < 200; i++) {
            // Worst case: nothing shared, every tree's nodes are new.
            ConfigObject next = edits.edited(current);
            ContentHash.Result result = ContentHash.of(next, digests);
            assertThat(result.hash()).isEqualTo(ContentHash.of(next));
            digests = result.digests();
            containers = Math.max(containers, containers(next));
            assertThat(digests.size()).as("step %d", i)
                    .isLessThanOrEqualTo(3 * containers + ContentHash.Digests.SLACK);
            current = next;
        }
    }

    private static int containers(ConfigNode node) {
        if (node instanceof ConfigObject o) {
            return 1 + o.entries().values().stream().mapToInt(ContentHashTest::containers).sum();
        }
        if (node instanceof ConfigList l) {
            return 1 + l.items().stream().mapToInt(ContentHashTest::containers).sum();
        }
        return 0;
    }

    /** Equal to a reader: same kinds, keys (in any order), scalar types and texts; origins ignored. */
    private static boolean sameContent(ConfigNode a, ConfigNode b) {
        if (a instanceof ConfigObject x && b instanceof ConfigObject y) {
            return x.entries().keySet().equals(y.entries().keySet()) && x.entries().keySet().stream()
                    .allMatch(k -> sameContent(x.entries().get(k), y.entries().get(k)));
        }
        if (a instanceof ConfigList x && b instanceof ConfigList y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!sameContent(x.items().get(i), y.items().get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof ConfigScalar x && b instanceof ConfigScalar y) {
            return x.type() == y.type() && x.text().equals(y.text());
        }
        return a instanceof ConfigNull && b instanceof ConfigNull;
    }
}
