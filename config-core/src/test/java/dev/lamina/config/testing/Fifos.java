package dev.lamina.config.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Real FIFOs for the blocking-file tests, made with {@code mkfifo(1)}; a test is skipped where there is none. */
public final class Fifos {

    private Fifos() {
    }

    /**
     * @param path where to create the FIFO
     * @return the path
     * @throws org.opentest4j.TestAbortedException (skips the test) when {@code mkfifo} is unavailable
     */
    public static Path create(Path path) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "mkfifo is not available on this machine (" + e.getMessage() + "); FIFO test skipped");
            throw e;
        }
        boolean done = p.waitFor(10, TimeUnit.SECONDS);
        assumeTrue(done && p.exitValue() == 0 && Files.exists(path) && !Files.isRegularFile(path),
                "mkfifo could not create a FIFO here; FIFO test skipped");
        return path;
    }

    /**
     * Opens the FIFO for writing and closes it at once, which releases a reader blocked in {@code open(2)} (a
     * test that left a thread blocked on purpose cleans up with it). Never blocks: if no reader is waiting it
     * gives up after a second.
     *
     * @param fifo the FIFO
     */
    public static void release(Path fifo) {
        Thread t = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.flush();
            } catch (IOException e) {
                // Gone already: nothing to release.
            }
        }, "fifo-release");
        t.setDaemon(true);
        t.start();
        try {
            t.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
