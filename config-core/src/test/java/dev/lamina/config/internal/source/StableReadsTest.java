package dev.lamina.config.internal.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules against half-written files (issue 10 item 3), made deterministic: the pause between reads is where
 * the test plays the writer, so each interleaving happens exactly as described.
 */
class StableReadsTest {

    private static final Duration QUIET = Duration.ofMillis(20);

    @TempDir
    Path dir;

    private final List<Duration> pauses = new ArrayList<>();

    private StableReads reads(Runnable duringPause) {
        return new StableReads(new FileReads(Duration.ofSeconds(2)), QUIET, d -> {
            pauses.add(d);
            duringPause.run();
        });
    }

    private static void write(Path p, String text) {
        try {
            Files.writeString(p, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aStableFileIsReadWithoutWaiting() throws Exception {
        Path f = Files.writeString(dir.resolve("base.yaml"), "a: 1\n");
        StableReads.Read r = reads(() -> { }).read(f, 1000, true);
        assertThat(new String(r.bytes())).isEqualTo("a: 1\n");
        assertThat(r.note()).isEmpty();
        assertThat(pauses).isEmpty();
    }

    @Test
    void aSettledFileIsReadOnceAndAnEmptiedSettledFileIsStillNotBelievedAtOnce() throws Exception {
        Path f = Files.writeString(dir.resolve("base.yaml"), "a: 1\n");
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.fromMillis(
                System.currentTimeMillis() - 60_000);
        Files.setLastModifiedTime(f, old);
        StableReads stable = reads(() -> { });
        assertThat(new String(stable.read(f, 1000, true).bytes())).isEqualTo("a: 1\n");
        // Truncated (and aged again, as a same-tick write on a coarse file system would look): the emptiness rule
        // does not depend on the number of reads.
        Files.writeString(f, "");
        Files.setLastModifiedTime(f, old);
        StableReads.Read r = stable.read(f, 1000, true);
        assertThat(r.bytes()).isEmpty();
        assertThat(r.note()).isPresent();
        assertThat(pauses).isNotEmpty();
    }

    @Test
    void anEmptiedFileIsNotBelievedWhenItGetsContentDuringTheQuietPeriod() throws Exception {
        Path f = Files.writeString(dir.resolve("base.yaml"), "a: 1\n");
        StableReads reads = reads(() -> write(f, "a: 2\n"));
        reads.read(f, 1000, true);
        // Truncated, as Files.writeString does before writing: the reload happens to read right now.
        Files.write(f, new byte[0]);
        StableReads.Read r = reads.read(f, 1000, true);
        assertThat(new String(r.bytes())).isEqualTo("a: 2\n");
        assertThat(r.note()).isEmpty();
        assertThat(pauses).containsExactly(StableReads.MIN_CONFIRMATION);
    }

    @Test
    void anEmptiedFileThatStaysEmptyForTheQuietPeriodIsAcceptedWithANote() throws Exception {
        Path f = Files.writeString(dir.resolve("base.yaml"), "a: 1\n");
        StableReads reads = reads(() -> { });
        reads.read(f, 1000, true);
        Files.write(f, new byte[0]);
        StableReads.Read r = reads.read(f, 1000, true);
        assertThat(r.bytes()).isEmpty();
        assertThat(r.note()).contains(f + " became empty and stayed empty for 200ms; its keys are removed");
        assertThat(pauses).containsExactly(StableReads.MIN_CONFIRMATION);
        // Believed now: the next read of the (still) empty file does not wait again.
        pauses.clear();
        assertThat(reads.read(f, 1000, true).note()).isEmpty();
        assertThat(pauses).isEmpty();
    }

    @Test
    void aLongQuietPeriodIsTheConfirmationWait() throws Exception {
        Path f = Files.writeString(dir.resolve("base.yaml"), "a: 1\n");
        StableReads reads = new StableReads(new FileReads(Duration.ofSeconds(2)), Duration.ofMillis(500), pauses::add);
        reads.read(f, 1000, true);
        Files.write(f, new byte[0]);
        assertThat(reads.read(f, 1000, true).note()).hasValueSatisfying(n -> assertThat(n).contains("for 500ms"));
        assertThat(pauses).containsExactly(Duration.ofMillis(500));
    }

    @Test
    void anEmptyFileThatWasEmptyBeforeAndAFirstLoadAreTakenAsTheyAre() throws Exception {
        Path f = Files.write(dir.resolve("base.yaml"), new byte[0]);
        StableReads reads = reads(() -> { });
        assertThat(reads.read(f, 1000, true).note()).isEmpty();
        Files.writeString(f, "a: 1\n");
        reads.read(f, 1000, true);
        Files.write(f, new byte[0]);
        assertThat(reads.read(f, 1000, false).note()).isEmpty();
        assertThat(pauses).isEmpty();
    }
}
