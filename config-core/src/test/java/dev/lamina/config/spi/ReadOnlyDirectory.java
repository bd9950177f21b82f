package dev.lamina.config.spi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Makes a directory unwritable for the duration of a test, even for root: first by permissions
 * ({@code 0555}); when the process still can create files there (root ignores permission bits), by the
 * immutable attribute ({@code chattr +i}); when neither works, the calling test is skipped.
 */
final class ReadOnlyDirectory implements AutoCloseable {

    private final Path dir;
    private final boolean immutable;

    private ReadOnlyDirectory(Path dir, boolean immutable) {
        this.dir = dir;
        this.immutable = immutable;
    }

    static ReadOnlyDirectory of(Path dir) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (!canCreateFileIn(dir)) {
            return new ReadOnlyDirectory(dir, false);
        }
        if (run("chattr", "+i", dir.toString()) && !canCreateFileIn(dir)) {
            return new ReadOnlyDirectory(dir, true);
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        Assumptions.abort("cannot make a directory unwritable for this user on this platform");
        throw new AssertionError("unreachable");
    }

    private static boolean canCreateFileIn(Path dir) {
        try {
            Path probe = Files.createTempFile(dir, "probe", ".tmp");
            Files.delete(probe);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        if (immutable) {
            run("chattr", "-i", dir.toString());
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }
}
