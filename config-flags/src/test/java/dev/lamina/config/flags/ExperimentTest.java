package dev.lamina.config.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.lamina.config.ConfigScalar;

class ExperimentTest {

    private static final Clock DURING = Clock.fixed(Instant.parse("2026-11-25T00:00:00Z"), ZoneOffset.UTC);

    private static final String PRODUCT_EXPERIMENT = """
            experiments:
              recommendation_algorithm_v2:
                description: "Test new collaborative filtering algorithm"
                start_date: 2026-11-21T00:00:00Z
                end_date: 2026-12-05T00:00:00Z
                traffic_split: {control: 50.0, variant_a: 30.0, variant_b: 20.0}
                configurations:
                  control:   {algorithm: matrix_factorization}
                  variant_a: {algorithm: deep_neural_network, layers: [512, 256]}
                  variant_b: {algorithm: hybrid_ensemble}
                success_metrics: [click_through_rate, listen_completion_rate]
            """;

    private static FlagEvaluator compile(String yaml, Clock clock) {
        return FlagDefinitions.compile(TestTrees.yaml(yaml), clock);
    }

    @Test
    void assignsAVariantWithItsConfiguration() {
        FlagEvaluator e = compile(PRODUCT_EXPERIMENT, DURING);
        ExperimentAssignment a = e.assign("recommendation_algorithm_v2", EvaluationContext.ofUser("u-1"));
        assertThat(a.enrolled()).isTrue();
        assertThat(a.reason()).isEqualTo(AssignmentReason.ASSIGNED);
        assertThat(a.bucket().getAsInt()).isBetween(1, 10_000);
        String expectedAlgorithm = Map.of("control", "matrix_factorization", "variant_a", "deep_neural_network",
                "variant_b", "hybrid_ensemble").get(a.variant().orElseThrow());
        assertThat(a.configurationValues()).containsEntry("algorithm", expectedAlgorithm);
        assertThat(a.configuration().get("algorithm")).hasValueSatisfying(
                n -> assertThat(((ConfigScalar) n).text()).isEqualTo(expectedAlgorithm));
        assertThat(e.variantOf("recommendation_algorithm_v2", EvaluationContext.ofUser("u-1"))).isEqualTo(a.variant());
    }

    @Test
    void bucketBoundariesFollowTheCumulativeBasisPoints() {
        FlagEvaluator e = compile(PRODUCT_EXPERIMENT, DURING);
        for (int i = 0; i < 3_000; i++) {
            ExperimentAssignment a = e.assign("recommendation_algorithm_v2", EvaluationContext.ofUser("u" + i));
            int b = a.bucket().getAsInt();
            String expected = b <= 5_000 ? "control" : b <= 8_000 ? "variant_a" : "variant_b";
            assertThat(a.variant()).contains(expected);
        }
    }

    @Test
    void outsideTheWindowNobodyIsEnrolled() {
        Clock before = Clock.fixed(Instant.parse("2026-11-20T23:59:59Z"), ZoneOffset.UTC);
        Clock atEnd = Clock.fixed(Instant.parse("2026-12-05T00:00:00Z"), ZoneOffset.UTC);
        EvaluationContext u = EvaluationContext.ofUser("u");
        assertThat(compile(PRODUCT_EXPERIMENT, before).assign("recommendation_algorithm_v2", u).reason())
                .isEqualTo(AssignmentReason.NOT_STARTED);
        assertThat(compile(PRODUCT_EXPERIMENT, atEnd).assign("recommendation_algorithm_v2", u).reason())
                .isEqualTo(AssignmentReason.ENDED);
        assertThat(compile(PRODUCT_EXPERIMENT, atEnd).variantOf("recommendation_algorithm_v2", u)).isEmpty();
    }

    @Test
    void unknownDisabledAndUnstickyExperimentsEnrollNobody() {
        FlagEvaluator e = compile("""
                experiments:
                  off: {enabled: false, traffic_split: {a: 100}}
                  by_tenant: {stickiness: tenant_id, traffic_split: {a: 100}}
                """, DURING);
        EvaluationContext u = EvaluationContext.ofUser("u");
        assertThat(e.assign("nope", u).reason()).isEqualTo(AssignmentReason.EXPERIMENT_NOT_FOUND);
        assertThat(e.assign("off", u).reason()).isEqualTo(AssignmentReason.DISABLED);
        assertThat(e.assign("by_tenant", u).reason()).isEqualTo(AssignmentReason.MISSING_STICKINESS);
        assertThat(e.assign("by_tenant", EvaluationContext.builder().attribute("tenant_id", "t").build()).variant())
                .contains("a");
    }

    @Test
    void exclusionGroupsGiveEachUserAtMostOneExperimentOfTheGroup() {
        FlagEvaluator e = compile("""
                experiments:
                  home_a: {traffic_split: {on: 100}, exclusion_group: home, exclusion_range: [0, 30]}
                  home_b: {traffic_split: {on: 100}, exclusion_group: home, exclusion_range: [30, 60]}
                """, DURING);
        int inA = 0;
        int inB = 0;
        for (int i = 0; i < 20_000; i++) {
            EvaluationContext c = EvaluationContext.ofUser("u" + i);
            ExperimentAssignment a = e.assign("home_a", c);
            ExperimentAssignment b = e.assign("home_b", c);
            assertThat(a.enrolled() && b.enrolled()).isFalse();
            if (!a.enrolled()) {
                assertThat(a.reason()).isEqualTo(AssignmentReason.EXCLUDED_BY_GROUP);
                assertThat(a.exclusionGroup()).contains("home");
            }
            inA += a.enrolled() ? 1 : 0;
            inB += b.enrolled() ? 1 : 0;
        }
        assertThat(inA / 20_000.0).isBetween(0.28, 0.32);
        assertThat(inB / 20_000.0).isBetween(0.28, 0.32);
    }

    @Test
    void largestRemainderGivesTheLeftoverBasisPointsToTheLargestFractionsInOrder() {
        FlagEvaluator e = compile("""
                experiments:
                  thirds: {traffic_split: {a: 33.333, b: 33.333, c: 33.334}}
                  ties: {traffic_split: {a: 33.335, b: 33.335, c: 33.33}}
                """, DURING);
        assertThat(e.experiments().get(0).basisPoints().values()).containsExactly(3333, 3333, 3334);
        assertThat(e.experiments().get(1).basisPoints().values()).containsExactly(3334, 3333, 3333);
    }

    @Test
    void changingTheSplitMovesSomeUsers() {
        FlagEvaluator before = compile("experiments: {e: {traffic_split: {a: 50, b: 50}}}", DURING);
        FlagEvaluator after = compile("experiments: {e: {traffic_split: {a: 40, b: 60}}}", DURING);
        int moved = 0;
        for (int i = 0; i < 10_000; i++) {
            EvaluationContext c = EvaluationContext.ofUser("u" + i);
            moved += before.variantOf("e", c).equals(after.variantOf("e", c)) ? 0 : 1;
        }
        assertThat(moved / 10_000.0).as("users between 40 % and 50 % move from a to b").isBetween(0.09, 0.11);
    }

    @Test
    void exposesTheConfigurationOfAVariant() {
        FlagEvaluator e = compile(PRODUCT_EXPERIMENT, DURING);
        assertThat(e.experimentConfiguration("recommendation_algorithm_v2", "variant_b").orElseThrow()
                .get("algorithm").map(n -> ((ConfigScalar) n).text()).orElseThrow()).isEqualTo("hybrid_ensemble");
        assertThat(e.experimentConfiguration("recommendation_algorithm_v2", "nope")).isEmpty();
        assertThat(e.experiments().get(0).successMetrics())
                .containsExactly("click_through_rate", "listen_completion_rate");
    }
}
