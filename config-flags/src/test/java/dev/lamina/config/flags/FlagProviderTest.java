package dev.lamina.config.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.junit.jupiter.api.Test;

/** The OpenFeature-style call path: typed values with variant, reason and error code; never an exception. */
class FlagProviderTest {

    private static final EvaluationContext USER = EvaluationContext.builder().userId("12345")
            .attribute("user_segment", "premium").build();

    private final FlagProvider provider = FlagProvider.of(FlagDefinitions.compile(TestTrees.yaml("""
            feature_flags:
              premium_only: {targeting: {user_segment: [premium]}}
              nobody: {rollout_percentage: 0}
              off: {enabled: false}
              colour:
                variants:
                  - {name: blue, weight: 1, payload: {type: string, value: "#00f"}}
              plain:
                variants: [{name: only, weight: 1}]
            """), Clock.systemUTC()));

    @Test
    void booleanValueCarriesTheReason() {
        ProviderEvaluation<Boolean> e = provider.getBooleanValue("premium_only", false, USER);
        assertThat(e.value()).isTrue();
        assertThat(e.reason()).isEqualTo(Reason.TARGETING_MATCH);
        assertThat(e.openFeatureReason()).isEqualTo("TARGETING_MATCH");
        assertThat(e.errorCode()).isEmpty();
    }

    @Test
    void aFlagThatIsOffIsFalseWithTheReasonNotTheDefault() {
        assertThat(provider.getBooleanValue("nobody", true, USER)).satisfies(e -> {
            assertThat(e.value()).isFalse();
            assertThat(e.reason()).isEqualTo(Reason.ROLLOUT_EXCLUDED);
            assertThat(e.openFeatureReason()).isEqualTo("DEFAULT");
        });
        assertThat(provider.getBooleanValue("off", true, USER).openFeatureReason()).isEqualTo("DISABLED");
    }

    @Test
    void unknownFlagGivesTheDefaultWithFlagNotFound() {
        ProviderEvaluation<Boolean> e = provider.getBooleanValue("nope", true, USER);
        assertThat(e.value()).isTrue();
        assertThat(e.errorCode()).contains(ProviderEvaluation.ErrorCode.FLAG_NOT_FOUND);
        assertThat(e.openFeatureReason()).isEqualTo("ERROR");
        assertThat(provider.getStringValue("nope", "d", USER).errorCode())
                .contains(ProviderEvaluation.ErrorCode.FLAG_NOT_FOUND);
    }

    @Test
    void nullContextGivesTheDefaultWithInvalidContext() {
        assertThat(provider.getBooleanValue("premium_only", true, null)).satisfies(e -> {
            assertThat(e.value()).isTrue();
            assertThat(e.errorCode()).contains(ProviderEvaluation.ErrorCode.INVALID_CONTEXT);
        });
        assertThat(provider.getStringValue("colour", "d", null).errorCode())
                .contains(ProviderEvaluation.ErrorCode.INVALID_CONTEXT);
    }

    @Test
    void stringValueIsTheVariantsPayloadOrElseItsName() {
        assertThat(provider.getStringValue("colour", "#000", USER)).satisfies(e -> {
            assertThat(e.value()).isEqualTo("#00f");
            assertThat(e.variant()).contains("blue");
            assertThat(e.reason()).isEqualTo(Reason.SPLIT);
        });
        assertThat(provider.getStringValue("plain", "x", USER).value()).isEqualTo("only");
    }

    @Test
    void stringValueOfAFlagWithoutVariantsIsATypeMismatch() {
        ProviderEvaluation<String> e = provider.getStringValue("premium_only", "d", USER);
        assertThat(e.value()).isEqualTo("d");
        assertThat(e.errorCode()).contains(ProviderEvaluation.ErrorCode.TYPE_MISMATCH);
    }

    @Test
    void stringValueOfAFlagThatIsOffIsTheDefaultWithTheReason() {
        ProviderEvaluation<String> e = provider.getStringValue("off", "d", USER);
        assertThat(e.value()).isEqualTo("d");
        assertThat(e.reason()).isEqualTo(Reason.DISABLED);
        assertThat(e.errorCode()).isEmpty();
    }

    @Test
    void booleanResultsAgreeWithIsEnabledForManyUsers() {
        FlagEvaluator ev = provider.evaluator();
        for (int i = 0; i < 500; i++) {
            EvaluationContext c = EvaluationContext.builder().userId("u" + i)
                    .attribute("user_segment", i % 2 == 0 ? "premium" : "free").build();
            assertThat(provider.getBooleanValue("premium_only", false, c).value())
                    .isEqualTo(ev.isEnabled("premium_only", c));
        }
    }
}
