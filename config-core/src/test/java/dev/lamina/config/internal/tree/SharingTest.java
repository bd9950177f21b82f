package dev.lamina.config.internal.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigMissingException;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.Configuration;
import dev.lamina.config.Layer;
import dev.lamina.config.MergeOptions;
import dev.lamina.config.SecretPolicy;
import dev.lamina.config.internal.bind.Binder;

/**
 * A reload hands the new tree the previous tree's nodes wherever they are equal, and updates the lookup index by
 * visiting only what is not shared. Both must be invisible: checked against the from-scratch result on thousands of
 * random trees and edits.
 */
class SharingTest {

    private static final int CASES = 3_000;

    @Test
    void aSharedTreeIsIdenticalToTheFreshOneAndReusesEveryEqualSubtree() {
        RandomEdits edits = new RandomEdits(7);
        for (int i = 0; i < CASES; i++) {
            ConfigObject old = edits.tree();
            ConfigObject fresh = edits.edited(old);

            ConfigObject shared = Sharing.share(fresh, old);

            assertThat(RandomEdits.identical(shared, fresh)).as("case %d: %s -> %s", i, old, fresh).isTrue();
            if (RandomEdits.identical(fresh, old)) {
                assertThat(shared).as("case %d", i).isSameAs(old);
            }
            assertThat(unsharedEqualSubtrees(shared, old)).as("case %d: %s -> %s", i, old, fresh).isEmpty();
        }
    }

    @Test
    void anUnchangedTreeIsTheOldInstanceAndAnEditSharesItsSiblings() {
        ConfigObject old = (ConfigObject) TestTrees.parse("staging.yaml",
                "{\"db\": {\"host\": \"a\", \"port\": 1}, \"cache\": {\"ttl\": \"30s\"}}");
        ConfigObject same = (ConfigObject) RandomEdits.copy(old);
        ConfigObject edited = (ConfigObject) TestTrees.parse("staging.yaml",
                "{\"db\": {\"host\": \"a\", \"port\": 2}, \"cache\": {\"ttl\": \"30s\"}}");

        assertThat(Sharing.share(same, old)).isSameAs(old);
        ConfigObject shared = Sharing.share(edited, old);
        assertThat(shared).isNotSameAs(old).isEqualTo(edited);
        assertThat(shared.get("cache").orElseThrow()).isSameAs(old.get("cache").orElseThrow());
        ConfigObject db = (ConfigObject) shared.get("db").orElseThrow();
        assertThat(db.get("host").orElseThrow()).isSameAs(((ConfigObject) old.get("db").orElseThrow()).get("host")
                .orElseThrow());
    }

    @Test
    void anotherOriginOrKeyOrderIsNotShared() {
        ConfigObject old = (ConfigObject) TestTrees.parse("staging.yaml", "{\"a\": 1, \"b\": 2}");
        ConfigObject moved = (ConfigObject) TestTrees.parse("staging.yaml", "{\n\"a\": 1, \"b\": 2}");
        ConfigObject reordered = (ConfigObject) TestTrees.parse("staging.yaml", "{\"b\": 2, \"a\": 1}");

        assertThat(Sharing.share(moved, old)).isNotSameAs(old);
        assertThat(Sharing.share(moved, old).get("a").orElseThrow().origin().line()).isEqualTo(2);
        assertThat(new ArrayList<>(Sharing.share(reordered, old).entries().keySet())).containsExactly("b", "a");
    }

    @Test
    void anIncrementallyIndexedConfigurationAnswersLikeOneBuiltFromScratch() {
        RandomEdits edits = new RandomEdits(11);
        for (int i = 0; i < CASES; i++) {
            ConfigObject old = edits.tree();
            ConfigObject fresh = edits.edited(old);
            TreeConfiguration before = configuration(old, null);

            TreeConfiguration incremental = (TreeConfiguration) TreeConfiguration.following(before, fresh, fresh,
                    List.of(new Layer("l", fresh)), MergeOptions.defaults(), SecretPolicy.DEFAULT, new Binder());
            TreeConfiguration scratch = configuration(fresh, null);

            assertThat(incremental.indexView()).as("case %d: %s -> %s", i, old, fresh)
                    .isEqualTo(scratch.indexView());
            assertThat(incremental.intsView()).as("case %d: %s -> %s", i, old, fresh).isEqualTo(scratch.intsView());
            for (String path : before.indexView().keySet()) {
                assertThat(incremental.node(path)).as("case %d: %s", i, path).isEqualTo(scratch.node(path));
                int expected = intOrMissing(scratch, path);
                assertThat(intOrMissing(incremental, path)).as("case %d: %s", i, path).isEqualTo(expected);
            }
        }
    }

    private static int intOrMissing(Configuration c, String path) {
        try {
            return c.getInt(path);
        } catch (ConfigMissingException e) {
            return Integer.MIN_VALUE;
        } catch (RuntimeException e) {
            return Integer.MIN_VALUE + 1;
        }
    }

    private static TreeConfiguration configuration(ConfigObject tree, Configuration previous) {
        return (TreeConfiguration) TreeConfiguration.following(previous, tree, tree, List.of(new Layer("l", tree)),
                MergeOptions.defaults(), SecretPolicy.DEFAULT, new Binder());
    }

    /** Subtrees of {@code shared} that equal a subtree of {@code old} at the same place but are another instance. */
    private static List<String> unsharedEqualSubtrees(ConfigNode shared, ConfigNode old) {
        List<String> out = new ArrayList<>();
        walk(shared, old, "", out);
        return out;
    }

    private static void walk(ConfigNode shared, ConfigNode old, String at, List<String> out) {
        if (old == null || shared == old) {
            return;
        }
        if (RandomEdits.identical(shared, old)) {
            out.add(at.isEmpty() ? "<root>" : at);
            return;
        }
        if (shared instanceof ConfigObject s && old instanceof ConfigObject o) {
            s.entries().forEach((k, v) -> walk(v, o.entries().get(k), at + "/" + k, out));
        } else if (shared instanceof ConfigList s && old instanceof ConfigList o) {
            for (int i = 0; i < s.size(); i++) {
                walk(s.items().get(i), i < o.size() ? o.items().get(i) : null, at + "/" + i, out);
            }
        }
    }
}
