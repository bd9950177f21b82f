package dev.lamina.config.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** {@link EvaluationContext#view}: attributes read on demand from an adapter's own context, never copied to evaluate. */
class EvaluationContextViewTest {

    private static final String FLAGS = """
            feature_flags:
              seniors:
                rules:
                  - constraints: [{attribute: age, operator: NUM_GTE, values: [65]}]
              launched:
                rules:
                  - constraints: [{attribute: signup, operator: DATE_AFTER, values: ["2026-01-01T00:00:00Z"]}]
              premium:
                rules:
                  - constraints: [{attribute: plans, operator: IN, values: [premium]}]
              modern_app:
                rules:
                  - constraints: [{attribute: app_version, operator: SEMVER_GTE, values: ["2.4.0"]}]
              office:
                rules:
                  - constraints: [{attribute: remote_address, operator: IN_CIDR, values: ["10.0.0.0/8"]}]
              new_year:
                rules:
                  - constraints: [{attribute: current_time, operator: DATE_AFTER, values: ["2026-01-01T00:00:00Z"]}]
              quarter:
                rollout_percentage: 25
            """;

    private final FlagEvaluator flags = FlagDefinitions.compile(TestTrees.yaml(FLAGS),
            Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC));

    /** A source over a map that records every name asked for. */
    private static final class Recording implements EvaluationContext.AttributeSource {
        final Map<String, Object> values;
        final List<String> asked = new ArrayList<>();
        int listed;

        Recording(Map<String, Object> values) {
            this.values = values;
        }

        @Override
        public Object attribute(String name) {
            asked.add(name);
            return values.get(name);
        }

        @Override
        public Collection<String> names() {
            listed++;
            return values.keySet();
        }
    }

    private static Map<String, Object> attributes() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("user_id", "user-7");
        m.put("age", 70L);
        m.put("signup", Instant.parse("2026-03-01T00:00:00Z"));
        m.put("plans", List.of("free", "premium"));
        m.put("app_version", "2.10.1");
        m.put("remote_address", "10.1.2.3");
        m.put("current_time", Instant.parse("2026-02-01T00:00:00Z"));
        m.put("unused", "never read");
        return m;
    }

    @Test
    void aViewAnswersAsTheSameAttributesCopiedIntoABuiltContext() {
        EvaluationContext.Builder b = EvaluationContext.builder();
        attributes().forEach(b::typedAttribute);
        EvaluationContext built = b.build();
        EvaluationContext view = EvaluationContext.view(new Recording(attributes()));
        for (String flag : List.of("seniors", "launched", "premium", "modern_app", "office", "new_year", "quarter")) {
            assertThat(flags.resolve(flag, view)).as(flag).isEqualTo(flags.resolve(flag, built));
            assertThat(flags.resolve(flag, view).enabled()).as(flag).isEqualTo(!"quarter".equals(flag)
                    || flags.isEnabled(flag, built));
        }
        Map<String, Object> young = attributes();
        young.put("age", 30);
        young.put("plans", List.of("free"));
        young.put("current_time", Instant.parse("2025-12-31T23:59:59Z"));
        EvaluationContext youngView = EvaluationContext.view(new Recording(young));
        assertThat(flags.resolve("seniors", youngView).enabled()).isFalse();
        assertThat(flags.resolve("premium", youngView).enabled()).isFalse();
        assertThat(flags.resolve("new_year", youngView).enabled()).as("the context's own time").isFalse();
    }

    @Test
    void evaluationReadsOnlyTheAttributesAFlagAsksForAndNeverListsThem() {
        Recording source = new Recording(attributes());
        EvaluationContext view = EvaluationContext.view(source);
        assertThat(flags.resolve("seniors", view).enabled()).isTrue();
        assertThat(source.asked).contains("age").doesNotContain("signup", "plans", "app_version", "remote_address",
                "unused");
        assertThat(source.listed).isZero();
        source.asked.clear();
        flags.resolve("quarter", view);
        assertThat(source.asked).containsOnly("user_id");
        assertThat(source.listed).isZero();
    }

    @Test
    void theOtherMethodsCopyEveryAttributeOnce() {
        Recording source = new Recording(attributes());
        EvaluationContext view = EvaluationContext.view(source);
        assertThat(view.userId()).contains("user-7");
        assertThat(view.remoteAddress()).contains("10.1.2.3");
        assertThat(view.currentTime()).contains(Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(view.attributes()).containsEntry("age", "70").containsEntry("plans", "free,premium")
                .doesNotContainKey("user_id");
        assertThat(view.typedAttributes()).containsEntry("age", 70L);
        assertThat(view.toString()).contains("user_id", "age").doesNotContain("user-7");
        assertThat(source.listed).as("copied once").isEqualTo(1);
    }

    @Test
    void valuesOfOtherTypesCountAsAbsent() {
        Map<String, Object> odd = new LinkedHashMap<>();
        odd.put("age", Map.of("years", 70));
        odd.put("plans", List.of(List.of("premium")));
        odd.put("current_time", "2026-02-01T00:00:00Z"); // text, not an Instant
        EvaluationContext view = EvaluationContext.view(new Recording(odd));
        assertThat(flags.resolve("seniors", view).reason()).isEqualTo(Reason.TARGETING_MISS);
        assertThat(flags.resolve("premium", view).reason()).isEqualTo(Reason.TARGETING_MISS);
        assertThat(flags.resolve("new_year", view).enabled()).as("the evaluator's clock, 2025").isFalse();
        assertThat(view.attributes()).isEmpty();
        assertThat(view.currentTime()).isEmpty();
    }

    @Test
    void aSourceIsRequired() {
        assertThatThrownBy(() -> EvaluationContext.view(null)).isInstanceOf(NullPointerException.class);
    }
}
