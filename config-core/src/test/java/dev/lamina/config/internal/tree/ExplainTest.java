package dev.lamina.config.internal.tree;

import static dev.lamina.config.internal.tree.TestTrees.layer;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.lamina.config.ConfigLoader;
import dev.lamina.config.Configuration;
import dev.lamina.config.Explanation;
import dev.lamina.config.Explanation.Candidate;
import dev.lamina.config.ListMergeStrategy;
import dev.lamina.config.ConfigurationOptions;
import dev.lamina.config.Origin;

class ExplainTest {

    private static final Configuration C = new ConfigLoader().fromLayers(List.of(
            layer("config/base.json", """
                    {
                      'server': {'port': 80, 'host': 'base', 'debug': true},
                      'db': {'password': 'base-secret', 'pool': {'size': 4}},
                      'legacy': {'mode': 'old'}
                    }
                    """),
            layer("config/staging.json", """
                    {
                      'server': {'port': 8080, 'debug': null},
                      'db': {'password': 'staging-secret', 'pool': {'max': 9}},
                      'legacy': 'off'
                    }
                    """)));

    @Test
    void winnerOverridesTheLowerLayer() {
        Explanation e = C.explain("server.port");
        assertThat(e.value()).contains("8080");
        assertThat(e.candidates()).extracting(Candidate::layer).containsExactly("config/base.json", "config/staging.json");
        assertThat(e.winner()).hasValueSatisfying(w -> {
            assertThat(w.layer()).isEqualTo("config/staging.json");
            assertThat(w.origin()).isEqualTo(Origin.of("config/staging.json", 2, 22));
        });
        assertThat(e.reason()).isEqualTo("config/staging.json:2:22 overrides config/base.json:2:22 (later layer wins)");
    }

    @Test
    void valueSetInOneLayerSaysSo() {
        Explanation e = C.explain("server.host");
        assertThat(e.candidates()).hasSize(1);
        assertThat(e.reason()).isEqualTo("set only in config/base.json:2:34");
    }

    @Test
    void deletedKeyShowsTheNullAsADeletingCandidate() {
        Explanation e = C.explain("server.debug");
        assertThat(e.value()).isEmpty();
        assertThat(e.winner()).isEmpty();
        assertThat(e.candidates()).extracting(Candidate::deletes).containsExactly(false, true);
        assertThat(e.candidates().get(1).displayValue()).isEqualTo("null");
        assertThat(e.reason()).isEqualTo("deleted by null in config/staging.json at config/staging.json:2:37");
    }

    @Test
    void absentKeyNamesTheClosestExistingKey() {
        Explanation e = C.explain("server.prot");
        assertThat(e.candidates()).isEmpty();
        assertThat(e.value()).isEmpty();
        assertThat(e.reason()).isEqualTo("not set in any layer; closest existing key: server.port");
    }

    @Test
    void absentKeyWithNothingCloseSaysOnlyThat() {
        assertThat(C.explain("completely.different.thing").reason()).isEqualTo("not set in any layer");
    }

    @Test
    void secretCandidatesAndValueAreMasked() {
        Explanation e = C.explain("db.password");
        assertThat(e.value()).contains("***");
        assertThat(e.candidates()).extracting(Candidate::displayValue).containsExactly("***", "***");
        assertThat(e.toString()).doesNotContain("secret");
    }

    @Test
    void objectsFromSeveralLayersAreReportedAsMerged() {
        Explanation e = C.explain("db.pool");
        assertThat(e.value()).contains("object");
        assertThat(e.reason()).startsWith("objects from 2 layers are merged key by key; config/staging.json:3:48 is the highest");
    }

    @Test
    void keyBelowAReplacedObjectExplainsTheReplacement() {
        Explanation e = C.explain("legacy.mode");
        assertThat(e.value()).isEmpty();
        assertThat(e.candidates()).extracting(Candidate::won).containsExactly(false);
        assertThat(e.reason()).isEqualTo(
                "config/staging.json:4:13 in config/staging.json replaced legacy with a string (later layer wins),"
                        + " so nothing is set here");
    }

    @Test
    void originReturnsTheWinnersOrigin() {
        assertThat(C.origin("server.port")).contains(Origin.of("config/staging.json", 2, 22));
    }

    @Test
    void subConfigurationExplainsByFullPath() {
        Explanation e = C.getConfig("server").explain("port");
        assertThat(e.path()).hasToString("server.port");
        assertThat(e.winner()).isPresent();
    }

    @Test
    void explainShowsValuesAsWrittenButTheValueInForceAfterInterpolation() {
        // The resolver stub leaves text alone; the value in force is read from the resolved tree.
        assertThat(C.explain("server.host").candidates().get(0).displayValue()).isEqualTo("base");
        assertThat(C.explain("server.host").value()).contains("base");
    }

    @Test
    void setAgainAfterADeleteSaysSo() {
        Configuration c = new ConfigLoader().fromLayers(List.of(
                layer("a.json", "{'k': 1}"), layer("b.json", "{'k': null}"), layer("c.json", "{'k': 3}")));
        Explanation e = c.explain("k");
        assertThat(e.candidates()).extracting(Candidate::deletes).containsExactly(false, true, false);
        assertThat(e.reason()).isEqualTo("c.json:1:7 sets it again after the null at b.json:1:7 in b.json deleted it"
                + " (later layer wins)");
    }

    @Test
    void itemOfAnAppendedListIsAttributedToTheLayerThatWroteIt() {
        Configuration c = new ConfigLoader(ConfigurationOptions.builder().listStrategy("plugins", ListMergeStrategy.append()).build())
                .fromLayers(List.of(layer("a.json", "{'plugins': ['x']}"), layer("b.json", "{'plugins': ['y']}")));
        Explanation e = c.explain("plugins[0]");
        assertThat(e.value()).contains("x");
        assertThat(e.winner()).hasValueSatisfying(w -> assertThat(w.layer()).isEqualTo("a.json"));
        assertThat(e.reason()).contains("(append)");
    }

    @Test
    void itemOfAReplacedListComesFromTheHigherLayerOnly() {
        Configuration c = new ConfigLoader().fromLayers(List.of(
                layer("a.json", "{'hosts': ['x', 'z']}"), layer("b.json", "{'hosts': ['y']}")));
        Explanation e = c.explain("hosts[0]");
        assertThat(e.winner()).hasValueSatisfying(w -> assertThat(w.layer()).isEqualTo("b.json"));
        assertThat(e.reason()).isEqualTo("b.json:1:12 overrides a.json:1:12 (later layer wins; the list hosts is replaced whole)");
    }

    @Test
    void itemMissingFromAReplacingListIsExplainedAsReplaced() {
        Configuration c = new ConfigLoader().fromLayers(List.of(
                layer("a.json", "{'hosts': ['x', 'z']}"), layer("b.json", "{'hosts': ['y']}")));
        Explanation e = c.explain("hosts[1]");
        assertThat(e.winner()).isEmpty();
        assertThat(e.candidates()).extracting(Candidate::layer).containsExactly("a.json");
        assertThat(e.reason()).isEqualTo("b.json:1:11 in b.json replaced hosts with a list (later layer wins),"
                + " so nothing is set here");
    }

    @Test
    void keyInsideAReplacedListItemIsNotInheritedFromTheLowerList() {
        Configuration c = new ConfigLoader().fromLayers(List.of(
                layer("a.json", "{'xs': [{'b': 1}]}"), layer("b.json", "{'xs': [{'c': 2}]}")));
        Explanation e = c.explain("xs[0].b");
        assertThat(e.value()).isEmpty();
        assertThat(e.candidates()).extracting(Candidate::won).containsExactly(false);
        assertThat(e.reason()).isEqualTo("b.json:1:8 in b.json replaced xs with a list (later layer wins),"
                + " so nothing is set here");
    }

    @Test
    void encryptedValuesAreMaskedWhateverTheKeyIsCalled() {
        Configuration c = new ConfigLoader().fromLayers(List.of(
                layer("a.json", "{'banner': 'ENC[v1,AES256_GCM,kid:k,iv:a,data:b,tag:c]'}")));
        Explanation e = c.explain("banner");
        assertThat(e.value()).contains("***");
        assertThat(e.candidates()).extracting(Candidate::displayValue).containsExactly("***");
    }

    @Test
    void itemOfAListMergedByKeyIsAttributedToTheLayerThatWroteTheValue() {
        Configuration c = new ConfigLoader(ConfigurationOptions.builder()
                .listStrategy("brokers", ListMergeStrategy.mergeByKey("name")).build())
                .fromLayers(List.of(layer("a.json", "{'brokers': [{'name': 'k', 'port': 1, 'tls': true}]}"),
                        layer("b.json", "{'brokers': [{'name': 'k', 'port': 2}]}")));
        assertThat(c.explain("brokers[0].port").winner()).hasValueSatisfying(w -> assertThat(w.layer()).isEqualTo("b.json"));
        assertThat(c.explain("brokers[0].tls").winner()).hasValueSatisfying(w -> assertThat(w.layer()).isEqualTo("a.json"));
        assertThat(c.explain("brokers[0].tls").reason()).contains("(merge-by-key:name)");
    }
}
