package dev.lamina.config.internal.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;

class ProvenanceTest {

    /**
     * The scan that skips what a version shares with the previous one finds exactly the envelopes a scan of the
     * whole tree finds, over random trees and random edits (values, types, keys, order, kinds of node).
     */
    @Test
    void envelopeScanOfAChangedTreeEqualsAFullScan() {
        int withEnvelopes = 0;
        for (long seed = 0; seed < 2_000; seed++) {
            RandomEdits random = new RandomEdits(seed);
            ConfigObject before = random.tree();
            ConfigObject after = Sharing.share(random.edited(before), before);
            Set<ConfigPath> full = Provenance.encryptedPaths(after);
            assertThat(Provenance.encryptedPaths(after, before, Provenance.encryptedPaths(before)))
                    .as("seed %d", seed).isEqualTo(full);
            withEnvelopes += full.isEmpty() ? 0 : 1;
        }
        assertThat(withEnvelopes).as("trees holding an envelope").isGreaterThan(200);
    }

    @Test
    void anUnchangedTreeKeepsThePreviousEnvelopesWithoutLookingAtThem() {
        ConfigObject tree = new RandomEdits(7).tree();
        Set<ConfigPath> claimed = Set.of(ConfigPath.parse("anything.at.all"));
        // Nothing is visited in a tree shared whole: the previous answer is the answer.
        assertThat(Provenance.encryptedPaths(tree, tree, claimed)).isEqualTo(claimed);
    }
}
