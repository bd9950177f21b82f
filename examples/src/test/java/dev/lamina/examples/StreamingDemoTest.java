package dev.lamina.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamingDemoTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return StreamingDemo.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void showsStagingWithOriginsTypedReadsAndAnExplanation() {
        int code = run("--config", "examples/config", "staging");

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out()).contains("environment 'staging'")
                .containsPattern("max_size: 40  # \\S*staging\\.yaml:\\d+:\\d+")
                .contains("PT5M", "DatabasePool[minSize=5, maxSize=40", "Why database.pool.max_size is 40");
    }

    @Test
    void showsAHotReloadOfItsOwnCopyWithTheChangeEvent() throws Exception {
        String before = Files.readString(Path.of("examples/config/staging.yaml"));

        int code = run("--config", "examples/config", "staging");

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out()).contains("wrote staging.yaml: database.pool.max_size 40 -> 41 (version 1 in force)")
                .containsPattern("change event: database\\.pool\\.max_size 40 -> 41 from staging\\.yaml:\\d+:\\d+, "
                        + "version 2");
        assertThat(Files.readString(Path.of("examples/config/staging.yaml"))).isEqualTo(before);
    }

    @Test
    void staysShortEnoughToRead() {
        run("--config", "examples/config", "production");

        assertThat(out().lines().count()).isLessThan(120);
    }

    @Test
    void neverPrintsTheDatabasePassword() {
        run("--config", "examples/config", "development");

        assertThat(out()).contains("password: \"***\"").doesNotContain("change-me");
    }

    @Test
    void reportsAnInvalidFileWithItsLocationAndExitsOne(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("base.yaml"), "database:\n  host: a\n  host: b\n");
        Files.writeString(dir.resolve("staging.yaml"), "{}\n");

        int code = run("--config", dir.toString(), "staging");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).containsPattern("base\\.yaml:3:\\d+");
    }

    @Test
    void rejectsAMissingDirectoryWithExitTwo(@TempDir Path dir) {
        assertThat(run("--config", dir.resolve("absent").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not found");
    }

    @Test
    void rejectsAnUnknownOptionWithExitTwo() {
        assertThat(run("--verbose")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:");
    }
}
