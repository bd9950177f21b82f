package dev.lamina.config.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlagsListCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @BeforeEach
    void copyExamples() throws Exception {
        CliRun.copyExamples(dir);
    }

    private CliRun list(String env, String... rest) {
        String[] args = new String[4 + rest.length];
        args[0] = "flags";
        args[1] = "list";
        args[2] = "--dir=" + dir;
        args[3] = "--env=" + env;
        System.arraycopy(rest, 0, args, 4, rest.length);
        return CliRun.of(args);
    }

    @Test
    void listsEveryFlagWithItsStateRolloutAndTargeting() {
        CliRun run = list("production");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("(?m)^FLAG\\s+STATE\\s+ROLLOUT\\s+TARGETING$")
                .containsPattern("(?m)^enhanced_anomaly_detection\\s+on\\s+25%\\s+user_segment in \\[premium, family]$")
                .containsPattern("(?m)^experimental_ml_models\\s+off\\s+10%\\s+everyone$")
                .containsPattern("(?m)^advanced_audio_analytics\\s+on\\s+100%\\s+user_segment in \\[premium]$");
    }

    @Test
    void showsTheEnvironmentsOwnRolloutOverTheBaseOne() {
        CliRun run = list("staging");

        assertThat(run.out()).containsPattern("(?m)^experimental_ml_models\\s+on\\s+50%\\s+everyone$");
    }

    @Test
    void listsExperimentsWithTheirSplitAndWindow() {
        CliRun run = list("staging", "--at=2026-11-25T00:00:00Z");

        assertThat(run.out()).containsPattern("(?m)^EXPERIMENT\\s+STATE\\s+SPLIT\\s+WINDOW$")
                .containsPattern("(?m)^recommendation_algorithm_v2\\s+running\\s+control 50%, variant_a 30%, variant_b 20%"
                        + "\\s+2026-11-21T00:00:00Z \\.\\. 2099-12-31T00:00:00Z$");
    }

    @Test
    void judgesExperimentWindowsAtTheGivenTime() {
        assertThat(list("staging", "--at=2026-11-01T00:00:00Z").out())
                .containsPattern("(?m)^recommendation_algorithm_v2\\s+not-started\\s");
        assertThat(list("staging", "--at=2099-12-31T00:00:00Z").out())
                .containsPattern("(?m)^recommendation_algorithm_v2\\s+ended\\s");
    }

    @Test
    void showsAFlagOutsideItsScheduleAsScheduledOff() throws Exception {
        addStagingFlag("""
                  launch_banner:
                    schedule: {start: 2026-12-01T00:00:00Z, end: 2026-12-02T00:00:00Z}
                """);

        assertThat(list("staging", "--at=2026-11-21T00:00:00Z").out())
                .containsPattern("(?m)^launch_banner\\s+scheduled-off\\s+100%\\s+schedule 2026-12-01T00:00:00Z\\.\\.2026-12-02T00:00:00Z$");
        assertThat(list("staging", "--at=2026-12-01T12:00:00Z").out())
                .containsPattern("(?m)^launch_banner\\s+on\\s");
    }

    @Test
    void summarisesRulesPrerequisitesAndVariants() throws Exception {
        addStagingFlag("""
                  new_player:
                    rules:
                      - {name: staff, constraints: [{attribute: email, operator: STR_ENDS_WITH, values: ["@lamina.dev"]}]}
                      - {name: everyone, rollout_percentage: 12.5}
                    depends_on: [advanced_audio_analytics]
                    variants: [{name: blue, weight: 1}, {name: red, weight: 1}]
                """);

        CliRun run = list("staging");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("rules: staff (email STR_ENDS_WITH [@lamina.dev]) or everyone (12.5%); "
                + "requires advanced_audio_analytics; variants blue/red");
    }

    @Test
    void cutsLongValueListsAfterThree() throws Exception {
        addStagingFlag("""
                  beta:
                    targeting: {region: [EU, US, APAC, LATAM, MEA]}
                """);

        assertThat(list("staging").out()).contains("region in [EU, US, APAC, +2 more]");
    }

    @Test
    void masksTargetingValuesUnderASecretKey() throws Exception {
        addStagingFlag("""
                  rotate_token:
                    targeting: {user_id: [alice-internal-id]}
                """);

        CliRun run = list("staging");

        assertThat(run.out()).contains("user_id in [***]").doesNotContain("alice-internal-id");
    }

    @Test
    void printsJsonWithTheSameFields() throws Exception {
        CliRun run = list("production", "--format=json", "--at=2026-11-25T00:00:00Z");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = JSON.readTree(run.out());
        JsonNode first = doc.path("flags").get(0);
        assertThat(first.path("flag").asText()).isEqualTo("enhanced_anomaly_detection");
        assertThat(first.path("enabled").asBoolean()).isTrue();
        assertThat(first.path("state").asText()).isEqualTo("on");
        assertThat(first.path("rollout").asInt()).isEqualTo(25);
        assertThat(first.path("targeting").asText()).isEqualTo("user_segment in [premium, family]");
        assertThat(doc.path("flags").get(1).path("state").asText()).isEqualTo("off");
        JsonNode experiment = doc.path("experiments").get(0);
        assertThat(experiment.path("experiment").asText()).isEqualTo("recommendation_algorithm_v2");
        assertThat(experiment.path("state").asText()).isEqualTo("running");
        assertThat(experiment.path("split").toString()).isEqualTo("{\"control\":50,\"variant_a\":30,\"variant_b\":20}");
        assertThat(experiment.path("start").asText()).isEqualTo("2026-11-21T00:00:00Z");
    }

    @Test
    void saysSoWhenThereAreNoFlagsOrExperiments() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Files.writeString(empty.resolve("base.yaml"), "service: {name: x}\n");
        Files.writeString(empty.resolve("dev.yaml"), "");

        CliRun run = CliRun.of("flags", "list", "--dir=" + empty, "--env=dev");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("no feature flags\n\nno experiments\n");
    }

    @Test
    void refusesInvalidDefinitionsNamingTheFileLineAndPath() throws Exception {
        Files.writeString(dir.resolve("staging.yaml"), Files.readString(dir.resolve("staging.yaml"))
                .replace("rollout_percentage: 50", "rollout_percentage: 150"));

        CliRun run = list("staging");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION);
        assertThat(run.err()).containsPattern("staging\\.yaml:\\d+:\\d+ feature_flags\\.experimental_ml_models\\.rollout_percentage: ")
                .contains("between 0 and 100").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void rejectsAnUnknownFormatAsAUsageError() {
        CliRun run = list("staging", "--format=xml");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("'xml' is not one of text, json");
    }

    @Test
    void rejectsATimeWithoutAnOffsetAsAUsageError() {
        CliRun run = list("staging", "--at=2026-11-25T00:00:00");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--at").contains("offset");
    }

    private void addStagingFlag(String yaml) throws Exception {
        Path staging = dir.resolve("staging.yaml");
        Files.writeString(staging, Files.readString(staging).replace("feature_flags:\n", "feature_flags:\n" + yaml));
    }
}
