package dev.lamina.config.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.time.Clock;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The hot path allocates nothing: measured with the JVM's per-thread allocation counter, not with time. */
class AllocationTest {

    @Test
    void isEnabledWithRolloutAndTwoConstraintsAllocatesNothing() {
        ThreadAllocation mx = ThreadAllocation.find();
        Assumptions.assumeTrue(mx != null, "the JVM has no per-thread allocation counter");
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
        long thread = Thread.currentThread().getId();
        int sink = 0;
        for (int round = 0; round < 5; round++) {
            long before = mx.bytes(thread);
            for (int i = 0; i < 200_000; i++) {
                EvaluationContext c = contexts[i & 63];
                sink += e.isEnabled("enhanced_anomaly_detection", c) ? 1 : 0;
                sink += e.variant("enhanced_anomaly_detection", c).isPresent() ? 1 : 0;
                sink += e.variantOf("x", c).isPresent() ? 1 : 0;
            }
            long allocated = mx.bytes(thread) - before;
            if (round == 4) {
                // 600,000 evaluations: anything per call would be megabytes; allow the counter's own noise.
                assertThat(allocated).as("bytes allocated by 600,000 evaluations").isLessThan(4_096);
            }
        }
        assertThat(sink).isPositive();
    }

    /**
     * {@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}, reached reflectively because the module
     * under test does not read {@code jdk.management} (tests run on the class path).
     */
    private record ThreadAllocation(Object bean, Method method) {
        static ThreadAllocation find() {
            try {
                Object bean = Class.forName("java.lang.management.ManagementFactory")
                        .getMethod("getThreadMXBean").invoke(null);
                Class<?> type = Class.forName("com.sun.management.ThreadMXBean");
                if (!type.isInstance(bean) || !(boolean) type.getMethod("isThreadAllocatedMemorySupported").invoke(bean)) {
                    return null;
                }
                return new ThreadAllocation(bean, type.getMethod("getThreadAllocatedBytes", long.class));
            } catch (ReflectiveOperationException e) {
                return null;
            }
        }

        long bytes(long threadId) {
            try {
                return (long) method.invoke(bean, threadId);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
