package dev.lamina.config.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.junit.jupiter.api.Test;

class DistributionTest {

    private static final int USERS = 100_000;

    private final FlagEvaluator evaluator = FlagDefinitions.compile(TestTrees.yaml("""
            feature_flags:
              quarter: {rollout_percentage: 25}
              half_a: {rollout_percentage: 50}
              half_b: {rollout_percentage: 50}
            experiments:
              split: {traffic_split: {control: 50.0, variant_a: 30.0, variant_b: 20.0}}
            """), Clock.systemUTC());

    @Test
    void aQuarterRolloutReachesAQuarterOfUsersWithinOnePercent() {
        int on = 0;
        for (int i = 0; i < USERS; i++) {
            on += evaluator.isEnabled("quarter", EvaluationContext.ofUser("user-" + i)) ? 1 : 0;
        }
        assertThat(on / (double) USERS).isBetween(0.24, 0.26);
    }

    @Test
    void twoFlagsAtHalfAreIndependentSoTheyOverlapOnAQuarter() {
        int both = 0;
        for (int i = 0; i < USERS; i++) {
            EvaluationContext c = EvaluationContext.ofUser("user-" + i);
            both += evaluator.isEnabled("half_a", c) && evaluator.isEnabled("half_b", c) ? 1 : 0;
        }
        assertThat(both / (double) USERS).isBetween(0.24, 0.26);
    }

    @Test
    void anExperimentSplitsUsersAsDeclaredWithinOnePercent() {
        int control = 0;
        int a = 0;
        for (int i = 0; i < USERS; i++) {
            String v = evaluator.variantOf("split", EvaluationContext.ofUser("user-" + i)).orElseThrow();
            control += v.equals("control") ? 1 : 0;
            a += v.equals("variant_a") ? 1 : 0;
        }
        assertThat(control / (double) USERS).isBetween(0.49, 0.51);
        assertThat(a / (double) USERS).isBetween(0.29, 0.31);
    }

    @Test
    void theSameUserAlwaysGetsTheSameAnswer() {
        for (int i = 0; i < 1_000; i++) {
            EvaluationContext c = EvaluationContext.ofUser("user-" + i);
            boolean first = evaluator.isEnabled("quarter", c);
            String variant = evaluator.variantOf("split", c).orElseThrow();
            for (int k = 0; k < 3; k++) {
                assertThat(evaluator.isEnabled("quarter", EvaluationContext.ofUser("user-" + i))).isEqualTo(first);
                assertThat(evaluator.variantOf("split", c)).contains(variant);
            }
        }
    }
}
