package dev.lamina.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

/**
 * Lets freshly copied configuration files settle before a measurement, as a service's files have: a manager reads a
 * file changed in the last seconds as possibly still being written (two reads and three stats), and serves an older
 * one whose stamp is unchanged without reading it. A measurement taken right after copying would time the first case
 * for files nobody edits.
 */
public final class SettledFiles {

    /** The manager's default quiet period (200 ms) plus the 3 s racy-timestamp margin, plus a little. */
    private static final long SETTLED_MILLIS = 3_500;

    private SettledFiles() {
    }

    /**
     * Waits (a plain sleep: it is wall-clock time that must pass, not a condition) until every file directly in
     * {@code dirs} was last modified and last changed status more than 3.5 s ago.
     *
     * @param dirs directories holding the files
     */
    public static void await(List<Path> dirs) {
        try {
            long newest = 0;
            for (Path dir : dirs) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path p : (Iterable<Path>) files::iterator) {
                        Object changed = p.getFileSystem().supportedFileAttributeViews().contains("unix")
                                ? Files.getAttribute(p, "unix:ctime") : Files.getLastModifiedTime(p);
                        newest = Math.max(newest, ((FileTime) changed).toMillis());
                    }
                }
            }
            long wait = newest + SETTLED_MILLIS - System.currentTimeMillis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the copied files settled", e);
        }
    }
}
