package dev.lamina.config.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import dev.lamina.config.testing.ThreadAllocation;

/** The hot path allocates nothing: measured with the JVM's per-thread allocation counter, not with time. */
class AllocationTest {

    @Test
    void isEnabledWithRolloutAndTwoConstraintsAllocatesNothing() {
        ThreadAllocation mx = ThreadAllocation.counter();
        FlagEvaluator e = FlagDefinitions.compile(TestTrees.yaml("""
                feature_flags:
                  enhanced_anomaly_detection:
                    rollout_percentage: 25
                    rules:
                      - constraints:
                          - {attribute: user_segment, operator: IN, values: [premium, family]}
                          - {attribute: app_version, operator: SEMVER_GTE, values: ["2.4.0"]}
                    variants: [{name: a, weight: 1}, {name: b, weight: 1}]
                experiments:
                  x: {traffic_split: {a: 50, b: 50}}
                """), Clock.systemUTC(), new SimpleMeterRegistry());
        EvaluationContext[] contexts = new EvaluationContext[64];
        for (int i = 0; i < contexts.length; i++) {
            contexts[i] = EvaluationContext.builder().userId("user-" + i).attribute("user_segment", "premium")
                    .attribute("app_version", "2.5.1").build();
        }
        int sink = 0;
        for (int round = 0; round < 5; round++) {
            long before = mx.currentThreadBytes();
            for (int i = 0; i < 200_000; i++) {
                EvaluationContext c = contexts[i & 63];
                sink += e.isEnabled("enhanced_anomaly_detection", c) ? 1 : 0;
                sink += e.variant("enhanced_anomaly_detection", c).isPresent() ? 1 : 0;
                sink += e.variantOf("x", c).isPresent() ? 1 : 0;
            }
            long allocated = mx.currentThreadBytes() - before;
            if (round == 4) {
                // 600,000 evaluations: anything per call would be megabytes; allow the counter's own noise.
                assertThat(allocated).as("bytes allocated by 600,000 evaluations").isLessThan(4_096);
            }
        }
        assertThat(sink).isPositive();
    }
}
