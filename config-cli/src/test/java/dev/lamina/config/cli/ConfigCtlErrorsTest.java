package dev.lamina.config.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCtlErrorsTest {

    @TempDir
    Path dir;

    @Test
    void reportsADuplicateKeyWithFileLineAndColumnAndExitsOne() throws Exception {
        CliRun.copyExamples(dir);
        Files.writeString(dir.resolve("staging.yaml"), "service:\n  log_level: DEBUG\n  log_level: INFO\n");

        CliRun run = CliRun.of("render", "--dir", dir.toString(), "--env", "staging");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION);
        assertThat(run.err()).startsWith("configctl: ").containsPattern("staging\\.yaml:3:\\d+")
                .contains("log_level").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void reportsAnUnknownEnvironmentNamingTheKnownOnes() throws Exception {
        CliRun.copyExamples(dir);

        CliRun run = CliRun.of("render", "--dir", dir.toString(), "--env", "prodution");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION);
        assertThat(run.err()).contains("'prodution'").contains("development").contains("production")
                .doesNotContain("\tat ");
    }

    @Test
    void reportsAMissingDirectory() {
        CliRun run = CliRun.of("render", "--dir", dir.resolve("nope").toString(), "--env", "staging");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION);
        assertThat(run.err()).contains("nope").contains("does not exist");
    }

    @Test
    void rejectsAnEnvironmentNameThatCouldLeaveTheDirectory() throws Exception {
        CliRun.copyExamples(dir);

        CliRun run = CliRun.of("render", "--dir", dir.toString(), "--env", "../staging");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    /** Found trying a public file as base.yaml: {@code --env base} was an internal error with a stack hint. */
    @Test
    void rejectsAReservedFileNameAsEnvironmentAsAUsageError() throws Exception {
        CliRun.copyExamples(dir);

        for (String command : new String[] {"render", "get"}) {
            CliRun run = command.equals("get")
                    ? CliRun.of("get", "--dir", dir.toString(), "--env", "base", "database.host")
                    : CliRun.of("render", "--dir", dir.toString(), "--env", "base");

            assertThat(run.exitCode()).as(command).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).as(command).contains("Invalid value for option '--env'")
                    .contains("base, environments, schema are reserved file names").doesNotContain("internal error");
        }
    }

    @Test
    void doesNotQuoteASecretFromABrokenFile() throws Exception {
        CliRun.copyExamples(dir);
        Files.writeString(dir.resolve("staging.yaml"), "database:\n  password: hunter2-very-secret\n  password: x\n");

        CliRun run = CliRun.of("render", "--dir", dir.toString(), "--env", "staging");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION);
        assertThat(run.err()).doesNotContain("hunter2");
    }

    @Test
    void rejectsAnUnknownOptionAsAUsageError() {
        CliRun run = CliRun.of("render", "--dir", dir.toString(), "--env", "staging", "--colour");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--colour");
    }

    @Test
    void rejectsAMissingRequiredOptionAsAUsageError() {
        CliRun run = CliRun.of("render", "--env", "staging");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--dir");
    }

    @Test
    void rejectsAnUnknownCommandAsAUsageError() {
        CliRun run = CliRun.of("frobnicate");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void treatsNoCommandAsAUsageError() {
        CliRun run = CliRun.of();

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Usage: configctl");
    }

    @Test
    void printsHelpWithTheExitCodesAndExitsZero() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("render", "get", "explain", "Exit codes:", "invalid configuration");
    }
}
