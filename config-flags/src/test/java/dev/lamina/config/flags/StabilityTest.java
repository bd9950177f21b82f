package dev.lamina.config.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Reformatting a definition (YAML, JSON or TOML, other keys reordered) must not move any user. */
class StabilityTest {

    private static final String YAML = """
            feature_flags:
              enhanced_anomaly_detection:
                enabled: true
                description: "Advanced anomaly detection"
                rollout_percentage: 25
                variants:
                  - {name: blue, weight: 50}
                  - {name: red, weight: 50}
            experiments:
              recommendation_algorithm_v2:
                description: "Test new collaborative filtering algorithm"
                traffic_split: {control: 33.33, variant_a: 33.33, variant_b: 33.34}
                success_metrics: [click_through_rate]
            """;

    private static final String JSON_REORDERED = """
            {"experiments": {"recommendation_algorithm_v2": {
                "success_metrics": ["click_through_rate"],
                "traffic_split": {"control": 33.330, "variant_a": 33.33, "variant_b": 33.34},
                "description": "Test new collaborative filtering algorithm"}},
             "unrelated": {"x": 1},
             "feature_flags": {"enhanced_anomaly_detection": {
                "variants": [{"weight": 50, "name": "blue"}, {"name": "red", "weight": 50}],
                "rollout_percentage": 25.0, "description": "Advanced anomaly detection", "enabled": true}}}
            """;

    private static final String TOML = """
            [experiments.recommendation_algorithm_v2]
            traffic_split = { control = 33.33, variant_a = 33.33, variant_b = 33.34 }
            description = "Test new collaborative filtering algorithm"

            [feature_flags.enhanced_anomaly_detection]
            rollout_percentage = 25
            enabled = true
            variants = [{ name = "blue", weight = 50 }, { weight = 50, name = "red" }]
            """;

    @Test
    void yamlReorderedJsonAndTomlOfTheSameDefinitionGiveTheSameAnswers() {
        FlagEvaluator yaml = FlagDefinitions.compile(TestTrees.yaml(YAML), Clock.systemUTC());
        FlagEvaluator json = FlagDefinitions.compile(TestTrees.json(JSON_REORDERED), Clock.systemUTC());
        FlagEvaluator toml = FlagDefinitions.compile(TestTrees.toml(TOML), Clock.systemUTC());
        for (int i = 0; i < 20_000; i++) {
            EvaluationContext c = EvaluationContext.ofUser("listener-" + i);
            FlagEvaluation expected = yaml.evaluate("enhanced_anomaly_detection", c);
            assertThat(json.evaluate("enhanced_anomaly_detection", c)).isEqualTo(expected);
            assertThat(toml.evaluate("enhanced_anomaly_detection", c)).isEqualTo(expected);
            Optional<String> variant = yaml.variantOf("recommendation_algorithm_v2", c);
            assertThat(json.variantOf("recommendation_algorithm_v2", c)).isEqualTo(variant);
            assertThat(toml.variantOf("recommendation_algorithm_v2", c)).isEqualTo(variant);
        }
    }

    @Test
    void theSplitIsStoredAsBasisPointsInDeclarationOrder() {
        FlagEvaluator yaml = FlagDefinitions.compile(TestTrees.yaml(YAML), Clock.systemUTC());
        assertThat(yaml.experiments().get(0).basisPoints())
                .containsExactly(java.util.Map.entry("control", 3333), java.util.Map.entry("variant_a", 3333),
                        java.util.Map.entry("variant_b", 3334));
    }
}
