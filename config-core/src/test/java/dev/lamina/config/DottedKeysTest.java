package dev.lamina.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one rule for keys with dots (docs/sources-and-formats.md, "Keys with dots"), in every format and across
 * layers: an unquoted dotted key is a path, a quoted (or JSON, or XML) key is one literal segment, and when a
 * literal dotted key and a nested path name the same value the load fails naming both origins.
 */
class DottedKeysTest {

    @TempDir
    Path dir;

    private Configuration load(String... files) throws IOException {
        for (int i = 0; i < files.length; i += 2) {
            Files.writeString(dir.resolve(files[i]), files[i + 1]);
        }
        return new ConfigLoader(ConfigurationOptions.builder().directory(dir).build())
                .load(List.of(ConfigSources.directory(dir, "staging")));
    }

    @Test
    void yamlDottedKeyInStagingOverridesNestedKeyInBase() throws IOException {
        Configuration c = load("base.yaml", "server:\n  port: 8080\n  host: a\n", "staging.yaml", "server.port: 9090\n");
        assertThat(c.getInt("server.port")).isEqualTo(9090);
        assertThat(c.getString("server.host")).isEqualTo("a");
        assertThat(c.explain("server.port").toString()).contains("staging.yaml:1");
    }

    @Test
    void yamlNestedKeyInStagingOverridesDottedKeyInBase() throws IOException {
        Configuration c = load("base.yaml", "server.port: 8080\n", "staging.yaml", "server:\n  port: 9090\n");
        assertThat(c.getInt("server.port")).isEqualTo(9090);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "staging.toml|server.port = 9090",
            "staging.properties|server.port=9090",
            "staging.env|SERVER_PORT=9090",
            "staging.json|{\"server\": {\"port\": 9090}}",
            "staging.xml|<config><server><port>9090</port></server></config>",
            "staging.yaml|server: {port: 9090}",
            "staging.yaml|{server.port: 9090}"})
    void everyFormatsPathSpellingOverridesTheNestedBaseValue(String file, String content) throws IOException {
        Configuration c = load("base.yaml", "server:\n  port: 8080\n", file, content + "\n");
        assertThat(c.getInt("server.port")).isEqualTo(9090);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "staging.yaml|'\"server.port\": 9090'",
            "staging.yaml|'''server.port'': 9090'",
            "staging.toml|'\"server.port\" = 9090'",
            "staging.json|'{\"server.port\": 9090}'",
            "staging.xml|<config><server.port>9090</server.port></config>"})
    void aLiteralDottedKeyOverANestedBaseValueFailsNamingBothOrigins(String file, String content) {
        assertThatThrownBy(() -> load("base.yaml", "server:\n  port: 8080\n", file, content + "\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(file + ":1:")
                .hasMessageContaining("the key 'server.port' is one key with dots")
                .hasMessageContaining("base.yaml:2:9");
    }

    @Test
    void aNestedValueOverALiteralDottedKeyInBaseFailsToo() {
        assertThatThrownBy(() -> load("base.json", "{\"server.port\": 8080}", "staging.yaml", "server:\n  port: 9090\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("base.json:1:")
                .hasMessageContaining("staging.yaml:2:9");
    }

    @Test
    void aLiteralDottedKeyWithNoNestedCounterpartIsOneKey() throws IOException {
        Configuration c = load("base.yaml", "hosts:\n  \"db.example.com\": 5432\n", "staging.json",
                "{\"versions\": {\"1.10\": \"x\"}}");
        assertThat(c.getInt("hosts.\"db.example.com\"")).isEqualTo(5432);
        assertThat(c.getString("versions.\"1.10\"")).isEqualTo("x");
    }

    @Test
    void yamlDottedAndNestedKeysInOneMappingCombine() {
        ConfigObject root = ConfigDocuments.parse("app.yaml", Format.YAML,
                "server:\n  host: h\nserver.port: 1\nserver.tls.enabled: true\n", ParseLimits.DEFAULTS);
        ConfigObject server = (ConfigObject) root.get("server").orElseThrow();
        assertThat(server.entries().keySet()).containsExactly("host", "port", "tls");
    }

    @Test
    void yamlDottedKeyTwiceForTheSameLeafIsADuplicateNamingBothLines() {
        assertThatThrownBy(() -> ConfigDocuments.parse("app.yaml", Format.YAML,
                "server.port: 1\nserver:\n  port: 2\n", ParseLimits.DEFAULTS))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageStartingWith("app.yaml:3:9 server.port: duplicate key 'server.port' (first defined at 1:14)");
    }

    @Test
    void twoNestedMappingsOfTheSameNameAreStillADuplicate() {
        assertThatThrownBy(() -> ConfigDocuments.parse("app.yaml", Format.YAML,
                "server:\n  a: 1\nserver:\n  b: 2\n", ParseLimits.DEFAULTS))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("duplicate key 'server'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"a..b: 1", ".a: 1", "a.: 1"})
    void yamlUnquotedKeyWithAnEmptySegmentIsRefused(String doc) {
        assertThatThrownBy(() -> ConfigDocuments.parse("app.yaml", Format.YAML, doc + "\n", ParseLimits.DEFAULTS))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("has an empty segment");
    }

    @Test
    void aLiteralAndANestedKeyInOneFileFailNamingBothPositions() {
        assertThatThrownBy(() -> ConfigDocuments.parse("app.json", Format.JSON,
                "{\n  \"server.port\": 1,\n  \"server\": {\"port\": 2}\n}", ParseLimits.DEFAULTS))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("app.json:2:18 \"server.port\":")
                .hasMessageContaining("app.json:3:22");
    }

    @Test
    void yamlDottedKeysCountTowardsTheDepthLimit() {
        assertThatThrownBy(() -> ConfigDocuments.parse("app.yaml", Format.YAML, "a.b.c.d.e.f: 1\n",
                ParseLimits.DEFAULTS.withMaxDepth(4)))
                .isInstanceOf(ConfigLimitException.class)
                .hasMessageContaining("ParseLimits.maxDepth = 4");
    }

    @Test
    void renderedYamlQuotesLiteralDottedKeysSoItReadsBackAsTheSameTree() {
        ConfigObject root = ConfigDocuments.parse("app.json", Format.JSON,
                "{\"hosts\": {\"db.example.com\": 5432}, \"server\": {\"port\": 1}}", ParseLimits.DEFAULTS);
        String yaml = ConfigRenderer.render(root, SecretPolicy.DEFAULT, RenderFormat.YAML,
                ConfigRenderer.Options.defaults());
        assertThat(yaml).contains("\"db.example.com\": 5432");
        ConfigObject back = ConfigDocuments.parse("back.yaml", Format.YAML, yaml, ParseLimits.DEFAULTS);
        assertThat(((ConfigObject) back.get("hosts").orElseThrow()).entries()).containsKey("db.example.com");
    }
}
