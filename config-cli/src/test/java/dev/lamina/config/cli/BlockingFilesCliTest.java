package dev.lamina.config.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.testing.Fifos;

/**
 * Issue 10 items 1 and 2 through configctl: {@code ${file:pipe}} blocked {@code render} for good, and
 * {@code watch --timeout 5s} took 15.9 s (never ended when the FIFO existed at start). Every run here is bounded.
 */
class BlockingFilesCliTest {

    @TempDir
    Path dir;

    @TempDir
    Path secrets;

    private Path fifo;
    private final ExecutorService thread = Executors.newSingleThreadExecutor();

    @BeforeEach
    void copyExamples() throws Exception {
        CliRun.copyExamples(dir);
    }

    @AfterEach
    void cleanUp() throws Exception {
        thread.shutdownNow();
        assertThat(thread.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        if (fifo != null) {
            Fifos.release(fifo);
        }
    }

    private void append(String file, String text) throws IOException {
        Files.writeString(dir.resolve(file), text, StandardOpenOption.APPEND);
    }

    @Test
    void renderRefusesAFifoAtOnce() throws Exception {
        fifo = Fifos.create(dir.resolve("pipe"));
        append("staging.yaml", "\npiped: \"${file:pipe}\"\n");
        Future<CliRun> run = thread.submit(() -> CliRun.of("render", "--dir", dir.toString(), "--env", "staging"));
        CliRun r = run.get(30, TimeUnit.SECONDS);
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("piped: file " + fifo.toAbsolutePath() + " is not a regular file");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void watchWithTimeoutEndsInAboutThatTimeWhenAFifoIsThereFromTheStart() throws Exception {
        fifo = Fifos.create(dir.resolve("pipe"));
        CountDownLatch loaded = new CountDownLatch(1);
        StringWriter out = new StringWriter() {
            @Override
            public void write(String str, int off, int len) {
                super.write(str, off, len);
                if (toString().contains("\"loaded\"")) {
                    loaded.countDown();
                }
            }
        };
        StringWriter err = new StringWriter();
        Future<Integer> exit = thread.submit(() -> ConfigCtl.commandLine(new PrintWriter(out, true),
                new PrintWriter(err, true), Map.of()).execute("watch", "--dir", dir.toString(), "--env", "staging",
                "--quiet-period", "50ms", "--timeout", "5s"));
        // Once it runs, an edit makes the next reload meet the FIFO: refused, reported, and the watch goes on.
        assertThat(loaded.await(30, TimeUnit.SECONDS)).as("loaded within 15 s; stderr: %s", err).isTrue();
        // The timeout counts from the first load (JVM warm-up on a busy machine is not the command's doing).
        long watching = System.nanoTime();
        append("staging.yaml", "\npiped: \"${file:pipe}\"\n");
        int code = exit.get(20, TimeUnit.SECONDS);
        long millis = Duration.ofNanos(System.nanoTime() - watching).toMillis();
        assertThat(code).as("stderr: %s", err).isZero();
        assertThat(millis).as("watch --timeout 5s ended %d ms after loading", millis).isBetween(4_000L, 9_000L);
        assertThat(out.toString()).contains("\"type\":\"error\"").contains("is not a regular file");
    }

    @Test
    void watchEndsAtOnceWhenTheFirstLoadMeetsAFifo() throws Exception {
        fifo = Fifos.create(dir.resolve("pipe"));
        append("staging.yaml", "\npiped: \"${file:pipe}\"\n");
        StringWriter err = new StringWriter();
        Future<Integer> exit = thread.submit(() -> ConfigCtl.commandLine(new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true), Map.of()).execute("watch", "--dir", dir.toString(), "--env", "staging",
                "--timeout", "5s"));
        assertThat(exit.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(err.toString()).contains("is not a regular file");
    }

    @Test
    void fileLookupsAreConfinedUnlessARootIsAllowed() throws Exception {
        Path secret = Files.writeString(secrets.resolve("db-password"), "Zq9xK7-pw\n");
        append("staging.yaml", "\nmounted: \"${file:" + secret + "}\"\n");
        CliRun refused = CliRun.of("render", "--dir", dir.toString(), "--env", "staging");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("is outside the directories file lookups may read")
                .contains("--allow-file-root").doesNotContain("Zq9xK7-pw");

        CliRun allowed = CliRun.of("get", "--dir", dir.toString(), "--env", "staging", "--allow-file-root",
                secrets.toString(), "mounted");
        assertThat(allowed.exitCode()).as("stderr: %s", allowed.err()).isZero();
        // Read through the allowed root, and secret by default: masked unless asked for.
        assertThat(allowed.out()).doesNotContain("Zq9xK7-pw").contains("***");
    }

    @Test
    void procCannotBeAllowed() {
        CliRun r = CliRun.of("render", "--dir", dir.toString(), "--env", "staging", "--allow-file-root", "/proc");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--allow-file-root").contains("never read below /proc");
    }
}
