package dev.lamina.config.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Environment variables: interpolation defaults, the --env-prefix layer, and secrets that come from them. */
class EnvironmentTest {

    @TempDir
    Path dir;

    @BeforeEach
    void copyExamples() throws Exception {
        CliRun.copyExamples(dir);
    }

    @Test
    void interpolatesFromTheEnvironment() {
        CliRun run = CliRun.withEnvironment(Map.of("DB_HOST", "db.example.net"),
                "get", "--dir", dir.toString(), "--env", "staging", "database.host");

        assertThat(run.out()).isEqualTo("db.example.net\n");
    }

    @Test
    void usesTheDefaultWhenTheVariableIsUnset() {
        CliRun run = CliRun.of("get", "--dir", dir.toString(), "--env", "staging", "database.host");

        assertThat(run.out()).isEqualTo("db.staging.internal\n");
    }

    @Test
    void takesTheDirectoryAndEnvironmentFromConfigPathAndConfigEnvironment() {
        Map<String, String> env = Map.of("CONFIG_PATH", dir.toString(), "CONFIG_ENVIRONMENT", "production");

        CliRun run = CliRun.withEnvironment(env, "get", "database.pool.max_size");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("200\n");
    }

    @Test
    void optionsWinOverConfigPathAndConfigEnvironment() {
        Map<String, String> env = Map.of("CONFIG_PATH", "/nowhere", "CONFIG_ENVIRONMENT", "production");

        CliRun run = CliRun.withEnvironment(env, "get", "--dir", dir.toString(), "--env", "development",
                "database.pool.max_size");

        assertThat(run.out()).isEqualTo("5\n");
    }

    @Test
    void aMissingEnvironmentNamesBothTheOptionAndTheVariable() {
        CliRun run = CliRun.withEnvironment(Map.of("CONFIG_PATH", dir.toString()), "get", "database.pool.max_size");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--env=ENV").contains("CONFIG_ENVIRONMENT");
    }

    @Test
    void envPrefixAddsVariablesAsTheHighestLayer() {
        Map<String, String> env = Map.of("LAMINA_DATABASE_POOL_MAX__SIZE", "77");

        CliRun run = CliRun.withEnvironment(env, "explain", "--dir", dir.toString(), "--env", "production",
                "--env-prefix", "LAMINA_", "database.pool.max_size");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("database.pool.max_size = 77\n").containsPattern("\\* env:LAMINA_.*77");
    }

    @Test
    void ignoresPrefixedVariablesWithoutEnvPrefix() {
        Map<String, String> env = Map.of("LAMINA_DATABASE_POOL_MAX__SIZE", "77");

        CliRun run = CliRun.withEnvironment(env, "get", "--dir", dir.toString(), "--env", "production",
                "database.pool.max_size");

        assertThat(run.out()).isEqualTo("200\n");
    }

    @Test
    void aSecretFromTheEnvironmentIsNeverPrinted() {
        Map<String, String> env = Map.of("DB_PASSWORD", "hunter2-from-env", "LAMINA_SECURITY_API__KEY", "k-from-env");
        String[] commands = {"render", "render --format=json", "render --format=env --show-origins",
            "get database", "get database.password", "explain database.password", "explain security.api_key"};

        for (String command : commands) {
            String[] words = (command + " --dir " + dir + " --env production --env-prefix LAMINA_").split(" ");
            CliRun run = CliRun.withEnvironment(env, words);

            assertThat(run.exitCode()).as(command + ": " + run.err()).isZero();
            assertThat(run.out() + run.err()).as(command).doesNotContain("hunter2").doesNotContain("k-from-env");
        }
    }
}
