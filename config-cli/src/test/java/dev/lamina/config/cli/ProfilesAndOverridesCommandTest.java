package dev.lamina.config.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfilesAndOverridesCommandTest {

    @TempDir
    Path dir;

    @BeforeEach
    void files() throws Exception {
        Files.writeString(dir.resolve("base.yaml"), "service:\n  max_workers: 8\nx: base\n");
        Files.writeString(dir.resolve("staging.yaml"), "y: staging\n");
        Files.writeString(dir.resolve("development.yaml"), "y: development\n");
        Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(dir.resolve("profiles/canary.yaml"),
                "_profile:\n  description: one canary pod\n  extends: [high-volume]\nservice:\n  canary: true\n");
        Files.createDirectories(dir.resolve("overrides"));
        Files.writeString(dir.resolve("overrides/docker.yaml"), """
                _metadata:
                  priority: 50
                  description: Docker stack
                  conditions:
                    environments: [development]
                  depends_on: [local]
                x: docker
                """);
        Files.writeString(dir.resolve("overrides/local.yaml"), "_metadata:\n  priority: 10\nz: local\n");
    }

    @Test
    void renderGetAndExplainTakeProfileRegionAndOverride() {
        CliRun get = CliRun.of("get", "--dir=" + dir, "--env=staging", "--profile=high-volume", "service.max_workers");
        assertThat(get.exitCode()).as(get.err()).isZero();
        assertThat(get.out().trim()).isEqualTo("32");

        CliRun explain = CliRun.of("explain", "--dir=" + dir, "--env=staging", "--profile=high-volume",
                "service.max_workers");
        assertThat(explain.out()).contains("(profile HIGH_VOLUME)").contains("builtin:deployment/high-volume.yaml:");

        CliRun render = CliRun.of("render", "--dir=" + dir, "--env=development", "--region=EU", "--override=docker");
        assertThat(render.exitCode()).as(render.err()).isZero();
        assertThat(render.out()).contains("x: docker").contains("z: local").contains("GDPR")
                .doesNotContain("_metadata").doesNotContain("_profile");
    }

    @Test
    void explainSaysWhyASelectedOverrideWasSkipped() {
        CliRun run = CliRun.of("explain", "--dir=" + dir, "--env=staging", "--override=docker", "x");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("x = base")
                .contains("not applied: override docker (priority 50) skipped: requires environment in [development],"
                        + " loading staging");
    }

    @Test
    void renderWarnsOnStderrWhenASelectedOverrideIsSkipped() {
        CliRun run = CliRun.of("render", "--dir=" + dir, "--env=staging", "--override=docker");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).doesNotContain("docker").doesNotContain("configctl: warning");
        assertThat(run.err()).contains("configctl: warning: Override docker (")
                .contains("is selected but skipped: requires environment in [development], loading staging");
        CliRun applied = CliRun.of("render", "--dir=" + dir, "--env=development", "--override=docker");
        assertThat(applied.err()).doesNotContain("warning");
    }

    @Test
    void diffAppliesTheSameSelectionToBothEnvironments() {
        CliRun run = CliRun.of("diff", "--dir=" + dir, "--env=staging", "--env=development", "--override=docker",
                "--profile=high-volume");
        assertThat(run.out()).contains("x: base").contains("-> docker")
                .doesNotContain("service.max_workers"); // the profile applies on both sides
        assertThat(run.err()).contains("skipped: requires environment in [development], loading staging");
    }

    @Test
    void validateRunsTheFrameworksARegionOrProfileImplies() throws Exception {
        Files.writeString(dir.resolve("profiles/audited.yaml"), "_profile:\n  implies: {compliance: [SOX]}\n");
        CliRun plain = CliRun.of("validate", "--dir=" + dir, "--env=staging");
        assertThat(plain.out()).contains("compliance frameworks: none declared").doesNotContain("GDPR");
        CliRun run = CliRun.of("validate", "--dir=" + dir, "--env=staging", "--region=EU", "--profile=audited");
        assertThat(run.out()).contains("framework GDPR: declared by region EU (builtin:regions/eu.yaml:")
                .contains("framework SOX: declared by profile audited (" + dir.resolve("profiles/audited.yaml") + ":2:")
                .contains("compliance.sox.audit-trail");
    }

    @Test
    void anUnknownProfileFailsWithTheKnownNames() {
        CliRun run = CliRun.of("get", "--dir=" + dir, "--env=staging", "--profile=canery", "x");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION);
        assertThat(run.err()).contains("unknown profile 'canery'").contains("did you mean 'canary'?");
    }

    @Test
    void configProfileVariableIsHonoured() {
        CliRun run = CliRun.withEnvironment(Map.of("CONFIG_PROFILE", "cost-optimized"), "get", "--dir=" + dir,
                "--env=staging", "service.max_workers");
        assertThat(run.out().trim()).isEqualTo("4");
    }

    @Test
    void profilesListShowsBuiltInsAndUserProfilesWithDescriptions() {
        CliRun run = CliRun.of("profiles", "list", "--dir=" + dir);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("profile\\s+HIGH_VOLUME\\s+built-in\\s+-\\s+Throughput first")
                .containsPattern("profile\\s+canary\\s+user\\s+-\\s+one canary pod")
                .containsPattern("region\\s+EU\\s+built-in\\s+GDPR\\s+European Union");
    }

    @Test
    void profilesShowListsKeysWithOrigins() {
        CliRun run = CliRun.of("profiles", "show", "--dir=" + dir, "canary");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("profile canary: one canary pod (extends high-volume)")
                .containsPattern("service\\.max_workers\\s+32\\s+builtin:deployment/high-volume\\.yaml:\\d+:\\d+")
                .containsPattern("service\\.canary\\s+true\\s+\\S*canary\\.yaml:5:11");
        CliRun region = CliRun.of("profiles", "show", "--region", "eu");
        assertThat(region.out()).startsWith("region EU: European Union, GDPR")
                .contains("gdpr_compliance.retention.logs_days").contains("compliance.frameworks[0]");
    }

    @Test
    void overridesListSaysSelectedAppliedAndWhyNot() {
        CliRun staging = CliRun.of("overrides", "list", "--dir=" + dir, "--env=staging", "--override=docker");
        assertThat(staging.exitCode()).as(staging.err()).isZero();
        assertThat(staging.out()).containsPattern("docker\\s+yes\\s+no\\s+50\\s+local\\s+requires environment in "
                + "\\[development\\], loading staging")
                .containsPattern("local\\s+yes\\s+yes\\s+10\\s+-\\s+applies");

        CliRun dev = CliRun.withEnvironment(Map.of("CONFIG_OVERRIDE_TYPE", "docker"), "overrides", "list",
                "--dir=" + dir, "--env=development");
        assertThat(dev.out()).containsPattern("docker\\s+yes\\s+yes\\s+50");

        CliRun none = CliRun.of("overrides", "list", "--dir=" + dir, "--env=development");
        assertThat(none.out()).containsPattern("docker\\s+no\\s+no\\s+50\\s+local\\s+applies");
    }
}
