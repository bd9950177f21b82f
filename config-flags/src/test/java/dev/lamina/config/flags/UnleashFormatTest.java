package dev.lamina.config.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.lamina.config.ConfigParseException;

class UnleashFormatTest {

    private static final String STATE = """
            {"version": 1,
             "segments": [{"id": 7, "constraints": [{"contextName": "region", "operator": "IN", "values": ["EU"]}]}],
             "features": [
               {"name": "checkout", "enabled": true,
                "strategies": [
                  {"name": "flexibleRollout", "parameters": {"rollout": "25", "stickiness": "userId", "groupId": "co"},
                   "constraints": [{"contextName": "appName", "operator": "STR_STARTS_WITH", "values": ["web"]}],
                   "segments": [7]},
                  {"name": "mystery"}],
                "variants": [{"name": "blue", "weight": 1, "stickiness": "sessionId",
                              "payload": {"type": "json", "value": "{\\"a\\":1}"},
                              "overrides": [{"contextName": "userId", "values": ["7"]}]}],
                "dependencies": [{"feature": "base", "variants": ["disabled", "ghost"]}]},
               {"name": "base", "enabled": true, "strategies": []}
             ]}
            """;

    @Test
    @SuppressWarnings("unchecked")
    void translatesStrategiesSegmentsVariantsAndDependenciesToTheNativeForm() {
        Map<String, Object> root = UnleashFormat.toNative(STATE, "state.json");
        Map<String, Object> checkout = (Map<String, Object>) ((Map<String, Object>) root.get("feature_flags"))
                .get("checkout");
        assertThat(checkout).containsEntry("enabled", true).containsEntry("stickiness", "session_id");
        List<Map<String, Object>> rules = (List<Map<String, Object>>) checkout.get("rules");
        assertThat(rules.get(0)).containsEntry("rollout_percentage", 25.0).containsEntry("stickiness", "user_id")
                .containsEntry("group_id", "co");
        assertThat((List<Map<String, Object>>) rules.get(0).get("constraints")).extracting(c -> c.get("attribute"))
                .containsExactly("app_name", "region");
        assertThat((List<Map<String, Object>>) rules.get(1).get("constraints")).singleElement()
                .satisfies(c -> assertThat(c).containsEntry("operator", "IN").containsEntry("values", List.of()));
        assertThat((List<Map<String, Object>>) checkout.get("depends_on")).singleElement()
                .satisfies(d -> assertThat(d).containsEntry("variants", List.of("disabled")));
    }

    @Test
    void theNativeFormCompilesAndEvaluatesLikeTheState() {
        FlagEvaluator e = UnleashFormat.compile(STATE, "state.json", Clock.systemUTC());
        EvaluationContext override = EvaluationContext.builder().userId("7").appName("web-shop")
                .attribute("region", "EU").build();
        FlagEvaluation ev = e.evaluate("checkout", override);
        if (ev.enabled()) {
            assertThat(ev.variantName()).isEqualTo("blue");
            assertThat(ev.variant().orElseThrow().payload().orElseThrow().value()).isEqualTo("{\"a\":1}");
        } else {
            assertThat(ev.reason()).isEqualTo(Reason.ROLLOUT_EXCLUDED);
        }
        EvaluationContext us = EvaluationContext.builder().userId("7").appName("web").attribute("region", "US").build();
        assertThat(e.evaluate("checkout", us).reason()).isEqualTo(Reason.TARGETING_MISS);
    }

    @Test
    void refusesTextThatIsNotJsonWithoutQuotingIt() {
        assertThatThrownBy(() -> UnleashFormat.toNative("{\"features\": [secret-token-123", "state.json"))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageStartingWith("state.json:1:")
                .hasMessageNotContaining("secret-token-123");
    }

    @Test
    void refusesJsonThatIsNotAState() {
        assertThatThrownBy(() -> UnleashFormat.toNative("[1, 2]", "state.json"))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("state.json: an Unleash state must be an object with a 'features' array");
    }

    @Test
    void acceptsEveryOperatorOfTheSpecificationAndYggdrasil() {
        assertThat(UnleashFormat.operators()).containsExactly("IN", "NOT_IN", "STR_ENDS_WITH", "STR_STARTS_WITH",
                "STR_CONTAINS", "NUM_EQ", "NUM_GT", "NUM_GTE", "NUM_LT", "NUM_LTE", "DATE_AFTER", "DATE_BEFORE",
                "SEMVER_EQ", "SEMVER_LT", "SEMVER_GT", "REGEX", "IN_CIDR", "REGEX_MATCH");
        for (String op : UnleashFormat.operators()) {
            String value = switch (op) {
                case "NUM_EQ", "NUM_GT", "NUM_GTE", "NUM_LT", "NUM_LTE" -> "5";
                case "DATE_AFTER", "DATE_BEFORE" -> "2026-01-01T00:00:00Z";
                case "SEMVER_EQ", "SEMVER_LT", "SEMVER_GT" -> "1.2.3";
                case "IN_CIDR" -> "10.0.0.0/8";
                default -> "a.*";
            };
            String state = "{\"version\": 1, \"features\": [{\"name\": \"f\", \"enabled\": true, \"strategies\":"
                    + " [{\"name\": \"default\", \"constraints\": [{\"contextName\": \"x\", \"operator\": \"" + op
                    + "\", \"values\": [\"" + value + "\"]}]}]}]}";
            assertThat(UnleashFormat.compile(state, "state.json", Clock.systemUTC()).hasFlag("f")).as(op).isTrue();
        }
        String regexMatch = "{\"version\": 1, \"features\": [{\"name\": \"f\", \"enabled\": true, \"strategies\":"
                + " [{\"name\": \"default\", \"constraints\": [{\"contextName\": \"x\", \"operator\": \"REGEX_MATCH\","
                + " \"values\": [\"^ab\"]}]}]}]}";
        FlagEvaluator e = UnleashFormat.compile(regexMatch, "state.json", Clock.systemUTC());
        assertThat(e.isEnabled("f", EvaluationContext.builder().attribute("x", "abc").build())).isTrue();
        assertThat(e.isEnabled("f", EvaluationContext.builder().attribute("x", "cab").build())).isFalse();
    }

    @Test
    void rejectsAnOperatorUnleashDoesNotDefineNamingTheFlagAndTheOperator() {
        String state = "{\"version\": 1, \"features\": [{\"name\": \"checkout\", \"enabled\": true, \"strategies\":"
                + " [{\"name\": \"default\", \"constraints\": [{\"contextName\": \"v\", \"operator\": \"SEMVER_GTE\","
                + " \"value\": \"1.0.0\"}]}]}]}";
        assertThatThrownBy(() -> UnleashFormat.compile(state, "state.json", Clock.systemUTC()))
                .isInstanceOf(FlagDefinitionException.class)
                .hasMessageContaining("state.json")
                .hasMessageContaining("feature_flags.checkout")
                .hasMessageContaining("feature 'checkout' uses constraint operator 'SEMVER_GTE'")
                .hasMessageContaining("did you mean");
        FlagEvaluator lenient = UnleashFormat.compile(state, "state.json", Clock.systemUTC(), null,
                UnleashFormat.UnknownOperators.EVALUATE_FALSE);
        assertThat(lenient.isEnabled("checkout", EvaluationContext.builder().attribute("v", "2.0.0").build())).isFalse();
    }
}
