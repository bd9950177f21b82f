package dev.lamina.config.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {

    @TempDir
    Path dir;

    private void write(String name, String yaml) throws Exception {
        Files.writeString(dir.resolve(name), yaml);
    }

    private CliRun diff(String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "diff";
        args[1] = "--dir";
        args[2] = dir.toString();
        args[3] = "--env";
        System.arraycopy(more, 0, args, 4, more.length);
        return CliRun.of(args);
    }

    @Test
    void printsEachDifferingPathWithBothValuesAndOrigins() throws Exception {
        write("base.yaml", "server:\n  port: 8080\n  host: a\n");
        write("staging.yaml", "server:\n  port: 8081\n");
        write("production.yaml", "server:\n  port: 9090\n");

        CliRun run = diff("staging", "--env", "production");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("server.port: 8081 (" + dir.resolve("staging.yaml") + ":2:9) -> 9090 ("
                + dir.resolve("production.yaml") + ":2:9)\n");
    }

    @Test
    void marksAPathOnOneSideOnlyAsAbsent() throws Exception {
        write("base.yaml", "a: 1\n");
        write("staging.yaml", "only_staging: s\n");
        write("production.yaml", "only_production: p\n");

        CliRun run = diff("staging", "--env", "production");

        assertThat(run.out()).containsPattern("(?m)^only_production: \\(absent\\) -> p \\(.*production\\.yaml:1:18\\)$")
                .containsPattern("(?m)^only_staging: s \\(.*staging\\.yaml:1:15\\) -> \\(absent\\)$");
    }

    @Test
    void printsNothingAndExitsZeroWhenTheEnvironmentsAgree() throws Exception {
        write("base.yaml", "a: 1\n");
        write("staging.yaml", "b: 2\n");
        write("production.yaml", "# same as staging, written differently\nb: 2\n");

        CliRun run = diff("staging", "--env", "production");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
    }

    @Test
    void masksAChangedSecretOnBothSidesAndSaysItChanged() throws Exception {
        write("base.yaml", "database:\n  password: hunter2-base\n");
        write("staging.yaml", "database:\n  password: hunter2-staging\n");
        write("production.yaml", "database:\n  password: hunter2-production\n");

        CliRun text = diff("staging", "--env", "production");
        CliRun json = diff("staging", "--env", "production", "--format", "json");

        assertThat(text.out()).startsWith("database.password: *** (").contains(") -> *** (")
                .endsWith("(secret changed)\n");
        assertThat(text.out() + text.err() + json.out() + json.err()).doesNotContain("hunter2");
    }

    @Test
    void masksKeysMatchingTheSecretPattern() throws Exception {
        write("base.yaml", "pin: 1111\n");
        write("staging.yaml", "pin: 2222\n");
        write("production.yaml", "pin: 3333\n");

        CliRun run = diff("staging", "--env", "production", "--secret-pattern", "pin");

        assertThat(run.out()).doesNotContain("2222").doesNotContain("3333").contains("***");
    }

    @Test
    void jsonIsAnArrayOfObjectsWithValuesAndOrigins() throws Exception {
        write("base.yaml", "a: 1\n");
        write("staging.yaml", "a: 2\ngone: x\n");
        write("production.yaml", "a: 3\n");

        CliRun run = diff("staging", "--env", "production", "--format", "json");

        JsonNode array = new ObjectMapper().readTree(run.out());
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(2);
        JsonNode a = array.get(0);
        assertThat(a.get("path").asText()).isEqualTo("a");
        assertThat(a.get("left").asText()).isEqualTo("2");
        assertThat(a.get("right").asText()).isEqualTo("3");
        assertThat(a.get("leftOrigin").asText()).endsWith("staging.yaml:1:4");
        assertThat(a.get("rightOrigin").asText()).endsWith("production.yaml:1:4");
        assertThat(a.get("secret").asBoolean()).isFalse();
        assertThat(array.get(1).get("right").isNull()).isTrue();
        assertThat(array.get(1).get("rightOrigin").isNull()).isTrue();
    }

    @Test
    void jsonOfNoDifferenceIsAnEmptyArray() throws Exception {
        write("base.yaml", "a: 1\n");
        write("staging.yaml", "{}\n");
        write("production.yaml", "{}\n");

        assertThat(diff("staging", "--env", "production", "--format", "json").out()).isEqualTo("[]\n");
    }

    @Test
    void comparesEnvironmentsWithTheirInheritance() throws Exception {
        CliRun.copyExamples(dir);

        CliRun run = diff("staging", "--env", "production");

        assertThat(run.exitCode()).as(run.err()).isZero();
        // production extends staging, so staging's own keys that production keeps are not differences.
        assertThat(run.out()).contains("database.pool.max_size: 40 (").contains(" -> 200 (")
                .doesNotContain("database.password");
    }

    @Test
    void comparesTwoDirectories(@TempDir Path other) throws Exception {
        write("base.yaml", "a: 1\n");
        write("staging.yaml", "{}\n");
        Files.writeString(other.resolve("base.yaml"), "a: 2\n");
        Files.writeString(other.resolve("staging.yaml"), "{}\n");

        CliRun run = CliRun.of("diff", "--dir", dir.toString(), "--dir2", other.toString(), "--env", "staging");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("a: 1 (" + dir.resolve("base.yaml")).contains("-> 2 (" + other);
    }

    @Test
    void interpolatesBothSidesFromTheSameEnvironmentVariables() throws Exception {
        write("base.yaml", "host: ${DB_HOST:-default}\n");
        write("staging.yaml", "{}\n");
        write("production.yaml", "host: prod\n");

        CliRun run = CliRun.withEnvironment(Map.of("DB_HOST", "from-env"), "diff", "--dir", dir.toString(),
                "--env", "staging", "--env", "production");

        assertThat(run.out()).startsWith("host: from-env (");
    }

    @Test
    void anInvalidSideExitsOneNamingTheFile() throws Exception {
        write("base.yaml", "a: 1\n");
        write("staging.yaml", "{}\n");
        write("production.yaml", "a: 1\na: 2\n");

        CliRun run = diff("staging", "--env", "production");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION);
        assertThat(run.err()).containsPattern("production\\.yaml:2:\\d+").doesNotContain("\tat ");
    }

    @Test
    void oneEnvironmentWithoutASecondDirectoryIsAUsageError() {
        CliRun run = diff("staging");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--env A --env B");
    }

    @Test
    void threeEnvironmentsAreAUsageError() {
        assertThat(diff("a", "--env", "b", "--env", "c").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        CliRun run = diff("staging", "--env", "production", "--format", "xml");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("text, json");
    }

    @Test
    void aMalformedSecondEnvironmentIsAUsageError() {
        assertThat(diff("staging", "--env", "../production").exitCode()).isEqualTo(ExitCodes.USAGE);
    }
}
