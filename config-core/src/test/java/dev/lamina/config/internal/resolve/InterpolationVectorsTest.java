package dev.lamina.config.internal.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigResolveException;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Origin;
import dev.lamina.config.SecretPolicy;
import dev.lamina.config.testing.SharedSuites;

/** The shared interpolation vectors, run through {@link TreeResolver} as the value of one string scalar. */
class InterpolationVectorsTest {

    private static final Origin ORIGIN = Origin.of("vectors.yaml", 3, 10);
    private static final String LOCATION = "vectors.yaml:3:10 value: ";

    /**
     * Compose yields "" (with a warning) for an unset variable without a default. Lamina deliberately fails
     * instead (ARCHITECTURE.md: a missing required value is an error, never a silent empty string); see
     * docs/interpolation.md "Where Lamina differs". Template -> the variable the error must name.
     */
    private static final Map<String, String> LAMINA_FAILS_WHERE_COMPOSE_YIELDS_EMPTY = Map.of(
            "This ${missing} var", "variable missing is not set",
            "${A:-${B}}", "variable B is not set");

    @TestFactory
    Stream<DynamicTest> composeGoBashStyleVectors() throws IOException {
        JsonNode suite = read("bash-style-compose-go.json");
        Map<String, String> env = new HashMap<>();
        suite.get("environment").properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : suite.get("cases")) {
            String template = c.get("template").asText();
            String differs = LAMINA_FAILS_WHERE_COMPOSE_YIELDS_EMPTY.get(template);
            if (differs != null) {
                // Deliberate difference: compose expects c.get("expected"), Lamina fails naming the variable.
                tests.add(dynamicTest(template + " -> error (compose: \"" + c.get("expected").asText() + "\")",
                        () -> assertThatThrownBy(() -> resolve(template, env))
                                .isInstanceOf(ConfigResolveException.class)
                                .hasMessageStartingWith(LOCATION)
                                .hasMessageContaining(differs)));
            } else if (c.has("expected")) {
                String expected = c.get("expected").asText();
                tests.add(dynamicTest(template + " -> \"" + expected + "\"",
                        () -> assertThat(resolve(template, env)).isEqualTo(expected)));
            } else {
                String error = c.get("error_contains").asText();
                tests.add(dynamicTest(template + " -> error \"" + error + "\"",
                        () -> assertThatThrownBy(() -> resolve(template, env))
                                .isInstanceOf(ConfigResolveException.class)
                                .hasMessageStartingWith(LOCATION)
                                .message().containsIgnoringCase(error)));
            }
        }
        return tests.stream();
    }

    @Test
    void everyDeliberateDifferenceNamesAnExistingVectorThatExpectsAnEmptyResult() throws IOException {
        List<String> unmatched = new ArrayList<>(LAMINA_FAILS_WHERE_COMPOSE_YIELDS_EMPTY.keySet());
        for (JsonNode c : read("bash-style-compose-go.json").get("cases")) {
            if (c.has("expected") && unmatched.contains(c.get("template").asText())) {
                unmatched.remove(c.get("template").asText());
            }
        }
        assertThat(unmatched).isEmpty();
    }

    /**
     * How the SmallRye/Spring {@code ${name:default}} vectors read under Lamina's grammar, where {@code NAME} is
     * looked up in the environment (here: the case's properties). Lamina has no {@code ${a:default}} form, does not
     * re-scan looked-up values and has no backslash escape; see docs/interpolation.md. Keyed by the looked-up
     * template; the value is Lamina's result, or "!" followed by a fragment of the error.
     */
    private static final Map<String, String> SMALLRYE_UNDER_LAMINA = Map.ofEntries(
            Map.entry("${my.prop}", "1234|!variable my.prop is not set"),
            Map.entry("${my.prop}${my.prop}", "12341234"),
            Map.entry("${my.prop:1234}", "!invalid template at column 1"),
            Map.entry("${my.prop:${compose}}", "!invalid template at column 1"),
            Map.entry("${my.prop:${compose:}}", "!invalid template at column 1"),
            Map.entry("${my.prop${compose}}", "!invalid template at column 1"),
            Map.entry("${my.prop.three}", "${my.prop.two}"),
            Map.entry("$${my.prop}", "${my.prop}"),
            Map.entry("\\${my.prop}", "!variable my.prop is not set"),
            Map.entry("\\${value\\${another}end:value}", "!invalid template at column 2"),
            Map.entry("${value:111{111}", "!unknown resolver prefix 'value'"),
            Map.entry("${DB_HOST:-localhost}", "localhost"));

    @TestFactory
    Stream<DynamicTest> smallRyeColonDefaultVectorsUnderLaminaGrammar() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : read("colon-default-smallrye.json").get("cases")) {
            Map<String, String> properties = new HashMap<>();
            c.get("properties").properties().forEach(e -> properties.put(e.getKey(), e.getValue().asText()));
            String template = properties.get(c.get("lookup").asText());
            String[] outcomes = SMALLRYE_UNDER_LAMINA.get(template).split("\\|");
            // "${my.prop}" appears twice: with my.prop set (1234) and unset (error).
            String expected = outcomes.length == 2 && !properties.containsKey("my.prop") ? outcomes[1] : outcomes[0];
            String smallRye = c.has("expected") ? c.get("expected").asText() : "error";
            tests.add(dynamicTest(template + " -> Lamina " + expected + " (SmallRye: " + smallRye + ")", () -> {
                if (expected.startsWith("!")) {
                    assertThatThrownBy(() -> resolve(template, properties))
                            .isInstanceOf(ConfigResolveException.class)
                            .hasMessageContaining(expected.substring(1));
                } else {
                    assertThat(resolve(template, properties)).isEqualTo(expected);
                }
            }));
        }
        return tests.stream();
    }

    private static String resolve(String template, Map<String, String> env) {
        ConfigObject tree = new ConfigObject(Map.of("value", ConfigScalar.string(template, ORIGIN)), Origin.of("vectors.yaml"));
        ResolveSettings settings = new ResolveSettings(name -> java.util.Optional.ofNullable(env.get(name)), Map.of(),
                Path.of("."), SecretPolicy.DEFAULT);
        return ((ConfigScalar) TreeResolver.resolve(tree, settings).entries().get("value")).text();
    }

    private static JsonNode read(String file) throws IOException {
        return new ObjectMapper().readTree(SharedSuites.require("config-suites/interpolation/" + file).toFile());
    }
}
