package dev.lamina.config.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command loads through ConfigurationManager: environments.yaml inheritance applies as in a service. */
class LayeringTest {

    @TempDir
    Path dir;

    @BeforeEach
    void writeAnInheritingConfiguration() throws Exception {
        Files.writeString(dir.resolve("base.yaml"), "level: base\nonly_base: b\n");
        Files.writeString(dir.resolve("staging.yaml"), "level: staging\nonly_staging: s\n");
        Files.writeString(dir.resolve("production.yaml"), "level: production\n");
        Files.writeString(dir.resolve("environments.yaml"), "staging: {}\nproduction:\n  extends: staging\n");
    }

    @Test
    void productionIncludesWhatItInheritsFromStaging() {
        CliRun run = CliRun.of("get", "--dir", dir.toString(), "--env", "production", "only_staging");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("s\n");
    }

    @Test
    void explainListsBaseThenTheParentThenTheEnvironment() {
        CliRun run = CliRun.of("explain", "--dir", dir.toString(), "--env", "production", "level");

        assertThat(run.out()).containsSubsequence("base.yaml", "staging.yaml", "* ", "production.yaml");
    }

    @Test
    void anEnvironmentDeclaredOnlyInEnvironmentsYamlLoads() throws Exception {
        Files.writeString(dir.resolve("environments.yaml"), "staging: {}\nqa:\n  extends: staging\n");

        CliRun run = CliRun.of("get", "--dir", dir.toString(), "--env", "qa", "level");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("staging\n");
    }

    @Test
    void anInheritanceCycleIsAnInvalidConfigurationNamingTheFile() throws Exception {
        Files.writeString(dir.resolve("environments.yaml"),
                "staging:\n  extends: production\nproduction:\n  extends: staging\n");

        CliRun run = CliRun.of("render", "--dir", dir.toString(), "--env", "production");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION);
        assertThat(run.err()).contains("environments.yaml").contains("cycle").doesNotContain("\tat ");
    }

    @Test
    void aCommandOtherThanDiffTakesOneEnvironment() {
        CliRun run = CliRun.of("render", "--dir", dir.toString(), "--env", "staging", "--env", "production");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--env");
    }

    @Test
    void rejectsAnEnvironmentNameLongerThanTheManagerAccepts() {
        CliRun run = CliRun.of("render", "--dir", dir.toString(), "--env", "e".repeat(65));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    }
}
