package dev.lamina.config.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lamina.config.ConfigException;
import dev.lamina.config.ConfigLoader;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigSource;
import dev.lamina.config.ConfigSources;
import dev.lamina.config.Configuration;
import dev.lamina.config.Format;
import dev.lamina.config.ConfigurationOptions;
import dev.lamina.config.internal.source.EnvironmentSource;
import dev.lamina.config.testing.SharedSuites;

/**
 * Docker Compose's own dotenv vectors ({@code shared/config-suites/dotenv}), each loaded as a {@code .env} source
 * through {@link ConfigLoader} (parse, merge, interpolation) with the case's environment, and compared key by key
 * (a Compose key is looked up at the path the environment-variable rule maps it to).
 */
class DotenvVectorsTest {

    /**
     * Cases where Lamina deliberately differs from compose-go (docs/dotenv.md, "Where Lamina differs"), by case
     * name, with what Lamina does instead. Each is checked to still differ, so a change that makes one pass has to
     * come here and say so.
     */
    static final Map<String, String> DELIBERATE = Map.ofEntries(
            // An unset variable is an error, never a silent "" (docs/interpolation.md).
            Map.entry("fixture substitutions.env", "variable OPTION_NOT_DEFINED is not set"),
            Map.entry("fixture substitutions.env, environment OPTION_A=5 takes precedence in interpolation",
                    "variable OPTION_NOT_DEFINED is not set"),
            Map.entry("fixture substitutions-default.env, environment OPTION_A=5",
                    "variable OPTION_NOT_DEFINED is not set"),
            Map.entry("fixture substitutions-default.env, empty environment", "variable OPTION_NOT_DEFINED is not set"),
            Map.entry("expands undefined variables to an empty string", "variable FOO is not set"),
            // A bare NAME whose variable is unset fails instead of leaving the key out.
            Map.entry("fixture inherited-not-found.env (bare name absent from environment: key is not defined, no error)",
                    "variable VARIABLE_NOT_FOUND is not set"),
            // An empty key has no path.
            Map.entry("line: =\"value\"", "empty key"),
            // compose-go's Read drops keys that start with a digit; Lamina keeps them, as Compose's env_file does.
            Map.entry("fixture plain.env (Read)", "KEEPS 456"));

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> composeGoDotenvVectors() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : cases()) {
            String name = c.get("name").asText();
            tests.add(dynamicTest(name, () -> {
                String differs = DELIBERATE.get(name);
                if (differs == null) {
                    check(c);
                } else if (differs.equals("KEEPS 456")) {
                    assertThat(load(c).getString("456")).isEqualTo("ABC");
                    assertThatThrownBy(() -> check(c)).isInstanceOf(AssertionError.class);
                } else {
                    assertThatThrownBy(() -> load(c)).isInstanceOf(ConfigException.class)
                            .hasMessageContaining(differs);
                }
            }));
        }
        return tests.stream();
    }

    @Test
    void everyDeliberateDifferenceNamesAVector() throws IOException {
        Set<String> names = new TreeSet<>();
        cases().forEach(c -> names.add(c.get("name").asText()));
        assertThat(names).containsAll(DELIBERATE.keySet());
    }

    @Test
    void invalidLinesNameFileLineAndColumn() {
        assertThatThrownBy(() -> load(Map.of(), "# c\nfoo=\"\n  a\n\"\nINVALID LINE\nzot=qix"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("case.env:5:1: ")
                .hasMessageContaining("key cannot contain a space");
        assertThatThrownBy(() -> load(Map.of(), "A=1\nlol$wut"))
                .hasMessageStartingWith("case.env:2:4: ")
                .hasMessageContaining("unexpected character '$'");
        assertThatThrownBy(() -> load(Map.of(), "A=1\n\nKEY=\"never closed\nB=2"))
                .hasMessageStartingWith("case.env:3:5 key: ")
                .hasMessageContaining("unterminated quoted value");
    }

    private static void check(JsonNode c) {
        if (c.path("error").asBoolean()) {
            var thrown = assertThatThrownBy(() -> load(c)).isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("case.env:");
            if (c.has("error_message") && c.get("error_message").asText().startsWith("required variable")) {
                thrown.hasMessageContaining(c.get("error_message").asText());
            }
            return;
        }
        Configuration config = load(c);
        Map<String, String> expected = new HashMap<>();
        c.get("expected").properties().forEach(e -> expected.put(e.getKey(), e.getValue().asText()));
        for (Map.Entry<String, String> e : expected.entrySet()) {
            assertThat(config.getString(path(e.getKey()))).as(e.getKey()).isEqualTo(e.getValue());
        }
        for (JsonNode absent : c.path("absent")) {
            assertThat(config.hasPath(path(absent.asText()))).as(absent.asText()).isFalse();
        }
        if (c.path("exact").asBoolean()) {
            assertThat(config.leafPaths()).as("no other keys").hasSize(expected.size());
        }
    }

    private static String path(String key) {
        return ConfigPath.of(EnvironmentSource.segments(key).orElseThrow()).toString();
    }

    private static Configuration load(JsonNode c) {
        Map<String, String> env = new HashMap<>();
        c.path("env").properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
        List<String> inputs = new ArrayList<>();
        if (c.has("inputs")) {
            c.get("inputs").forEach(i -> inputs.add(i.asText()));
        } else {
            inputs.add(c.get("input").asText());
        }
        return load(env, inputs.toArray(String[]::new));
    }

    static Configuration load(Map<String, String> env, String... inputs) {
        List<ConfigSource> sources = new ArrayList<>();
        for (int i = 0; i < inputs.length; i++) {
            sources.add(ConfigSources.string(i == 0 ? "case.env" : "case" + i + ".env", Format.ENV, inputs[i]));
        }
        return new ConfigLoader(ConfigurationOptions.builder().environment(env).build()).load(sources);
    }

    private static List<JsonNode> cases() throws IOException {
        Path file = SharedSuites.require("config-suites/dotenv/compose-go-dotenv.json");
        List<JsonNode> out = new ArrayList<>();
        JSON.readTree(Files.readString(file)).forEach(out::add);
        return out;
    }
}
