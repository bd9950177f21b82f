package dev.lamina.config.flags;

import static dev.lamina.config.flags.DynamicFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.ConfigurationManager;
import dev.lamina.config.testing.ThreadAllocation;

/**
 * The dynamic manager's hot paths allocate nothing: the version check, flag evaluation, variant assignment with
 * exposure counting, and the provider's boolean and variant paths. Measured with the JVM's per-thread allocation
 * counter, not with time.
 */
class DynamicAllocationTest {

    @TempDir
    Path dir;

    @Test
    void hotPathsAllocateNothingWithMetricsAndNoExposureListener() throws Exception {
        ThreadAllocation allocation = ThreadAllocation.counter();
        write(dir, "base.yaml", """
                feature_flags:
                  enhanced_anomaly_detection:
                    rollout_percentage: 25
                    rules:
                      - constraints:
                          - {attribute: user_segment, operator: IN, values: [premium, family]}
                          - {attribute: app_version, operator: SEMVER_GTE, values: ["2.4.0"]}
                  colour:
                    variants: [{name: blue, weight: 1}, {name: red, weight: 1}]
                experiments:
                  recommendation_algorithm_v2:
                    traffic_split: {control: 50.0, variant_a: 30.0, variant_b: 20.0}
                """);
        try (ConfigurationManager manager = DynamicFixture.manager(dir);
             DynamicConfigurationManager dynamic = new DynamicConfigurationManager(manager, DynamicFixture.CLOCK,
                     new SimpleMeterRegistry())) {
            FlagProvider provider = dynamic.provider();
            EvaluationContext[] contexts = new EvaluationContext[64];
            for (int i = 0; i < contexts.length; i++) {
                contexts[i] = EvaluationContext.builder().userId("user-" + i).attribute("user_segment", "premium")
                        .attribute("app_version", "2.5.1").build();
            }
            int sink = 0;
            for (int round = 0; round < 5; round++) {
                long before = allocation.currentThreadBytes();
                for (int i = 0; i < 100_000; i++) {
                    EvaluationContext c = contexts[i & 63];
                    sink += dynamic.isFeatureEnabled("enhanced_anomaly_detection", c) ? 1 : 0;
                    sink += dynamic.getAbTestVariant("recommendation_algorithm_v2", c).length();
                    sink += provider.getBooleanValue("enhanced_anomaly_detection", false, c).value() ? 1 : 0;
                    sink += provider.getStringValue("colour", "none", c).value().length();
                }
                long allocated = allocation.currentThreadBytes() - before;
                if (round == 4) {
                    assertThat(allocated).as("bytes allocated by 400,000 calls").isLessThan(4_096);
                }
            }
            assertThat(sink).isPositive();
        }
    }
}
