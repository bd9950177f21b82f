package dev.lamina.config.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.flags.EvaluationContext;
import dev.lamina.config.flags.FlagEvaluation;
import dev.lamina.config.flags.FlagEvaluator;
import dev.lamina.config.flags.UnleashFormat;
import dev.lamina.config.flags.Variant;
import dev.lamina.config.testing.SharedSuites;

/**
 * Every case of the Unleash client specification, through the CLI: {@code flags import-unleash} writes the state as
 * native YAML into a configuration directory, and {@code flags eval} on that directory must give the specification's
 * expected result and the same evaluation as the engine on the state itself.
 */
class UnleashImportRoundTripTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AT = "2026-11-21T10:00:00Z";
    private static final Clock CLOCK = Clock.fixed(Instant.parse(AT), ZoneOffset.UTC);

    /** Unleash context names and the names {@code --context} takes. */
    private static final Map<String, String> CONTEXT_NAMES = Map.of("userId", "user_id", "sessionId", "session_id",
            "remoteAddress", "remote_address", "environment", "environment", "appName", "app_name",
            "currentTime", "current_time");

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicNode> everySpecificationCaseGivesTheSameAnswerAfterImport() throws IOException {
        Path specs = SharedSuites.require("flag-suites/unleash-client-spec/specifications");
        List<Path> files;
        try (Stream<Path> s = Files.list(specs)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        List<DynamicNode> nodes = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            nodes.add(DynamicContainer.dynamicContainer(name, cases(name, JSON.readTree(Files.readString(file)))));
        }
        return nodes.stream();
    }

    private Stream<DynamicNode> cases(String name, JsonNode spec) throws IOException {
        String state = spec.path("state").toString();
        Path config = Files.createDirectories(dir.resolve(name.replace(".json", "")));
        Path stateFile = config.resolve("state.json");
        Files.writeString(stateFile, state);
        CliRun imported = CliRun.of("flags", "import-unleash", stateFile.toString(), "--unknown-operators", "false", "-o",
                config.resolve("base.yaml").toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        Files.writeString(config.resolve("spec.yaml"), "");
        FlagEvaluator engine = UnleashFormat.compile(state, name, CLOCK, null, UnleashFormat.UnknownOperators.EVALUATE_FALSE);

        List<DynamicNode> cases = new ArrayList<>();
        for (JsonNode t : spec.path("tests")) {
            cases.add(DynamicTest.dynamicTest(t.path("description").asText(), () -> {
                JsonNode out = eval(config, t);
                assertThat(out.path("enabled").asBoolean()).as("enabled")
                        .isEqualTo(t.path("expectedResult").asBoolean());
                // These cases do not pin variants, and some choose theirs at random (a missing stickiness field).
                assertSameAsEngine(out, engine.evaluate(t.path("toggleName").asText(), context(t.path("context"))),
                        false);
            }));
        }
        for (JsonNode t : spec.path("variantTests")) {
            cases.add(DynamicTest.dynamicTest(t.path("description").asText(), () -> {
                JsonNode out = eval(config, t);
                JsonNode expected = t.path("expectedResult");
                String variant = expected.path("enabled").asBoolean() ? expected.path("name").asText() : null;
                assertThat(out.path("variant").asText(null)).as("variant").isEqualTo(variant);
                assertThat(out.path("enabled").asBoolean()).as("feature_enabled")
                        .isEqualTo(expected.path("feature_enabled").asBoolean());
                if (expected.has("payload")) {
                    assertThat(out.path("payload").path("value").asText()).as("payload")
                            .isEqualTo(expected.path("payload").path("value").asText());
                }
                assertSameAsEngine(out, engine.evaluate(t.path("toggleName").asText(), context(t.path("context"))),
                        true);
            }));
        }
        return cases.stream();
    }

    private static JsonNode eval(Path config, JsonNode test) throws IOException {
        CliRun run = CliRun.of("flags", "eval", "--dir=" + config, "--env=spec", "--at=" + AT,
                "--flag=" + test.path("toggleName").asText(), "--context=" + cliContext(test.path("context")));
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    /** The bucket is left out: random stickiness gives a fresh one on every evaluation. */
    private static void assertSameAsEngine(JsonNode out, FlagEvaluation engine, boolean variant) {
        assertThat(out.path("enabled").asBoolean()).as("enabled as the engine").isEqualTo(engine.enabled());
        assertThat(out.path("reason").asText()).as("reason as the engine").isEqualTo(engine.reason().name());
        if (variant) {
            assertThat(out.path("variant").asText(null)).as("variant as the engine")
                    .isEqualTo(engine.variant().map(Variant::name).orElse(null));
        }
        assertThat(out.path("rule").asText(null)).as("rule as the engine").isEqualTo(engine.matchedRule().orElse(null));
    }

    /** The specification's context ({@code userId}, {@code properties: {...}}) as {@code --context} JSON. */
    private static String cliContext(JsonNode c) {
        ObjectNode out = JSON.createObjectNode();
        c.properties().forEach(e -> {
            String native_ = CONTEXT_NAMES.get(e.getKey());
            if (native_ != null) {
                out.set(native_, e.getValue());
            }
        });
        c.path("properties").properties().forEach(e -> out.set(e.getKey(), e.getValue()));
        return out.toString();
    }

    /** The same context built for the engine, as the flags module's specification test builds it. */
    private static EvaluationContext context(JsonNode c) {
        EvaluationContext.Builder b = EvaluationContext.builder();
        CONTEXT_NAMES.forEach((unleash, lamina) -> {
            if (c.hasNonNull(unleash) && !"current_time".equals(lamina)) {
                b.attribute(lamina, c.path(unleash).asText());
            }
        });
        if (c.hasNonNull("currentTime")) {
            b.currentTime(Instant.parse(c.path("currentTime").asText()));
        }
        c.path("properties").properties().forEach(e -> {
            if (!e.getValue().isNull()) {
                b.attribute(e.getKey(), e.getValue().asText());
            }
        });
        return b.build();
    }
}
