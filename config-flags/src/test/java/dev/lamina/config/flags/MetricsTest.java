package dev.lamina.config.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class MetricsTest {

    @Test
    void countsEvaluationsByFlagAndReasonWithoutUserTags() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        FlagEvaluator e = FlagDefinitions.compile(TestTrees.yaml("""
                feature_flags:
                  on: {}
                  off: {enabled: false}
                """), Clock.systemUTC(), registry);
        EvaluationContext u = EvaluationContext.ofUser("u");
        e.isEnabled("on", u);
        e.isEnabled("on", u);
        e.isEnabled("off", u);
        e.evaluate("off", u);
        e.isEnabled("missing", u);
        assertThat(registry.get(FlagEvaluator.METRIC).tag("flag", "on").tag("reason", "ROLLOUT").counter().count())
                .isEqualTo(2.0);
        assertThat(registry.get(FlagEvaluator.METRIC).tag("flag", "off").tag("reason", "DISABLED").counter().count())
                .isEqualTo(2.0);
        assertThat(registry.get(FlagEvaluator.METRIC).tag("flag", "_unknown").tag("reason", "FLAG_NOT_FOUND")
                .counter().count()).isEqualTo(1.0);
        assertThat(registry.getMeters()).allSatisfy(m ->
                assertThat(m.getId().getTags()).extracting(t -> t.getKey()).containsOnly("flag", "reason"));
    }

    @Test
    void registersEveryFlagAndReasonAtCompileTime() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        FlagDefinitions.compile(TestTrees.yaml("feature_flags: {a: {}, b: {}}"), Clock.systemUTC(), registry);
        assertThat(registry.find(FlagEvaluator.METRIC).counters()).hasSize(2 * Reason.values().length + 1);
    }
}
