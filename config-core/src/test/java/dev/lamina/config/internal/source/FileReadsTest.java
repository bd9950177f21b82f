package dev.lamina.config.internal.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.testing.Fifos;

/** Reads that can neither block for ever nor exceed their size: issue 10 item 2 at the lowest level. */
class FileReadsTest {

    @TempDir
    Path dir;

    private final FileReads reads = new FileReads(Duration.ofMillis(300));

    @Test
    void readsARegularFile() throws Exception {
        Path f = Files.writeString(dir.resolve("a.yaml"), "a: 1\n");
        assertThat(new String(reads.read(f, 100))).isEqualTo("a: 1\n");
    }

    @Test
    void refusesAFifoBeforeOpeningIt() throws Exception {
        Path fifo = Fifos.create(dir.resolve("pipe.yaml"));
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(() -> reads.read(fifo, 100))
                .isInstanceOfSatisfying(FileReads.Refusal.class,
                        r -> assertThat(r.kind()).isEqualTo(FileReads.Kind.NOT_REGULAR))
                .hasMessageContaining("is not a regular file (a FIFO, socket or device)"));
    }

    @Test
    void aReadThatBlocksFailsAfterTheTimeoutAndLaterReadsStillWork() throws Exception {
        // Past the regular-file check (a file swapped for a FIFO between check and open): the timeout decides.
        Path fifo = Fifos.create(dir.resolve("pipe.yaml"));
        try {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> reads.readChecked(fifo, 100))
                    .isInstanceOfSatisfying(FileReads.Refusal.class,
                            r -> assertThat(r.kind()).isEqualTo(FileReads.Kind.TIMEOUT))
                    .hasMessageContaining("reading took longer than 300ms")
                    .hasMessageContaining("ConfigurationOptions.readTimeout");
            long ms = Duration.ofNanos(System.nanoTime() - t0).toMillis();
            assertThat(ms).isBetween(250L, 10_000L);
            Path f = Files.writeString(dir.resolve("b.yaml"), "b: 2\n");
            assertThat(new String(reads.read(f, 100))).isEqualTo("b: 2\n");
        } finally {
            Fifos.release(fifo);
        }
    }

    @Test
    void refusesADirectoryAMissingFileAndATooLargeFile() throws IOException {
        assertThatThrownBy(() -> reads.read(dir, 100)).isInstanceOfSatisfying(FileReads.Refusal.class,
                r -> assertThat(r.kind()).isEqualTo(FileReads.Kind.DIRECTORY));
        assertThatThrownBy(() -> reads.read(dir.resolve("absent"), 100)).isInstanceOfSatisfying(
                FileReads.Refusal.class, r -> assertThat(r.kind()).isEqualTo(FileReads.Kind.NOT_FOUND));
        Path big = Files.writeString(dir.resolve("big"), "x".repeat(101));
        assertThatThrownBy(() -> reads.read(big, 100)).isInstanceOfSatisfying(FileReads.Refusal.class,
                r -> assertThat(r.kind()).isEqualTo(FileReads.Kind.TOO_LARGE));
    }

    @Test
    void rejectsANonPositiveTimeout() {
        assertThatThrownBy(() -> new FileReads(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
