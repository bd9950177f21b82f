package dev.lamina.config.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import dev.lamina.config.testing.SharedSuites;

/**
 * Runs every {@code tests} and {@code variantTests} case of every file of the Unleash client specification in
 * {@code ../shared/flag-suites/unleash-client-spec/specifications} through {@link UnleashFormat}.
 */
class UnleashSpecificationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

    @TestFactory
    Stream<DynamicNode> everyCaseOfEverySpecificationFileDirectlyAndThroughTheNativeForm() throws IOException {
        Path dir = SharedSuites.require("flag-suites/unleash-client-spec/specifications");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(18);
        List<DynamicNode> nodes = new ArrayList<>();
        for (Path file : files) {
            JsonNode spec = JSON.readTree(Files.readString(file));
            String state = spec.path("state").toString();
            String name = file.getFileName().toString();
            nodes.add(DynamicContainer.dynamicContainer(name, cases(spec,
                    UnleashFormat.compile(state, name, CLOCK, null, UnleashFormat.UnknownOperators.EVALUATE_FALSE))));
            // The native form written as YAML as `configctl flags import-unleash` writes it (ConfigRenderer, which
            // quotes flag names with dots such as "Feature.A" so they stay one key) must behave the same.
            String yaml = dev.lamina.config.ConfigRenderer.render(UnleashFormat.toNativeTree(state, name,
                    UnleashFormat.UnknownOperators.EVALUATE_FALSE), dev.lamina.config.SecretPolicy.none(),
                    dev.lamina.config.RenderFormat.YAML, dev.lamina.config.ConfigRenderer.Options.defaults());
            nodes.add(DynamicContainer.dynamicContainer(name + " as native YAML", cases(spec,
                    FlagDefinitions.compile(TestTrees.yaml(yaml), CLOCK))));
        }
        return nodes.stream();
    }

    private static List<DynamicNode> cases(JsonNode spec, FlagEvaluator evaluator) {
        List<DynamicNode> cases = new ArrayList<>();
        for (JsonNode t : spec.path("tests")) {
            cases.add(DynamicTest.dynamicTest(t.path("description").asText(), () -> {
                EvaluationContext ctx = context(t.path("context"));
                String toggle = t.path("toggleName").asText();
                boolean expected = t.path("expectedResult").asBoolean();
                assertThat(evaluator.isEnabled(toggle, ctx)).as("isEnabled").isEqualTo(expected);
                assertThat(evaluator.evaluate(toggle, ctx).enabled()).as("evaluate").isEqualTo(expected);
            }));
        }
        for (JsonNode t : spec.path("variantTests")) {
            cases.add(DynamicTest.dynamicTest(t.path("description").asText(), () -> {
                EvaluationContext ctx = context(t.path("context"));
                JsonNode expected = t.path("expectedResult");
                FlagEvaluation e = evaluator.evaluate(t.path("toggleName").asText(), ctx);
                assertThat(e.variantName()).as("name").isEqualTo(expected.path("name").asText());
                assertThat(e.variant().isPresent()).as("enabled").isEqualTo(expected.path("enabled").asBoolean());
                assertThat(e.enabled()).as("feature_enabled")
                        .isEqualTo(expected.path("feature_enabled").asBoolean());
                if (expected.has("payload")) {
                    VariantPayload p = e.variant().orElseThrow().payload().orElseThrow();
                    assertThat(p.type()).isEqualTo(expected.path("payload").path("type").asText());
                    assertThat(p.value()).isEqualTo(expected.path("payload").path("value").asText());
                } else {
                    assertThat(e.variant().flatMap(Variant::payload)).isEmpty();
                }
                assertThat(evaluator.variant(t.path("toggleName").asText(), ctx)).isEqualTo(e.variant());
            }));
        }
        return cases;
    }

    static EvaluationContext context(JsonNode c) {
        EvaluationContext.Builder b = EvaluationContext.builder();
        if (c.hasNonNull("userId")) {
            b.userId(c.path("userId").asText());
        }
        if (c.hasNonNull("sessionId")) {
            b.sessionId(c.path("sessionId").asText());
        }
        if (c.hasNonNull("remoteAddress")) {
            b.remoteAddress(c.path("remoteAddress").asText());
        }
        if (c.hasNonNull("environment")) {
            b.environment(c.path("environment").asText());
        }
        if (c.hasNonNull("appName")) {
            b.appName(c.path("appName").asText());
        }
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
