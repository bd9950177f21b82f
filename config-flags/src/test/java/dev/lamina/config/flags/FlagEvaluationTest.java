package dev.lamina.config.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class FlagEvaluationTest {

    private static final Clock JAN = Clock.fixed(Instant.parse("2026-01-15T12:00:00Z"), ZoneOffset.UTC);
    private static final EvaluationContext ALICE = EvaluationContext.builder().userId("alice")
            .attribute("user_segment", "premium").attribute("region", "EU").build();

    private static FlagEvaluator compile(String yaml) {
        return FlagDefinitions.compile(TestTrees.yaml(yaml), JAN);
    }

    @Test
    void unknownFlagGivesTheCallersDefaultWithFlagNotFound() {
        FlagEvaluator e = compile("feature_flags: {}");
        assertThat(e.isEnabled("nope", ALICE, true)).isTrue();
        assertThat(e.isEnabled("nope", ALICE)).isFalse();
        FlagEvaluation ev = e.evaluate("nope", ALICE, true);
        assertThat(ev.enabled()).isTrue();
        assertThat(ev.reason()).isEqualTo(Reason.FLAG_NOT_FOUND);
    }

    @Test
    void nullKeyOrContextNeverThrows() {
        FlagEvaluator e = compile("feature_flags: {a: {enabled: true}}");
        assertThat(e.isEnabled((String) null, ALICE, true)).isTrue();
        assertThat(e.isEnabled("a", null, true)).isTrue();
        assertThat(e.evaluate("a", null, false).reason()).isEqualTo(Reason.ERROR);
        assertThat(e.variant("a", null)).isEmpty();
        assertThat(e.assign("x", null).reason()).isEqualTo(AssignmentReason.EXPERIMENT_NOT_FOUND);
    }

    @Test
    void killSwitchBeatsEveryRule() {
        FlagEvaluator e = compile("""
                feature_flags:
                  f: {enabled: false, rollout_percentage: 100, targeting: {region: [EU]}}
                """);
        assertThat(e.isEnabled("f", ALICE)).isFalse();
        assertThat(e.evaluate("f", ALICE).reason()).isEqualTo(Reason.DISABLED);
    }

    @Test
    void outsideTheScheduleIsScheduledOff() {
        FlagEvaluator e = compile("""
                feature_flags:
                  later: {schedule: {start: 2026-02-01T00:00:00Z}}
                  over: {schedule: {end: 2026-01-15T12:00:00Z}}
                  now: {schedule: {start: 2026-01-15T12:00:00Z, end: 2026-01-15T12:00:01Z}}
                """);
        assertThat(e.evaluate("later", ALICE).reason()).isEqualTo(Reason.SCHEDULED_OFF);
        assertThat(e.evaluate("over", ALICE).reason()).as("the end is exclusive").isEqualTo(Reason.SCHEDULED_OFF);
        assertThat(e.isEnabled("now", ALICE)).as("the start is inclusive").isTrue();
    }

    @Test
    void unmetPrerequisiteNamesTheFlag() {
        FlagEvaluator e = compile("""
                feature_flags:
                  advanced_audio_analytics: {enabled: false}
                  enhanced_anomaly_detection: {depends_on: [advanced_audio_analytics]}
                """);
        FlagEvaluation ev = e.evaluate(TestFlags.ENHANCED_ANOMALY_DETECTION, ALICE);
        assertThat(ev.enabled()).isFalse();
        assertThat(ev.reason()).isEqualTo(Reason.PREREQUISITE_FAILED);
        assertThat(ev.failedPrerequisite()).contains("advanced_audio_analytics");
    }

    @Test
    void prerequisitesCanRequireOffOrAVariantAndChainTransitively() {
        FlagEvaluator e = compile("""
                feature_flags:
                  base: {}
                  old: {enabled: false}
                  colour:
                    depends_on: [base]
                    variants: [{name: blue, weight: 1}]
                  needs_blue: {depends_on: [{flag: colour, variants: [blue]}]}
                  needs_red: {depends_on: [{flag: colour, variants: [disabled]}]}
                  needs_old_off: {depends_on: [{flag: old, enabled: false}]}
                """);
        assertThat(e.isEnabled("needs_blue", ALICE)).isTrue();
        assertThat(e.isEnabled("needs_red", ALICE)).isFalse();
        assertThat(e.isEnabled("needs_old_off", ALICE)).isTrue();
    }

    @Test
    void targetingRequiresEveryAttributeAndAnyOfItsValues() {
        FlagEvaluator e = compile("""
                feature_flags:
                  f:
                    targeting: {user_segment: [premium, family], region: [EU]}
                """);
        assertThat(e.evaluate("f", ALICE).reason()).isEqualTo(Reason.TARGETING_MATCH);
        assertThat(e.evaluate("f", ALICE).matchedRule()).contains("targeting");
        EvaluationContext us = EvaluationContext.builder().userId("bob").attribute("user_segment", "family")
                .attribute("region", "US").build();
        assertThat(e.evaluate("f", us).reason()).isEqualTo(Reason.TARGETING_MISS);
        assertThat(e.isEnabled("f", EvaluationContext.ofUser("carol"))).isFalse();
    }

    @Test
    void rulesAreTriedInOrderAndReportTheOneThatMatched() {
        FlagEvaluator e = compile("""
                feature_flags:
                  f:
                    rules:
                      - {name: staff, constraints: [{attribute: email, operator: STR_ENDS_WITH, values: ["@lamina.dev"]}]}
                      - constraints: [{attribute: app_version, operator: SEMVER_GTE, values: ["2.4.0"]}]
                """);
        EvaluationContext staff = EvaluationContext.builder().userId("u").attribute("email", "a@lamina.dev").build();
        EvaluationContext modern = EvaluationContext.builder().userId("u").attribute("app_version", "2.10.0").build();
        EvaluationContext old = EvaluationContext.builder().userId("u").attribute("app_version", "2.3.9").build();
        assertThat(e.evaluate("f", staff).matchedRule()).contains("staff");
        assertThat(e.evaluate("f", modern).matchedRule()).contains("rules[1]");
        assertThat(e.evaluate("f", old).reason()).isEqualTo(Reason.TARGETING_MISS);
    }

    @Test
    void rolloutExcludesUsersAboveThePercentageAndReportsTheBucket() {
        FlagEvaluator e = compile("feature_flags: {f: {rollout_percentage: 25}}");
        int on = 0;
        for (int i = 0; i < 200; i++) {
            FlagEvaluation ev = e.evaluate("f", EvaluationContext.ofUser("user-" + i));
            int bucket = ev.bucket().orElseThrow();
            assertThat(ev.enabled()).isEqualTo(bucket <= 25);
            assertThat(ev.reason()).isEqualTo(bucket <= 25 ? Reason.ROLLOUT : Reason.ROLLOUT_EXCLUDED);
            assertThat(e.isEnabled("f", EvaluationContext.ofUser("user-" + i))).isEqualTo(ev.enabled());
            on += ev.enabled() ? 1 : 0;
        }
        assertThat(on).isBetween(20, 90);
    }

    @Test
    void zeroPercentIsOffForEveryoneAndHundredIsOnForEveryone() {
        FlagEvaluator e = compile("feature_flags: {zero: {rollout_percentage: 0}, all: {rollout_percentage: 100}}");
        for (int i = 0; i < 500; i++) {
            EvaluationContext c = EvaluationContext.ofUser(Integer.toString(i));
            assertThat(e.isEnabled("zero", c)).isFalse();
            assertThat(e.isEnabled("all", c)).isTrue();
        }
    }

    @Test
    void namedStickinessMissingFromTheContextTurnsTheRolloutOff() {
        FlagEvaluator e = compile("feature_flags: {f: {rollout_percentage: 100, stickiness: tenant_id}}");
        assertThat(e.evaluate("f", ALICE).reason()).isEqualTo(Reason.ROLLOUT_EXCLUDED);
        assertThat(e.isEnabled("f", EvaluationContext.builder().attribute("tenant_id", "t1").build())).isTrue();
    }

    @Test
    void defaultStickinessFallsBackToSessionThenRandom() {
        FlagEvaluator e = compile("feature_flags: {f: {rollout_percentage: 50}}");
        EvaluationContext session = EvaluationContext.builder().sessionId("s-1").build();
        boolean first = e.isEnabled("f", session);
        for (int i = 0; i < 50; i++) {
            assertThat(e.isEnabled("f", session)).isEqualTo(first);
        }
        int on = 0;
        for (int i = 0; i < 2_000; i++) {
            on += e.isEnabled("f", EvaluationContext.empty()) ? 1 : 0;
        }
        assertThat(on).as("random for an anonymous context").isBetween(800, 1200);
    }

    @Test
    void variantsAreChosenByOverrideThenByWeightWithReasonSplit() {
        FlagEvaluator e = compile("""
                feature_flags:
                  colour:
                    variants:
                      - {name: blue, weight: 50, payload: {type: string, value: "#00f"}}
                      - {name: red, weight: 50, overrides: [{attribute: user_id, values: [alice]}]}
                      - {name: never, weight: 0}
                """);
        FlagEvaluation ev = e.evaluate("colour", ALICE);
        assertThat(ev.reason()).isEqualTo(Reason.SPLIT);
        assertThat(ev.variantName()).isEqualTo("red");
        int blue = 0;
        for (int i = 0; i < 1_000; i++) {
            String name = e.variant("colour", EvaluationContext.ofUser("u" + i)).orElseThrow().name();
            assertThat(name).isIn("blue", "red");
            blue += name.equals("blue") ? 1 : 0;
        }
        assertThat(blue).isBetween(400, 600);
        assertThat(e.evaluate("colour", EvaluationContext.ofUser("u1")).variant().get().payload())
                .satisfiesAnyOf(p -> assertThat(p).isEmpty(),
                        p -> assertThat(p).contains(new VariantPayload("string", "#00f")));
    }

    @Test
    void jsonPayloadWrittenAsATreeIsKeptAsJsonText() {
        FlagEvaluator e = compile("""
                feature_flags:
                  f: {variants: [{name: a, weight: 1, payload: {type: json, value: {limit: 5, tags: [x]}}}]}
                """);
        assertThat(e.variant("f", ALICE).orElseThrow().payload().orElseThrow().value())
                .isEqualTo("{\"limit\":5,\"tags\":[\"x\"]}");
    }

    @Test
    void productFlagsHaveLowerSnakeCaseKeys() {
        assertThat(TestFlags.EXPERIMENTAL_ML_MODELS.key()).isEqualTo("experimental_ml_models");
        FlagEvaluator e = compile("feature_flags: {experimental_ml_models: {enabled: true}}");
        assertThat(e.isEnabled(TestFlags.EXPERIMENTAL_ML_MODELS, ALICE)).isTrue();
        assertThat(e.isEnabled(TestFlags.ADVANCED_AUDIO_ANALYTICS, ALICE, true)).isTrue();
    }

    @Test
    void nonAsciiFlagKeysWork() {
        FlagEvaluator e = compile("feature_flags: {\"fonctionnalité_😊\": {rollout_percentage: 100}}");
        assertThat(e.isEnabled("fonctionnalité_😊", ALICE)).isTrue();
    }

    @Test
    void summariesListFlagsInDeclarationOrder() {
        FlagEvaluator e = compile("""
                feature_flags:
                  b: {description: second, rollout_percentage: 10, depends_on: [a]}
                  a: {variants: [{name: x, weight: 1}]}
                """);
        assertThat(e.flags()).extracting(FlagSummary::key).containsExactly("b", "a");
        assertThat(e.flags().get(0).rolloutPercentage()).isEqualTo(10.0);
        assertThat(e.flags().get(0).dependsOn()).containsExactly("a");
        assertThat(e.flags().get(1).variants()).containsExactly("x");
        assertThat(e.hasFlag("a")).isTrue();
        assertThat(FlagEvaluator.empty().flags()).isEmpty();
    }
}
