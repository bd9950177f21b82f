package dev.lamina.config;

import static dev.lamina.config.RenderFixtures.list;
import static dev.lamina.config.RenderFixtures.num;
import static dev.lamina.config.RenderFixtures.obj;
import static dev.lamina.config.RenderFixtures.plain;
import static dev.lamina.config.RenderFixtures.sample;
import static dev.lamina.config.RenderFixtures.str;
import static dev.lamina.config.RenderFixtures.withOrigins;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigRendererYamlTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    private static String yaml(ConfigObject root, ConfigRenderer.Options options) {
        return ConfigRenderer.render(root, SecretPolicy.DEFAULT, RenderFormat.YAML, options);
    }

    @Test
    void writesBlockYamlInSourceOrder() {
        assertThat(yaml(sample(), plain())).isEqualTo("""
                database:
                  host: db.internal
                  port: 5432
                  port_text: "5432"
                  password: "***"
                  ssl: true
                  mode: "0755"
                  answer: "NO"
                hosts:
                  - a
                  - b
                servers:
                  - name: x
                    port: 1
                empty: {}
                """);
    }

    @Test
    void masksSecretsSoTheValueNeverAppears() {
        String out = yaml(sample(), plain());

        assertThat(out).doesNotContain("s3cr3t").contains("password: \"***\"");
    }

    @Test
    void masksEncryptedEnvelopesAtAnyPath() {
        ConfigObject root = obj(1, "note", str("ENC[v1,AES256_GCM,kid:k1,iv:AA==,data:AA==,tag:AA==]", 1));

        assertThat(yaml(root, plain())).isEqualTo("note: \"***\"\n");
    }

    @Test
    void addsOriginCommentsToEveryLine() {
        String out = yaml(obj(1, "database", obj(1, "port", num("5432", 12))), withOrigins());

        assertThat(out).isEqualTo("""
                database:  # base.yaml:1:1
                  port: 5432  # base.yaml:12:3
                """);
    }

    @Test
    void readsBackWithTheSameValuesAndTypes() throws Exception {
        JsonNode back = YAML.readTree(yaml(sample(), plain()));

        assertThat(back.at("/database/port").isNumber()).isTrue();
        assertThat(back.at("/database/port_text").isTextual()).isTrue();
        assertThat(back.at("/database/mode").asText()).isEqualTo("0755");
        assertThat(back.at("/database/answer").isTextual()).isTrue();
        assertThat(back.at("/database/ssl").isBoolean()).isTrue();
        assertThat(back.at("/servers/0/port").asInt()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "No", "on", "OFF", "~", "null", "true", "0755", "1_000", "1:30", "1e3", "1.10",
            ".5", ".inf", "0x1F", "2026-11-21", "2026-11-21T00:00:00Z", "", " lead", "trail ", "a: b", "a #b",
            "#00f", "*alias", "&anchor", "!tag", "- item", "[x]", "{x}", "\"q\"", "'q'", "%x", "@x", "`x",
            "line\nbreak", "tab\there", "back\\slash", "ünï", "key:", "? x", "|", ">", "<<", "-1", "+1"})
    void quotesStringsThatAReaderCouldTakeForSomethingElse(String text) throws Exception {
        String out = yaml(obj(1, "v", str(text, 1)), plain());

        JsonNode back = YAML.readTree(out).get("v");
        assertThat(back.isTextual()).as(out).isTrue();
        assertThat(back.asText()).as(out).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2GB", "300s", "10.0.0.1", "localhost:9092", "redis://localhost:6379", "/health/live",
            "music-streaming", "hybrid_approach", "a,b", "kafka-0.internal:9092,kafka-1.internal:9092"})
    void leavesReadableStringsPlain(String text) {
        assertThat(yaml(obj(1, "v", str(text, 1)), plain())).isEqualTo("v: " + text + "\n");
    }

    @Test
    void quotesKeysThatWouldNotReadBackAsTheSameString() throws Exception {
        String out = yaml(obj(1, "on", num("1", 1), "a: b", num("2", 2), "1.0", num("3", 3)), plain());

        assertThat(YAML.readValue(out, Map.class)).containsOnlyKeys("on", "a: b", "1.0");
    }

    @Test
    void writesNestedListsOnTheDashLine() {
        ConfigObject root = obj(1, "matrix", list(1, list(2, num("1", 2), num("2", 2)), list(3)));

        assertThat(yaml(root, plain())).isEqualTo("""
                matrix:
                  - - 1
                    - 2
                  - []
                """);
    }

    @Test
    void writesExplicitNullsInsideLists() throws Exception {
        ConfigObject root = obj(1, "items", list(1, str("a", 2), new ConfigNull(RenderFixtures.at(3, 5))));

        String out = yaml(root, plain());

        assertThat(out).isEqualTo("items:\n  - a\n  - null\n");
        assertThat(YAML.readValue(out, Map.class).get("items")).isEqualTo(java.util.Arrays.asList("a", null));
    }

    @Test
    void writesAnEmptyTreeAsAnEmptyObject() {
        assertThat(yaml(obj(1), plain())).isEqualTo("{}\n");
    }

    @Test
    void writesANumberWhoseTextIsNotJsonAsAString() throws Exception {
        String out = yaml(obj(1, "n", num("0x1F", 1)), plain());

        assertThat(YAML.readTree(out).get("n").asText()).isEqualTo("0x1F");
        assertThat(YAML.readTree(out).get("n").isTextual()).isTrue();
    }

    @Test
    void rendersAListOfObjectsSoEachItemReadsBack() throws Exception {
        ConfigObject root = obj(1, "servers", list(1,
                obj(2, "name", str("a", 2), "ports", list(3, num("1", 3), num("2", 4))),
                obj(5, "name", str("b", 5))));

        Object back = YAML.readValue(yaml(root, plain()), Map.class).get("servers");

        assertThat(back).isEqualTo(List.of(Map.of("name", "a", "ports", List.of(1, 2)), Map.of("name", "b")));
    }
}
