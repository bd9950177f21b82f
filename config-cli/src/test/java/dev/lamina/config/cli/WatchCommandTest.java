package dev.lamina.config.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives {@code configctl watch} from outside, as the reliability tests do: start it on a copy of the example
 * configuration, edit files, and read its output line by line as JSON.
 */
class WatchCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> allLines = new ArrayList<>();
    private final StringWriter err = new StringWriter();
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private Future<Integer> exit;

    @BeforeEach
    void copyExamples() throws Exception {
        CliRun.copyExamples(dir);
    }

    @AfterEach
    void stopWatching() throws Exception {
        // Interrupting the command's thread stops it as a signal would.
        thread.shutdownNow();
        assertThat(thread.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    private void watch(String... more) {
        List<String> args = new ArrayList<>(List.of("watch", "--dir", dir.toString(), "--env", "staging",
                "--quiet-period", "50ms"));
        args.addAll(List.of(more));
        PrintWriter out = new PrintWriter(new LineWriter(lines), true);
        exit = thread.submit(() -> ConfigCtl.commandLine(out, new PrintWriter(err, true), Map.of())
                .execute(args.toArray(String[]::new)));
    }

    private JsonNode next() throws Exception {
        String line = lines.poll(15, TimeUnit.SECONDS);
        assertThat(line).as("a line within 15 s; stderr: %s", err).isNotNull();
        allLines.add(line);
        return JSON.readTree(line);
    }

    private int exitCode() throws Exception {
        return exit.get(15, TimeUnit.SECONDS);
    }

    private void replace(String file, String from, String to) throws Exception {
        Path p = dir.resolve(file);
        String text = Files.readString(p);
        assertThat(text).contains(from);
        // In place: the same file truncated and rewritten, as an editor without rename-save does.
        Files.writeString(p, text.replace(from, to));
    }

    @Test
    void firstPrintsTheLoadedVersion() throws Exception {
        watch();

        JsonNode loaded = next();

        assertThat(loaded.get("type").asText()).isEqualTo("loaded");
        assertThat(loaded.get("version").asLong()).isEqualTo(1);
        assertThat(loaded.size()).isEqualTo(2);
    }

    @Test
    void printsAnInPlaceEditAsAChangeWithOldNewAndWhereTheNewValueIsWritten() throws Exception {
        watch();
        next();

        replace("staging.yaml", "max_size: 40", "max_size: 41");
        JsonNode change = next();

        assertThat(change.get("type").asText()).isEqualTo("change");
        assertThat(change.get("version").asLong()).isEqualTo(2);
        assertThat(change.get("path").asText()).isEqualTo("database.pool.max_size");
        assertThat(change.get("old").asText()).isEqualTo("40");
        assertThat(change.get("new").asText()).isEqualTo("41");
        assertThat(change.get("source").asText()).isEqualTo(dir.resolve("staging.yaml").toString());
        assertThat(change.get("line").asInt()).isEqualTo(30);
        assertThat(change.get("column").asInt()).isEqualTo(15);
        assertThat(change.has("message")).isFalse();
    }

    @Test
    void printsARefusedReloadAsAnErrorThenTheNextValidEditAsAChange() throws Exception {
        watch();
        next();

        Files.writeString(dir.resolve("staging.yaml"), "service:\n  log_level: DEBUG\n  log_level: INFO\n");
        JsonNode error = next();
        replace("staging.yaml", "  log_level: INFO\n", "");
        JsonNode change = next();
        // An in-place save is a truncation and a write; on a busy machine the watcher may see them more than a
        // quiet period apart and reload twice, refusing the same content twice. Each refusal is the same error.
        while (change.get("type").asText().equals("error")) {
            assertThat(change.get("message").asText()).isEqualTo(error.get("message").asText());
            change = next();
        }

        assertThat(error.get("type").asText()).isEqualTo("error");
        assertThat(error.get("version").asLong()).as("the last good version stays").isEqualTo(1);
        assertThat(error.get("source").asText()).isEqualTo(dir.resolve("staging.yaml").toString());
        assertThat(error.get("line").asInt()).isEqualTo(3);
        assertThat(error.get("column").asInt()).isPositive();
        assertThat(error.get("message").asText()).contains("staging.yaml:3:").contains("log_level");
        assertThat(change.get("type").asText()).isEqualTo("change");
        assertThat(change.get("version").asLong()).isEqualTo(2);
    }

    @Test
    void printsARemovedPathWithItsOldValueAndNoNewValue() throws Exception {
        Files.writeString(dir.resolve("staging.yaml"), "only_here: x\n", StandardOpenOption.APPEND);
        watch();
        next();

        replace("staging.yaml", "only_here: x\n", "");
        JsonNode removal = next();

        assertThat(removal.get("path").asText()).isEqualTo("only_here");
        assertThat(removal.get("old").asText()).isEqualTo("x");
        assertThat(removal.has("new")).isFalse();
        assertThat(removal.get("source").asText()).isEqualTo("reload of the configuration files");
        assertThat(removal.has("line")).isFalse();
    }

    @Test
    void neverPrintsASecretThatChanged() throws Exception {
        watch();
        next();

        replace("base.yaml", "password: ${DB_PASSWORD:-change-me}", "password: hunter2-rotated");
        JsonNode change = next();

        assertThat(change.get("path").asText()).isEqualTo("database.password");
        assertThat(change.get("old").asText()).isEqualTo("***");
        assertThat(change.get("new").asText()).isEqualTo("***");
        assertThat(String.join("\n", allLines) + err).doesNotContain("hunter2").doesNotContain("change-me");
    }

    @Test
    void masksKeysMatchingTheSecretPattern() throws Exception {
        watch("--secret-pattern", "max_size");
        next();

        replace("staging.yaml", "max_size: 40", "max_size: 41");
        JsonNode change = next();

        assertThat(change.get("new").asText()).isEqualTo("***");
    }

    @Test
    void exitsZeroAfterMaxEventsWithoutPrintingMore() throws Exception {
        watch("--max-events", "1");
        next();

        replace("staging.yaml", "min_size: 5\n    max_size: 40", "min_size: 6\n    max_size: 41");
        JsonNode change = next();

        assertThat(exitCode()).isZero();
        assertThat(change.get("type").asText()).isEqualTo("change");
        assertThat(lines).isEmpty();
    }

    @Test
    void followsAnEditedProfileFileGivenWithProfile() throws Exception {
        Files.createDirectories(dir.resolve("profiles"));
        Files.writeString(dir.resolve("profiles/canary.yaml"), "service:\n  max_workers: 3\n");
        watch("--profile", "canary");
        next();

        replace("profiles/canary.yaml", "max_workers: 3", "max_workers: 5");
        JsonNode change = next();

        assertThat(change.get("type").asText()).isEqualTo("change");
        assertThat(change.get("path").asText()).isEqualTo("service.max_workers");
        assertThat(change.get("old").asText()).isEqualTo("3");
        assertThat(change.get("new").asText()).isEqualTo("5");
        assertThat(change.get("source").asText()).isEqualTo(dir.resolve("profiles/canary.yaml").toString());
    }

    @Test
    void exitsZeroAfterTheTimeout() throws Exception {
        watch("--timeout", "300ms");
        next();

        assertThat(exitCode()).isZero();
        assertThat(lines).isEmpty();
    }

    @Test
    void aConfigurationThatDoesNotLoadExitsOneWithoutALoadedLine() throws Exception {
        Files.writeString(dir.resolve("staging.yaml"), "a: 1\na: 2\n");
        watch("--timeout", "10s");

        assertThat(exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION);
        assertThat(lines).isEmpty();
        assertThat(err.toString()).containsPattern("staging\\.yaml:2:\\d+");
    }

    @Test
    void rejectsMaxEventsBelowOne() throws Exception {
        watch("--max-events", "0");

        assertThat(exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void rejectsAMalformedTimeout() throws Exception {
        watch("--timeout", "soon");

        assertThat(exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("not a duration");
    }

    @Test
    void exitsZeroOnSigtermAfterFlushing() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                ConfigCtl.class.getName(), "watch", "--dir", dir.toString(), "--env", "staging")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(JSON.readTree(out.readLine()).get("type").asText()).isEqualTo("loaded");

            p.destroy(); // SIGTERM

            assertThat(p.waitFor(15, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        } finally {
            p.destroyForcibly();
        }
    }

    /** Hands each complete line to a queue, so the test reads the output as a pipe reader would. */
    private static final class LineWriter extends Writer {
        private final BlockingQueue<String> lines;
        private final StringBuilder pending = new StringBuilder();

        LineWriter(BlockingQueue<String> lines) {
            this.lines = lines;
        }

        @Override
        public synchronized void write(char[] buf, int off, int len) {
            for (int i = off; i < off + len; i++) {
                if (buf[i] == '\n') {
                    lines.add(pending.toString());
                    pending.setLength(0);
                } else {
                    pending.append(buf[i]);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
