package dev.lamina.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ConfigDiffTest {

    private static Configuration yaml(String name, String text) {
        return new ConfigLoader(ConfigurationOptions.defaults()).load(List.of(ConfigSources.string(name, Format.YAML, text)));
    }

    private static ConfigObject tree(String text) {
        return ConfigDocuments.parse("t.yaml", Format.YAML, text, ParseLimits.DEFAULTS);
    }

    @Test
    void equalTreesHaveNoDifferencesEvenWhenOriginsDiffer() {
        Configuration a = yaml("a.yaml", "server:\n  port: 8080\n  host: a\n");
        Configuration b = yaml("b.yaml", "# moved\nserver:\n  host: a\n  port: 8080\n");

        assertThat(ConfigDiff.between(a, b)).isEmpty();
    }

    @Test
    void reportsAChangedLeafWithBothValuesAndOrigins() {
        Configuration a = yaml("a.yaml", "server:\n  port: 8080\n");
        Configuration b = yaml("b.yaml", "server:\n  port: 9090\n");

        List<ConfigDiff.Entry> diff = ConfigDiff.between(a, b);

        assertThat(diff).singleElement().satisfies(e -> {
            assertThat(e.path()).hasToString("server.port");
            assertThat(e.leftText()).contains("8080");
            assertThat(e.rightText()).contains("9090");
            assertThat(e.left().orElseThrow().origin().describe()).isEqualTo("a.yaml:2:9");
            assertThat(e.right().orElseThrow().origin().describe()).isEqualTo("b.yaml:2:9");
        });
    }

    @Test
    void ordersChangedAndAddedLeavesByTheRightThenRemovedOnesByTheLeft() {
        Configuration a = yaml("a.yaml", "x: 1\ngone: 2\ny: 3\n");
        Configuration b = yaml("b.yaml", "new: 0\ny: 4\nx: 1\n");

        List<ConfigDiff.Entry> diff = ConfigDiff.between(a, b);

        assertThat(diff).extracting(e -> e.path().toString()).containsExactly("new", "y", "gone");
        assertThat(diff.get(0).isAdded()).isTrue();
        assertThat(diff.get(0).leftText()).isEmpty();
        assertThat(diff.get(2).isRemoved()).isTrue();
        assertThat(diff.get(2).rightText()).isEmpty();
    }

    @Test
    void aNumberAndTheSameTextAsAStringDiffer() {
        assertThat(ConfigDiff.between(yaml("a.yaml", "port: 40\n"), yaml("b.yaml", "port: \"40\"\n"))).hasSize(1);
    }

    @Test
    void comparesNullsAndEmptyContainersAsLeaves() {
        Configuration a = yaml("a.yaml", "list: []\nobj: {}\nn: null\n");
        Configuration b = yaml("b.yaml", "list: [1]\nobj: {}\nn: ~\n");

        List<ConfigDiff.Entry> diff = ConfigDiff.between(a, b);

        assertThat(diff).extracting(e -> e.path().toString()).containsExactly("list[0]", "list");
        assertThat(diff.get(1).leftText()).contains("[]");
    }

    @Test
    void masksASecretOnBothSides() {
        Configuration a = yaml("a.yaml", "database:\n  password: hunter2\n");
        Configuration b = yaml("b.yaml", "database:\n  password: swordfish\n");

        ConfigDiff.Entry e = ConfigDiff.between(a, b).get(0);

        assertThat(e.secret()).isTrue();
        assertThat(e.leftText()).contains(SecretPolicy.MASK);
        assertThat(e.rightText()).contains(SecretPolicy.MASK);
        assertThat(e.toString()).doesNotContain("hunter2").doesNotContain("swordfish");
    }

    @Test
    void masksAnEncryptedEnvelopeUnderAnOrdinaryKey() {
        ConfigDiff.Entry e = ConfigDiff.between(tree("k: plain\n"), tree("k: ENC[v1,AES256_GCM,kid:a,iv:b,data:c,tag:d]\n"),
                SecretPolicy.DEFAULT).get(0);

        assertThat(e.secret()).isTrue();
        assertThat(e.leftText()).contains(SecretPolicy.MASK);
    }

    @Test
    void treesUseTheGivenPolicy() {
        List<ConfigDiff.Entry> diff = ConfigDiff.between(tree("pin: 1\n"), tree("pin: 2\n"), SecretPolicy.matching("pin"));

        assertThat(diff.get(0).rightText()).contains(SecretPolicy.MASK);
    }

    @Test
    void anEntryNeedsAtLeastOneSide() {
        assertThatThrownBy(() -> new ConfigDiff.Entry(ConfigPath.parse("a"), Optional.empty(), Optional.empty(), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a:");
    }
}
