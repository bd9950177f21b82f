package dev.lamina.config.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EvaluationContextTest {

    @Test
    void builtInNamesSetThroughAttributeReachTheBuiltIns() {
        EvaluationContext c = EvaluationContext.builder().attribute("user_id", "u1").attribute("tier", "gold").build();
        assertThat(c.userId()).contains("u1");
        assertThat(c.attributes()).containsExactly(Map.entry("tier", "gold"));
        assertThat(c.attribute("user_id")).contains("u1");
    }

    @Test
    void aNullValueClearsTheAttribute() {
        EvaluationContext c = EvaluationContext.builder().userId("u1").userId(null).attribute("tier", "gold")
                .attribute("tier", null).build();
        assertThat(c.userId()).isEmpty();
        assertThat(c.attributes()).isEmpty();
    }

    @Test
    void currentTimeIsSetOnlyThroughItsOwnMethod() {
        assertThatThrownBy(() -> EvaluationContext.builder().attribute("current_time", "2026-01-01T00:00:00Z"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("currentTime(Instant)");
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(EvaluationContext.builder().currentTime(t).build().attribute("current_time"))
                .contains("2026-01-01T00:00:00Z");
    }

    @Test
    void toStringNamesAttributesWithoutTheirValues() {
        EvaluationContext c = EvaluationContext.builder().userId("alice@example.com").attribute("tier", "gold").build();
        assertThat(c.toString()).contains("user_id", "tier").doesNotContain("alice", "gold");
    }

    @Test
    void contextsAreIndependentOfTheBuilderAfterBuild() {
        EvaluationContext.Builder b = EvaluationContext.builder().userId("a");
        EvaluationContext first = b.build();
        b.userId("b");
        assertThat(first.userId()).contains("a");
    }

    private enum MyFlags implements FlagKey {
        BETA_SOCIAL_FEATURES;

        @Override
        public String key() {
            return "beta_social_features";
        }
    }

    @Test
    void applicationsUseTheirOwnEnumsAsFlagKeys() {
        FlagEvaluator e = FlagDefinitions.compile(TestTrees.yaml("feature_flags: {beta_social_features: {}}"),
                java.time.Clock.systemUTC());
        assertThat(e.isEnabled(MyFlags.BETA_SOCIAL_FEATURES, EvaluationContext.empty())).isTrue();
        assertThat(e.evaluate(MyFlags.BETA_SOCIAL_FEATURES, EvaluationContext.empty()).reason())
                .isEqualTo(Reason.ROLLOUT);
    }
}
