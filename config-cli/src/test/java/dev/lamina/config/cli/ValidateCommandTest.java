package dev.lamina.config.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Declares service.name and service.port (at most 65535), and nothing else. */
    private static final String SCHEMA = """
            {"type": "object",
             "properties": {
               "service": {"type": "object",
                           "properties": {"name": {"type": "string"},
                                          "port": {"type": "integer", "maximum": 65535}}}}}
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void writeConfiguration() throws Exception {
        Files.writeString(dir.resolve("base.yaml"), "service:\n  name: demo\n  port: 8080\n");
        Files.writeString(dir.resolve("staging.yaml"), "service:\n  port: 8081\n");
    }

    private void staging(String yaml) throws Exception {
        Files.writeString(dir.resolve("staging.yaml"), yaml);
    }

    private CliRun validate(String... rest) {
        return validateWith(Map.of(), rest);
    }

    private CliRun validateWith(Map<String, String> env, String... rest) {
        List<String> args = new ArrayList<>(List.of("validate", "--dir=" + dir, "--env=staging"));
        args.addAll(List.of(rest));
        return CliRun.withEnvironment(env, args.toArray(String[]::new));
    }

    private static JsonNode json(CliRun run) throws Exception {
        return JSON.readTree(run.out());
    }

    private static List<String> failedRuleIds(JsonNode report) {
        List<String> ids = new ArrayList<>();
        report.path("results").forEach(r -> {
            if (!r.path("valid").asBoolean()) {
                ids.add(r.path("ruleId").asText());
            }
        });
        return ids;
    }

    /** The example configuration, which every pack accepts with warnings only. */
    private Path examples() throws Exception {
        return CliRun.copyExamples(Files.createDirectories(dir.resolve("examples")));
    }

    @Test
    void exitsZeroForTheExampleConfigurationWhichDeclaresGdpr() throws Exception {
        Path examples = examples();

        CliRun run = CliRun.of("validate", "--dir=" + examples, "--env=production");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).startsWith("Validation of " + examples + " (environment production): VALID\n")
                .contains("0 errors").contains("framework GDPR: declared in " + examples.resolve("base.yaml") + ":")
                .contains("compliance: GDPR 100%").doesNotContain("SOX").doesNotContain("HIPAA");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void exitsOneWhenABuiltInRuleFindsAnError() throws Exception {
        Path examples = examples();
        Files.writeString(examples.resolve("base.yaml"), Files.readString(examples.resolve("base.yaml"))
                .replace("gdpr_compliance:", "privacy_settings:"));

        CliRun run = CliRun.of("validate", "--dir=" + examples, "--env=staging");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION);
        assertThat(run.out()).contains(": INVALID\n").contains("  [error compliance.gdpr.");
    }

    @Test
    void findsTheSchemaByConventionAndReportsEachViolationWithFileLineColumnAndFix() throws Exception {
        Files.writeString(dir.resolve("schema.json"), SCHEMA);
        staging("service:\n  port: 99999\n");

        CliRun run = validate("--packs=none");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION);
        assertThat(run.out()).contains(": INVALID\n").contains("schema:schema.json")
                .containsPattern("staging\\.yaml:2:9 service\\.port: .*65535")
                .containsPattern("staging\\.yaml:2:9 service\\.port: .*\\(fix: .+\\)  \\[error schema:schema\\.json\\]");
    }

    @Test
    void usesTheSchemaGivenWithSchema() throws Exception {
        Path schema = Files.createDirectories(dir.resolve("schemas")).resolve("service.json");
        Files.writeString(schema, SCHEMA);
        staging("service:\n  port: 99999\n");

        CliRun run = validate("--schema=" + schema);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION);
        assertThat(run.out()).contains("schema:service.json");
    }

    @Test
    void reportsAMissingSchemaFile() {
        CliRun run = validate("--schema=" + dir.resolve("nope.json"));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION);
        assertThat(run.err()).startsWith("configctl: ").contains("nope.json").doesNotContain("\tat ");
    }

    @Test
    void reportsASchemaThatIsNotJsonWithItsLine() throws Exception {
        Files.writeString(dir.resolve("schema.json"), "{\"type\": \"object\",\n  \"properties\": {,}}\n");

        CliRun run = validate();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION);
        assertThat(run.err()).startsWith("configctl: ").containsPattern("schema\\.json:2:\\d+").doesNotContain("\tat ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void strictModeReportsKeysNoSchemaDeclaresWithASuggestion() throws Exception {
        Files.writeString(dir.resolve("schema.json"), SCHEMA);
        staging("service:\n  prot: 8081\n");

        CliRun run = validate("--strict", "--packs=none");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION);
        assertThat(run.out()).contains("schema.unknown-key").containsPattern("staging\\.yaml:2:\\d+ service\\.prot: ")
                .contains("did you mean 'port'?");
    }

    @Test
    void withoutStrictAnUndeclaredKeyIsFine() throws Exception {
        Files.writeString(dir.resolve("schema.json"), SCHEMA);
        staging("service:\n  prot: 8081\n");

        assertThat(validate("--packs=none").exitCode()).isZero();
    }

    @Test
    void strictModeWithoutASchemaIsAUsageError() {
        CliRun run = validate("--strict");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--strict needs a schema");
    }

    @Test
    void runsRulesFoundThroughServiceLoader() throws Exception {
        staging("validation_test:\n  fail_with: ERROR\n");

        CliRun run = validate();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION);
        assertThat(run.out()).contains("test.marker")
                .contains("staging.yaml:2:14 validation_test.fail_with: the test asked for a ERROR finding");
    }

    @Test
    void exitsZeroWhenThereAreOnlyWarnings() throws Exception {
        staging("validation_test:\n  fail_with: WARNING\n");

        CliRun run = validate("--packs=none");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(": VALID\n").contains("1 warning").contains("test.marker");
    }

    @Test
    void exitsOneForACriticalFinding() throws Exception {
        staging("validation_test:\n  fail_with: CRITICAL\n");

        assertThat(validate().exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION);
    }

    @Test
    void printsTheSameFindingsAsJson() throws Exception {
        Files.writeString(dir.resolve("schema.json"), SCHEMA);
        staging("service:\n  port: 99999\n");

        CliRun run = validate("--format=json");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION);
        JsonNode report = json(run);
        assertThat(report.path("overallValid").asBoolean()).isFalse();
        assertThat(report.path("environment").asText()).isEqualTo("staging");
        JsonNode finding = null;
        for (JsonNode r : report.path("results")) {
            if (r.path("ruleId").asText().equals("schema:schema.json") && !r.path("valid").asBoolean()) {
                finding = r;
            }
        }
        assertThat(finding).isNotNull();
        assertThat(finding.path("severity").asText()).isEqualTo("error");
        assertThat(finding.path("path").asText()).isEqualTo("service.port");
        assertThat(finding.path("source").asText()).endsWith("staging.yaml");
        assertThat(finding.path("line").asInt()).isEqualTo(2);
        assertThat(finding.path("column").asInt()).isEqualTo(9);
        assertThat(finding.path("suggestedFix").asText()).isNotBlank();
    }

    @Test
    void runsTheGenericPacksByDefaultAndTheExampleDomainsOnlyOnRequest() throws Exception {
        Path examples = examples();
        JsonNode report = json(CliRun.of("validate", "--dir=" + examples, "--env=production", "--format=json"));

        List<String> ids = new ArrayList<>();
        report.path("results").forEach(r -> ids.add(r.path("ruleId").asText()));
        assertThat(ids).anyMatch(id -> id.startsWith("security.")).anyMatch(id -> id.startsWith("compliance.gdpr."))
                .noneMatch(id -> id.startsWith("compliance.sox.")).noneMatch(id -> id.startsWith("streaming."))
                .anyMatch(id -> id.startsWith("performance.")).contains(FlagDefinitionsRule.ID, "test.marker");

        JsonNode streaming = json(CliRun.of("validate", "--dir=" + examples, "--env=production", "--format=json",
                "--packs=streaming"));
        List<String> streamingIds = new ArrayList<>();
        streaming.path("results").forEach(r -> streamingIds.add(r.path("ruleId").asText()));
        assertThat(streamingIds).anyMatch(id -> id.startsWith("streaming."));
    }

    @Test
    void aTwoFileConfigurationWithACorrectSchemaClaimsNoComplianceAndPasses() throws Exception {
        Files.writeString(dir.resolve("schema.json"), SCHEMA);

        CliRun run = validate();

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains(": VALID\n").contains("0 errors, 0 warnings")
                .contains("compliance frameworks: none declared").doesNotContain("GDPR").doesNotContain("SOX");
    }

    @Test
    void declaredFrameworksRunAndFindingsNameTheDeclaringFile() throws Exception {
        staging("service:\n  port: 8081\ncompliance:\n  frameworks: [SOX]\n");

        CliRun run = validate();

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("framework SOX: declared in " + dir.resolve("staging.yaml") + ":4:16")
                .contains(dir.resolve("staging.yaml") + ":4:16 audit.enabled: no enabled audit trail found")
                .doesNotContain("GDPR");
    }

    @Test
    void packsCanAskForAFrameworkTheConfigurationDoesNotDeclare() throws Exception {
        CliRun run = validate("--packs=gdpr");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION);
        // No declaration to point at: the environment's file, without a misleading 1:1.
        assertThat(run.out()).contains("framework GDPR: requested with --packs")
                .contains(dir.resolve("staging.yaml") + " gdpr_compliance.consent_required:")
                .doesNotContain("staging.yaml:1:1");
    }

    @Test
    void aRegionImpliesItsFramework() throws Exception {
        CliRun run = validate("--region=EU");

        assertThat(run.exitCode()).as(run.out()).isZero();
        assertThat(run.out()).contains("framework GDPR: declared by region EU (builtin:regions/eu.yaml:");
    }

    @Test
    void packsChoosesTheBuiltInPacks() throws Exception {
        JsonNode report = json(validate("--format=json", "--packs=security,flags"));

        List<String> ids = new ArrayList<>();
        report.path("results").forEach(r -> ids.add(r.path("ruleId").asText()));
        assertThat(ids).isNotEmpty().allMatch(id -> id.startsWith("security.") || id.equals(FlagDefinitionsRule.ID)
                || id.equals("test.marker"));
    }

    @Test
    void packsNoneRunsNoBuiltInRule() throws Exception {
        JsonNode report = json(validate("--format=json", "--packs=none"));

        List<String> ids = new ArrayList<>();
        report.path("results").forEach(r -> ids.add(r.path("ruleId").asText()));
        assertThat(ids).containsExactly("test.marker");
    }

    @Test
    void rejectsAnUnknownPackListingTheKnownOnes() {
        CliRun run = validate("--packs=security,speed");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("'speed' is not one of security, compliance, streaming, performance, flags, gdpr, sox, hipaa, "
                + "iso27001, none");
    }

    @Test
    void rejectsNoneCombinedWithAPack() {
        CliRun run = validate("--packs=none,security");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void judgesSecretsAsWrittenSoThatAReferenceIsNotAPlaintextSecret() throws Exception {
        staging("database:\n  password: ${DB_PASSWORD}\n");

        CliRun run = validateWith(Map.of("DB_PASSWORD", "hunter2-from-the-vault"), "--format=json", "--packs=security");

        assertThat(failedRuleIds(json(run))).doesNotContain("security.plaintext-secret");
        assertThat(run.out()).doesNotContain("hunter2");
    }

    @Test
    void reportsAPlaintextSecretWithoutQuotingIt() throws Exception {
        staging("database:\n  password: hunter2-in-the-file\n");

        CliRun run = validate("--packs=security");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION);
        assertThat(run.out()).contains("security.plaintext-secret").contains("database.password")
                .doesNotContain("hunter2");
    }

    @Test
    void reportsRefusedFlagDefinitionsAtTheirOrigin() throws Exception {
        staging("feature_flags:\n  checkout:\n    rollout_percentage: 150\n");

        CliRun run = validate();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION);
        assertThat(run.out()).contains(FlagDefinitionsRule.ID)
                .containsPattern("staging\\.yaml:3:\\d+ feature_flags\\.checkout\\.rollout_percentage: .*between 0 and 100");
    }

    @Test
    void aConfigurationThatDoesNotLoadExitsOneWithOneLine() throws Exception {
        staging("service:\n  port: 1\n  port: 2\n");

        CliRun run = validate();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION);
        assertThat(run.err()).startsWith("configctl: ").containsPattern("staging\\.yaml:3:\\d+");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void rejectsAnUnknownFormat() {
        CliRun run = validate("--format=yaml");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    }
}
