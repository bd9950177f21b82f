package dev.lamina.config.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GetAndExplainCommandTest {

    @TempDir
    Path dir;

    @BeforeEach
    void copyExamples() throws Exception {
        CliRun.copyExamples(dir);
    }

    private CliRun run(String command, String env, String... rest) {
        String[] args = new String[3 + rest.length];
        args[0] = command;
        args[1] = "--dir=" + dir;
        args[2] = "--env=" + env;
        System.arraycopy(rest, 0, args, 3, rest.length);
        return CliRun.of(args);
    }

    @Test
    void getPrintsAScalarAsPlainText() {
        CliRun run = run("get", "production", "database.pool.max_size");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("200\n");
    }

    @Test
    void getPrintsAListItemByIndex() {
        CliRun run = run("get", "staging", "data_sources.elasticsearch_cluster.hosts[1]");

        assertThat(run.out()).isEqualTo("es-1.staging.internal:9200\n");
    }

    @Test
    void getPrintsAnObjectAsYaml() {
        CliRun run = run("get", "development", "database.pool");

        assertThat(run.out()).isEqualTo("""
                min_size: 1
                max_size: 5
                timeout: 30s
                recycle_timeout: 3600s
                """);
    }

    @Test
    void getPrintsAnObjectAsJsonOnRequest() {
        CliRun run = run("get", "development", "database.pool", "--format=json");

        assertThat(run.out()).startsWith("{\n  \"min_size\": 1,");
    }

    @Test
    void getMasksASecret() {
        CliRun run = run("get", "staging", "database.password");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("***\n");
    }

    @Test
    void getMasksSecretsInsideAnObject() {
        CliRun run = run("get", "staging", "database");

        assertThat(run.out()).contains("password: \"***\"").doesNotContain("change-me");
    }

    @Test
    void getOfAnAbsentPathExitsOneNamingThePath() {
        CliRun run = run("get", "staging", "database.pool.maxsize");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION);
        assertThat(run.err()).contains("database.pool.maxsize").contains("closest existing key: database.pool.max_size");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void getRejectsAMalformedPathAsAUsageError() {
        CliRun run = run("get", "staging", "database..pool");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("database..pool");
    }

    @Test
    void explainShowsEveryLayerAndTheWinner() {
        CliRun run = run("explain", "staging", "database.pool.max_size");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("database.pool.max_size = 40\n")
                .containsPattern("\\n    \\S*base\\.yaml:\\d+:\\d+\\s+100\\n")
                .containsPattern("\\n  \\* \\S*staging\\.yaml:\\d+:\\d+\\s+40   <- wins\\n");
    }

    @Test
    void explainMasksEveryCandidateOfASecret() {
        CliRun run = run("explain", "staging", "database.password");

        assertThat(run.out()).doesNotContain("change-me").doesNotContain("DB_PASSWORD").contains("***");
    }

    @Test
    void explainOfAnAbsentPathSaysSo() {
        CliRun run = run("explain", "staging", "no.such.key");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("no.such.key = (absent)\n  not set in any layer\n");
    }
}
