package dev.lamina.config.internal.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.ConfigSources;
import dev.lamina.config.Layer;
import dev.lamina.config.Origin;
import dev.lamina.config.ParseLimits;
import dev.lamina.config.testing.SharedSuites;

class EnvironmentSourceTest {

    private static Layer read(Map<String, String> env) {
        List<Layer> layers = ConfigSources.environmentVariables("LAMINA_", env).read(ParseLimits.DEFAULTS);
        assertThat(layers).hasSize(1);
        return layers.get(0);
    }

    private static ConfigNode get(ConfigObject root, String path) {
        ConfigNode node = root;
        for (String s : ConfigPath.parse(path).segments()) {
            node = node instanceof ConfigList l ? l.items().get(Integer.parseInt(s))
                    : ((ConfigObject) node).get(s).orElseThrow(() -> new AssertionError("no " + path + " in " + root));
        }
        return node;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "SERVER_PORT, server.port",
        "DB_POOL__SIZE, db.pool_size",
        "CACHE_TIME___TO___LIVE, cache.time-to-live",
        "__PRIVATE, _private",
        "Mixed_Case, mixed.case"})
    void mapsNamesToPaths(String rest, String path) {
        assertThat(EnvironmentSource.segments(rest)).contains(ConfigPath.parse(path).segments());
    }

    @ParameterizedTest
    @CsvSource({"A____B", "A_____B", "_A", "A_", "''"})
    void leavesUnmappableNamesOut(String rest) {
        assertThat(EnvironmentSource.segments(rest)).isEmpty();
    }

    @Test
    void valuesAreStringScalarsWhoseOriginNamesTheVariable() {
        Layer layer = read(Map.of("LAMINA_SERVER_PORT", "8080", "PATH", "/bin"));
        assertThat(layer.name()).isEqualTo("env:LAMINA_");
        assertThat(layer.root().entries()).containsOnlyKeys("server");
        assertThat(get(layer.root(), "server.port")).isEqualTo(ConfigScalar.string("8080", Origin.of("env:LAMINA_SERVER_PORT")));
    }

    @Test
    void prefixIsCaseSensitive() {
        assertThat(read(Map.of("lamina_server_port", "1")).root().isEmpty()).isTrue();
    }

    @Test
    void unmappableVariablesAreSkipped() {
        assertThat(read(Map.of("LAMINA_A____B", "1", "LAMINA_", "2")).root().isEmpty()).isTrue();
    }

    @Test
    void whenTwoVariablesMapToOnePathTheNameThatSortsFirstWins() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("LAMINA_server_port", "2");
        env.put("LAMINA_SERVER_PORT", "1");
        assertThat(get(read(env).root(), "server.port").origin()).isEqualTo(Origin.of("env:LAMINA_SERVER_PORT"));
    }

    @Test
    void whenAPathIsBothValueAndParentTheNestedVariablesWin() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("LAMINA_DB", "jdbc:x");
        env.put("LAMINA_DB_URL", "jdbc:y");
        env.put("LAMINA_DB_USER", "app");
        ConfigObject root = read(env).root();
        assertThat(get(root, "db")).isInstanceOf(ConfigObject.class);
        assertThat(((ConfigObject) get(root, "db")).entries()).containsOnlyKeys("url", "user");
    }

    @Test
    void indexSegmentsMakeLists() {
        ConfigObject root = read(Map.of("LAMINA_HOSTS_0", "a", "LAMINA_HOSTS_1", "b")).root();
        assertThat(get(root, "hosts")).isInstanceOf(ConfigList.class);
        assertThat(((ConfigScalar) get(root, "hosts[1]")).text()).isEqualTo("b");
    }

    @Test
    void variablesAreReadAgainOnEveryRead() {
        Map<String, String> env = new LinkedHashMap<>();
        var source = ConfigSources.environmentVariables("LAMINA_", env);
        assertThat(source.read(ParseLimits.DEFAULTS).get(0).root().isEmpty()).isTrue();
        env.put("LAMINA_A", "1");
        assertThat(source.read(ParseLimits.DEFAULTS).get(0).root().entries()).containsKey("a");
    }

    /** Spring Boot's published env → property examples, prefixed: our rules agree with every one of them. */
    @TestFactory
    Stream<DynamicTest> agreesWithSpringBootsEnvToPropertyExamples() throws IOException {
        JsonNode suite = new ObjectMapper().readTree(
                SharedSuites.require("config-suites/env-var-mapping/env-var-mapping.json").toFile());
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : suite.get("spring_boot").get("env_to_property_best_guess")) {
            String env = c.get("env").asText();
            String property = c.get("property").asText();
            tests.add(DynamicTest.dynamicTest(env + " -> " + property, () -> assertThat(EnvironmentSource.segments(env))
                    .contains(ConfigPath.parse(property).segments())));
        }
        return tests.stream();
    }

    /** Lightbend Config reads {@code __} as '-' and {@code ___} as '_'; Lamina follows the opposite, documented rule. */
    @Test
    void underscoreRunsFollowOurRuleRatherThanLightbends() {
        assertThat(EnvironmentSource.segments("a_b__c___d")).contains(List.of("a", "b_c-d"));
    }
}
