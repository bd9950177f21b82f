package dev.lamina.config.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.flags.EvaluationContext;
import dev.lamina.config.flags.FlagEvaluator;
import dev.lamina.config.flags.UnleashFormat;

class FlagsImportCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AT = "2026-11-21T10:00:00Z";

    /** Two features: a 50 % rollout limited to EU, and a regex with an anchor that a config directory would interpolate. */
    private static final String STATE = """
            {"version": 2, "segments": [], "features": [
              {"name": "checkout.v2", "enabled": true, "description": "New checkout; costs $5",
               "strategies": [{"name": "flexibleRollout",
                               "parameters": {"rollout": "50", "stickiness": "userId", "groupId": "checkout.v2"},
                               "constraints": [{"contextName": "region", "operator": "IN", "values": ["EU"]}]}],
               "variants": [{"name": "a", "weight": 500, "stickiness": "default",
                             "payload": {"type": "string", "value": "$HOME"}},
                            {"name": "b", "weight": 500, "stickiness": "default"}]},
              {"name": "staff", "enabled": true,
               "strategies": [{"name": "default",
                               "constraints": [{"contextName": "userId", "operator": "REGEX", "values": ["^emp-[0-9]+$"]}]}]}
            ]}
            """;

    @TempDir
    Path dir;

    private Path state(String json) throws Exception {
        Path file = dir.resolve("state.json");
        Files.writeString(file, json);
        return file;
    }

    private CliRun evalImported(Path configDir, String flag, String context) {
        return CliRun.of("flags", "eval", "--dir=" + configDir, "--env=test", "--at=" + AT, "--flag=" + flag,
                "--context=" + context);
    }

    private Path configDirWith(String baseYaml) throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve("base.yaml"), baseYaml);
        Files.writeString(config.resolve("test.yaml"), "");
        return config;
    }

    @Test
    void writesTheNativeFormatAsYamlToStdout() throws Exception {
        CliRun run = CliRun.of("flags", "import-unleash", state(STATE).toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("# Feature flags imported from the Unleash state state.json")
                .contains("\nfeature_flags:\n  \"checkout.v2\":\n").contains("operator: REGEX");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void importedFlagsEvaluateInAConfigurationDirectoryAsTheyDoFromTheState() throws Exception {
        Path config = configDirWith(CliRun.of("flags", "import-unleash", state(STATE).toString()).out());
        FlagEvaluator engine = UnleashFormat.compile(STATE, "state.json",
                Clock.fixed(Instant.parse(AT), ZoneOffset.UTC));

        for (int user = 0; user < 40; user++) {
            for (String region : new String[] {"EU", "US"}) {
                EvaluationContext ctx = EvaluationContext.builder().userId("emp-" + user).attribute("region", region)
                        .build();
                JsonNode out = JSON.readTree(evalImported(config, "checkout.v2",
                        "{\"user_id\":\"emp-" + user + "\",\"region\":\"" + region + "\"}").out());
                var expected = engine.evaluate("checkout.v2", ctx);
                assertThat(out.path("enabled").asBoolean()).isEqualTo(expected.enabled());
                assertThat(out.path("reason").asText()).isEqualTo(expected.reason().name());
                assertThat(out.path("variant").asText(null)).isEqualTo(expected.variant().map(v -> v.name()).orElse(null));
            }
        }
    }

    @Test
    void keepsDollarSignsThroughInterpolation() throws Exception {
        Path config = configDirWith(CliRun.of("flags", "import-unleash", state(STATE).toString()).out());

        JsonNode staff = JSON.readTree(evalImported(config, "staff", "{\"user_id\":\"emp-7\"}").out());
        JsonNode notStaff = JSON.readTree(evalImported(config, "staff", "{\"user_id\":\"emp-7x\"}").out());
        CliRun description = CliRun.of("get", "--dir=" + config, "--env=test", "feature_flags.\"checkout.v2\".description");
        CliRun payload = CliRun.of("get", "--dir=" + config, "--env=test",
                "feature_flags.\"checkout.v2\".variants[0].payload.value");

        assertThat(staff.path("enabled").asBoolean()).isTrue();
        assertThat(notStaff.path("enabled").asBoolean()).isFalse();
        assertThat(description.out()).isEqualTo("New checkout; costs $5\n");
        assertThat(payload.out()).as(payload.err()).isEqualTo("$HOME\n");
    }

    @Test
    void notesCustomStrategiesAndMissingSegmentsThatCanNeverMatch() throws Exception {
        CliRun run = CliRun.of("flags", "import-unleash", state("""
                {"version": 2, "segments": [], "features": [
                  {"name": "beta", "enabled": true, "strategies": [{"name": "myOwnStrategy", "parameters": {}}]},
                  {"name": "gamma", "enabled": true, "strategies": [{"name": "default", "segments": [7]}]},
                  {"name": "plain", "enabled": true, "strategies": [{"name": "default"}]}
                ]}
                """).toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("feature 'beta' uses strategy 'myOwnStrategy'")
                .contains("feature 'gamma' refers to segment 7").doesNotContain("'plain'");
        assertThat(run.out()).contains("strategy:myOwnStrategy");
    }

    @Test
    void writesJsonOnRequest() throws Exception {
        CliRun run = CliRun.of("flags", "import-unleash", state(STATE).toString(), "--format=json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode doc = JSON.readTree(run.out());
        assertThat(doc.path("feature_flags").path("checkout.v2").path("enabled").asBoolean()).isTrue();
    }

    @Test
    void writesAFileAtomicallyInTheFormatItsNameSays() throws Exception {
        Path out = dir.resolve("flags.json");

        CliRun run = CliRun.of("flags", "import-unleash", state(STATE).toString(), "--output=" + out);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("wrote 2 flags to " + out + "\n");
        assertThat(JSON.readTree(Files.readString(out)).path("feature_flags").size()).isEqualTo(2);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("state.json", "flags.json");
        }
    }

    @Test
    void replacingAFileKeepsItsPermissions() throws Exception {
        Path out = dir.resolve("flags.yaml");
        Files.writeString(out, "old\n");
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-rw----"));

        CliRun run = CliRun.of("flags", "import-unleash", state(STATE).toString(), "-o", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(out)).contains("feature_flags:");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rw-rw----");
    }

    @Test
    void leavesTheOutputUntouchedWhenTheStateIsInvalid() throws Exception {
        Path out = dir.resolve("flags.yaml");
        Files.writeString(out, "feature_flags: {}\n");

        CliRun run = CliRun.of("flags", "import-unleash", state("{\"features\": [}").toString(), "-o", out.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION);
        assertThat(Files.readString(out)).isEqualTo("feature_flags: {}\n");
    }

    @Test
    void reportsMalformedJsonWithFileLineAndColumn() throws Exception {
        CliRun run = CliRun.of("flags", "import-unleash", state("{\"features\": [\n  {\"name\": \"a\",}\n]}").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION);
        assertThat(run.err()).containsPattern("state\\.json:2:\\d+: not valid JSON").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void reportsAFeatureWithoutANameWithItsLocationAndJsonPath() throws Exception {
        CliRun run = CliRun.of("flags", "import-unleash",
                state("{\"features\": [\n  {\"name\": \"a\"},\n  {\"enabled\": true}\n]}").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION);
        assertThat(run.err()).contains("state.json:3:3 features[1].name: every Unleash feature needs a non-empty 'name'");
    }

    @Test
    void reportsAStateWithoutFeatures() throws Exception {
        CliRun run = CliRun.of("flags", "import-unleash", state("{\"version\": 2}").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION);
        assertThat(run.err()).contains("state.json:1:1 features: an Unleash state must have a 'features' array");
    }

    @Test
    void reportsAStateThatIsNotAnObject() throws Exception {
        CliRun run = CliRun.of("flags", "import-unleash", state("[1, 2]").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION);
        assertThat(run.err()).contains("state.json:1:1: an Unleash state must be a JSON object");
    }

    @Test
    void refusesDefinitionsALaminaServiceWouldRefuseNamingTheFlag() throws Exception {
        CliRun run = CliRun.of("flags", "import-unleash", state("""
                {"features": [{"name": "a", "enabled": true, "variants": [{"name": "disabled", "weight": 100}]}]}
                """).toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION);
        assertThat(run.err()).contains("state.json feature_flags.a.variants[0].name:").contains("reserved");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void reportsAMissingStateFile() {
        CliRun run = CliRun.of("flags", "import-unleash", dir.resolve("nope.json").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION);
        assertThat(run.err()).contains("nope.json: not found");
    }

    @Test
    void reportsAStateThatIsNotUtf8() throws Exception {
        Path file = dir.resolve("latin1.json");
        Files.write(file, "{\"features\": [{\"name\": \"caf\u00e9\"}]}".getBytes(StandardCharsets.ISO_8859_1));

        CliRun run = CliRun.of("flags", "import-unleash", file.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION);
        assertThat(run.err()).contains("latin1.json: not valid UTF-8");
    }

    @Test
    void reportsAnOutputDirectoryThatDoesNotExist() throws Exception {
        Path out = dir.resolve("missing/flags.yaml");

        CliRun run = CliRun.of("flags", "import-unleash", state(STATE).toString(), "-o", out.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION);
        assertThat(run.err()).contains("flags.yaml: cannot write: the directory does not exist");
    }

    @Test
    void rejectsAFormatThatCannotHoldTheDefinitionsAsAUsageError() throws Exception {
        CliRun run = CliRun.of("flags", "import-unleash", state(STATE).toString(), "--format=env");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("import-unleash writes yaml or json");
    }
}
