package dev.lamina.config.internal.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Origin;

/** The open-addressing index against a HashMap, under random puts and removals, with colliding hash codes. */
class PathIndexTest {

    private static final Origin O = Origin.of("t");

    @Test
    void behavesLikeAMapUnderRandomPutsAndRemovals() {
        SplittableRandom random = new SplittableRandom(5);
        // "Aa" and "BB" share a hash code, so keys built from them collide in every table size.
        String[] parts = {"Aa", "BB", "a", "port", "[0]", "x"};
        for (int round = 0; round < 200; round++) {
            PathIndex index = PathIndex.empty();
            Map<String, ConfigNode> expected = new HashMap<>();
            int ops = random.nextInt(1, 600);
            for (int op = 0; op < ops; op++) {
                String key = parts[random.nextInt(parts.length)] + "." + parts[random.nextInt(parts.length)]
                        + (random.nextBoolean() ? "" : "." + random.nextInt(40));
                if (random.nextInt(3) == 0) {
                    index.remove(key);
                    expected.remove(key);
                } else {
                    ConfigNode node = random.nextBoolean()
                            ? ConfigScalar.string(Integer.toString(random.nextInt(-5, 5)), O) : new ConfigNull(O);
                    index.put(key, node);
                    expected.put(key, node);
                }
                if (random.nextInt(50) == 0) {
                    index = index.copy(); // a copy carries on exactly where the original was
                }
            }
            assertThat(index.toMap()).isEqualTo(expected);
            assertThat(index.size()).isEqualTo(expected.size());
            for (String key : expected.keySet()) {
                assertThat(index.get(new String(key))).isSameAs(expected.get(key));
                long asInt = expected.get(key) instanceof ConfigScalar s ? Integer.parseInt(s.text())
                        : PathIndex.NOT_AN_INT;
                assertThat(index.intAt(key)).isEqualTo(asInt);
            }
            assertThat(index.get("absent")).isNull();
            assertThat(index.intAt("absent")).isEqualTo(PathIndex.NOT_AN_INT);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 64, Integer.MAX_VALUE})
    void aChainOfFollowingIndexesAnswersLikeOneBuiltFromScratch(int maxOverlay) {
        // Each version's index shares the arrays of an earlier one under an overlay of what changed, folded into a
        // copy once the overlay outgrows maxOverlay: every version must still answer exactly as a fresh index.
        RandomEdits edits = new RandomEdits(17);
        ConfigObject current = edits.tree();
        PathIndex index = PathIndex.of(current);
        List<PathIndex> earlier = new ArrayList<>();
        List<Map<String, ConfigNode>> earlierMaps = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            ConfigObject next = Sharing.share(edits.edited(current), current);
            index = index.following(current, next, maxOverlay);
            PathIndex scratch = PathIndex.of(next);
            assertThat(index.toMap()).as("step %d", i).isEqualTo(scratch.toMap());
            assertThat(index.intsToMap()).as("step %d", i).isEqualTo(scratch.intsToMap());
            assertThat(index.size()).as("step %d", i).isEqualTo(scratch.size());
            assertThat(new HashSet<>(index.paths())).as("step %d", i).isEqualTo(scratch.toMap().keySet());
            for (String path : scratch.toMap().keySet()) {
                assertThat(index.get(new String(path))).isSameAs(scratch.get(path));
                assertThat(index.intAt(path)).isEqualTo(scratch.intAt(path));
            }
            assertThat(index.get("absent.path")).isNull();
            if (i % 40 == 0) {
                earlier.add(index);
                earlierMaps.add(scratch.toMap());
            }
            current = next;
        }
        // Versions that later ones were built from (sharing their arrays) are unchanged.
        for (int i = 0; i < earlier.size(); i++) {
            assertThat(earlier.get(i).toMap()).isEqualTo(earlierMaps.get(i));
        }
    }

    @Test
    void aCopyIsIndependentOfItsOriginal() {
        PathIndex original = PathIndex.empty();
        original.put("a", ConfigScalar.string("1", O));
        PathIndex copy = original.copy();

        copy.put("a", ConfigScalar.string("2", O));
        copy.put("b", ConfigScalar.string("3", O));
        original.remove("a");

        assertThat(copy.intAt("a")).isEqualTo(2);
        assertThat(copy.intAt("b")).isEqualTo(3);
        assertThat(original.get("a")).isNull();
        assertThat(original.get("b")).isNull();
    }
}
