package dev.lamina.config.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.ConfigLoader;
import dev.lamina.config.ConfigSources;
import dev.lamina.config.Configuration;
import dev.lamina.config.ConfigurationOptions;
import dev.lamina.config.flags.EvaluationContext;
import dev.lamina.config.flags.ExperimentAssignment;
import dev.lamina.config.flags.FlagDefinitions;
import dev.lamina.config.flags.FlagEvaluation;
import dev.lamina.config.flags.FlagEvaluator;

class FlagsEvalCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOW = "2026-11-25T00:00:00Z";

    @TempDir
    Path dir;

    @BeforeEach
    void copyExamples() throws Exception {
        CliRun.copyExamples(dir);
    }

    private CliRun eval(String env, String... rest) {
        String[] args = new String[5 + rest.length];
        args[0] = "flags";
        args[1] = "eval";
        args[2] = "--dir=" + dir;
        args[3] = "--env=" + env;
        args[4] = "--at=" + NOW;
        System.arraycopy(rest, 0, args, 5, rest.length);
        return CliRun.of(args);
    }

    private static JsonNode json(CliRun run) throws Exception {
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(run.out());
    }

    private FlagEvaluator engine(String env) {
        Configuration config = new ConfigLoader(ConfigurationOptions.builder().directory(dir).environment(Map.of()).build())
                .load(List.of(ConfigSources.directory(dir, env)));
        return FlagDefinitions.compile(config, Clock.fixed(Instant.parse(NOW), ZoneOffset.UTC));
    }

    private void addStagingDefinitions(String section, String yaml) throws Exception {
        addDefinitions("staging", section, yaml);
    }

    private void addDefinitions(String env, String section, String yaml) throws Exception {
        Path file = dir.resolve(env + ".yaml");
        String text = Files.readString(file);
        Files.writeString(file, text.contains(section + ":\n")
                ? text.replace(section + ":\n", section + ":\n" + yaml) : text + "\n" + section + ":\n" + yaml);
    }

    @Test
    void printsTheEvaluationWithItsReasonRuleAndBucket() throws Exception {
        JsonNode out = json(eval("staging", "--flag=enhanced_anomaly_detection",
                "--context={\"user_id\":\"1\",\"user_segment\":\"premium\"}"));

        FlagEvaluation expected = engine("staging").evaluate("enhanced_anomaly_detection",
                EvaluationContext.builder().userId("1").attribute("user_segment", "premium").build());
        assertThat(out.path("flag").asText()).isEqualTo("enhanced_anomaly_detection");
        assertThat(out.path("enabled").asBoolean()).isEqualTo(expected.enabled());
        assertThat(out.path("reason").asText()).isEqualTo(expected.reason().name());
        assertThat(out.path("rule").asText()).isEqualTo("targeting");
        assertThat(out.path("bucket").asInt()).isEqualTo(expected.bucket().getAsInt());
        assertThat(out.path("variant").isNull()).isTrue();
    }

    @Test
    void printsTheFieldsInTheDocumentedOrder() throws Exception {
        JsonNode out = json(eval("staging", "--flag=advanced_audio_analytics", "--context={\"user_id\":\"1\"}"));

        assertThat(out.fieldNames()).toIterable().containsExactly("flag", "enabled", "variant", "reason", "rule", "bucket");
    }

    @Test
    void printsTheTypedValueOfATypedFlag() throws Exception {
        JsonNode premium = json(eval("staging", "--flag=streaming_bitrate_kbps",
                "--context={\"user_id\":\"1\",\"user_segment\":\"premium\"}"));
        assertThat(premium.fieldNames()).toIterable().containsExactly("flag", "enabled", "variant", "reason", "rule",
                "bucket", "type", "value", "openFeatureReason");
        assertThat(premium.path("type").asText()).isEqualTo("integer");
        assertThat(premium.path("value").isIntegralNumber()).isTrue();
        assertThat(premium.path("value").asInt()).isEqualTo(320);
        assertThat(premium.path("variant").asText()).isEqualTo("high");
        assertThat(premium.path("openFeatureReason").asText()).isEqualTo("TARGETING_MATCH");
        JsonNode free = json(eval("staging", "--flag=streaming_bitrate_kbps",
                "--context={\"user_id\":\"1\",\"user_segment\":\"free\"}"));
        assertThat(free.path("value").asInt()).isEqualTo(160);
        assertThat(free.path("openFeatureReason").asText()).isEqualTo("DEFAULT");
    }

    @Test
    void reportsATargetingMissForAContextOutsideTheTargeting() throws Exception {
        JsonNode out = json(eval("staging", "--flag=advanced_audio_analytics",
                "--context={\"user_id\":\"1\",\"user_segment\":\"free\"}"));

        assertThat(out.path("enabled").asBoolean()).isFalse();
        assertThat(out.path("reason").asText()).isEqualTo("TARGETING_MISS");
    }

    @Test
    void reportsTheKillSwitchOfTheEnvironment() throws Exception {
        JsonNode out = json(eval("production", "--flag=experimental_ml_models", "--context={\"user_id\":\"1\"}"));

        assertThat(out.path("reason").asText()).isEqualTo("DISABLED");
        assertThat(out.path("bucket").isNull()).isTrue();
    }

    @Test
    void mapsTheBuiltInContextKeysAndTakesOtherValuesAsTheirJsonText() throws Exception {
        addStagingDefinitions("feature_flags", """
                  tiered:
                    rules:
                      - constraints:
                          - {attribute: tier, operator: NUM_GTE, values: ["3"]}
                          - {attribute: beta, operator: IN, values: ["true"]}
                          - {attribute: remote_address, operator: IN_CIDR, values: ["10.0.0.0/8"]}
                          - {attribute: app_name, operator: IN, values: [player]}
                          - {attribute: environment, operator: IN, values: [staging]}
                          - {attribute: session_id, operator: IN, values: [s-1]}
                """);

        JsonNode on = json(eval("staging", "--flag=tiered", "--context={\"user_id\":\"1\",\"tier\":3,\"beta\":true,"
                + "\"remote_address\":\"10.1.2.3\",\"app_name\":\"player\",\"environment\":\"staging\","
                + "\"session_id\":\"s-1\",\"ignored\":null}"));
        JsonNode off = json(eval("staging", "--flag=tiered", "--context={\"user_id\":\"1\",\"tier\":2,\"beta\":true,"
                + "\"remote_address\":\"10.1.2.3\",\"app_name\":\"player\",\"environment\":\"staging\","
                + "\"session_id\":\"s-1\"}"));

        assertThat(on.path("reason").asText()).isEqualTo("TARGETING_MATCH");
        assertThat(off.path("reason").asText()).isEqualTo("TARGETING_MISS");
    }

    @Test
    void usesTheContextsCurrentTimeForDateConstraints() throws Exception {
        addStagingDefinitions("feature_flags", """
                  holiday:
                    rules:
                      - constraints: [{attribute: current_time, operator: DATE_AFTER, values: ["2026-12-24T00:00:00Z"]}]
                """);

        JsonNode before = json(eval("staging", "--flag=holiday", "--context={\"user_id\":\"1\"}"));
        JsonNode after = json(eval("staging", "--flag=holiday",
                "--context={\"user_id\":\"1\",\"current_time\":\"2026-12-25T10:00:00+01:00\"}"));

        assertThat(before.path("enabled").asBoolean()).isFalse();
        assertThat(after.path("enabled").asBoolean()).isTrue();
    }

    @Test
    void namesTheFailedPrerequisite() throws Exception {
        addDefinitions("production", "feature_flags", """
                  child:
                    depends_on: [experimental_ml_models]
                """);

        JsonNode out = json(eval("production", "--flag=child", "--context={\"user_id\":\"1\"}"));

        assertThat(out.path("reason").asText()).isEqualTo("PREREQUISITE_FAILED");
        assertThat(out.path("prerequisite").asText()).isEqualTo("experimental_ml_models");
    }

    @Test
    void printsTheVariantAndItsPayload() throws Exception {
        addStagingDefinitions("feature_flags", """
                  theme:
                    variants:
                      - {name: blue, weight: 1, payload: {type: string, value: "#00f"}}
                """);

        JsonNode out = json(eval("staging", "--flag=theme", "--context={\"user_id\":\"1\"}"));

        assertThat(out.path("reason").asText()).isEqualTo("SPLIT");
        assertThat(out.path("variant").asText()).isEqualTo("blue");
        assertThat(out.path("payload").toString()).isEqualTo("{\"type\":\"string\",\"value\":\"#00f\"}");
    }

    @Test
    void saysWhenAPayloadDoesNotParseAsItsType() throws Exception {
        addStagingDefinitions("feature_flags", """
                  tuning:
                    variants:
                      - {name: draft, weight: 1, payload: {type: json, value: '{"boost": 3'}}
                  tuned:
                    variants:
                      - {name: ok, weight: 1, payload: {type: json, value: '{"boost": 3}'}}
                """);

        JsonNode out = json(eval("staging", "--flag=tuning", "--context={\"user_id\":\"1\"}"));

        assertThat(out.path("payload").path("value").asText()).isEqualTo("{\"boost\": 3");
        assertThat(out.path("payload").path("parseError").asText()).contains("variant 'draft'")
                .contains("not valid JSON");
        JsonNode fine = json(eval("staging", "--flag=tuned", "--context={\"user_id\":\"1\"}"));
        assertThat(fine.path("payload").has("parseError")).isFalse();
    }

    @Test
    void masksThePayloadOfAFlagWhoseKeyNamesASecret() throws Exception {
        addStagingDefinitions("feature_flags", """
                  signing_secret_rollout:
                    variants:
                      - {name: v2, weight: 1, payload: {type: string, value: "tok-123"}}
                """);

        CliRun run = eval("staging", "--flag=signing_secret_rollout", "--context={\"user_id\":\"1\"}");

        assertThat(json(run).path("payload").path("value").asText()).isEqualTo("***");
        assertThat(run.out()).doesNotContain("tok-123");
    }

    @Test
    void reportsAnUnknownFlagAsAResultWithExitZeroAndASuggestionOnStderr() throws Exception {
        CliRun run = eval("staging", "--flag=enhanced_anomaly_detecton", "--context={\"user_id\":\"1\"}");

        JsonNode out = json(run);
        assertThat(out.path("reason").asText()).isEqualTo("FLAG_NOT_FOUND");
        assertThat(out.path("enabled").asBoolean()).isFalse();
        assertThat(run.err()).contains("no flag 'enhanced_anomaly_detecton'")
                .contains("did you mean 'enhanced_anomaly_detection'?");
    }

    @Test
    void assignsAnExperimentLikeTheEngine() throws Exception {
        JsonNode out = json(eval("staging", "--experiment=recommendation_algorithm_v2", "--context={\"user_id\":\"42\"}"));

        ExperimentAssignment expected = engine("staging").assign("recommendation_algorithm_v2",
                EvaluationContext.ofUser("42"));
        assertThat(out.fieldNames()).toIterable().containsExactly("experiment", "variant", "reason", "bucket");
        assertThat(out.path("experiment").asText()).isEqualTo("recommendation_algorithm_v2");
        assertThat(out.path("reason").asText()).isEqualTo("ASSIGNED");
        assertThat(out.path("variant").asText()).isEqualTo(expected.variant().orElseThrow());
        assertThat(out.path("bucket").asInt()).isEqualTo(expected.bucket().getAsInt());
    }

    @Test
    void reportsAnExperimentOutsideItsWindowAtTheGivenTime() throws Exception {
        CliRun run = CliRun.of("flags", "eval", "--dir=" + dir, "--env=staging", "--at=2100-01-01T00:00:00Z",
                "--experiment=recommendation_algorithm_v2", "--context={\"user_id\":\"42\"}");

        JsonNode out = json(run);
        assertThat(out.path("reason").asText()).isEqualTo("ENDED");
        assertThat(out.path("variant").isNull()).isTrue();
        assertThat(out.path("bucket").isNull()).isTrue();
    }

    @Test
    void namesTheExclusionGroupThatExcludedTheContext() throws Exception {
        addStagingDefinitions("experiments", """
                  home_layout: {traffic_split: {old: 50, new: 50}, exclusion_group: home, exclusion_range: [0, 1]}
                """);
        FlagEvaluator engine = engine("staging");
        String excluded = java.util.stream.IntStream.range(0, 1000).mapToObj(String::valueOf)
                .filter(u -> !engine.assign("home_layout", EvaluationContext.ofUser(u)).enrolled())
                .findFirst().orElseThrow();

        JsonNode out = json(eval("staging", "--experiment=home_layout", "--context={\"user_id\":\"" + excluded + "\"}"));

        assertThat(out.path("reason").asText()).isEqualTo("EXCLUDED_BY_GROUP");
        assertThat(out.path("exclusionGroup").asText()).isEqualTo("home");
    }

    @Test
    void reportsAnUnknownExperimentAsAResultWithExitZero() throws Exception {
        CliRun run = eval("staging", "--experiment=nope", "--context={}");

        assertThat(json(run).path("reason").asText()).isEqualTo("EXPERIMENT_NOT_FOUND");
        assertThat(run.err()).contains("no experiment 'nope'");
    }

    @Test
    void rejectsContextThatIsNotJsonAsAUsageErrorWithItsPosition() {
        CliRun run = eval("staging", "--flag=x", "--context={\"user_id\":");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Invalid value for option '--context': not valid JSON (at line 1, column")
                .doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void rejectsContextThatIsNotAnObject() {
        CliRun run = eval("staging", "--flag=x", "--context=[\"user_id\"]");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("expected a JSON object").contains("found an array");
    }

    @Test
    void rejectsContextWithDuplicateKeys() {
        CliRun run = eval("staging", "--flag=x", "--context={\"user_id\":\"1\",\"user_id\":\"2\"}");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void rejectsContextWithTrailingContent() {
        CliRun run = eval("staging", "--flag=x", "--context={\"user_id\":\"1\"} {}");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void rejectsACurrentTimeThatIsNotADateTime() {
        CliRun run = eval("staging", "--flag=x", "--context={\"current_time\":\"tomorrow\"}");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("current_time must be an ISO-8601 date-time");
    }

    @Test
    void requiresExactlyOneOfFlagAndExperiment() {
        assertThat(eval("staging").exitCode()).isEqualTo(ExitCodes.USAGE);
        CliRun both = eval("staging", "--flag=a", "--experiment=b");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("mutually exclusive");
    }

    @Test
    void refusesInvalidFlagDefinitionsNamingFileAndPath() throws Exception {
        addStagingDefinitions("experiments", """
                  split_test: {traffic_split: {a: 50, b: 40}}
                """);

        CliRun run = eval("staging", "--flag=enhanced_anomaly_detection", "--context={}");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION);
        assertThat(run.err()).containsPattern("staging\\.yaml:\\d+:\\d+ experiments\\.split_test\\.traffic_split: ")
                .contains("sum to 100");
        assertThat(run.out()).isEmpty();
    }
}
