package dev.lamina.config.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import dev.lamina.config.ConfigSourceException;
import dev.lamina.config.Origin;

/**
 * Writes a file the way RELIABILITY.md promises ("nothing lost on write"): to a temporary file in the same
 * directory, flushed and fsynced, then atomically renamed over the target, and the directory fsynced; the target's
 * POSIX permissions are kept. A crash leaves the old file or the new one, never a torn one.
 */
final class AtomicFileWriter {

    private AtomicFileWriter() {
    }

    /**
     * @param target the file to create or replace
     * @param bytes  its new content
     * @throws ConfigSourceException naming the file when it cannot be written (nothing is changed then)
     */
    static void write(Path target, byte[] bytes) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path temp = null;
        try {
            if (Files.isDirectory(absolute)) {
                throw new ConfigSourceException(Origin.of(target.toString()), null, "is a directory; name a file");
            }
            temp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                ch.force(true);
            }
            keepPermissions(absolute, temp);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            syncDirectory(dir);
        } catch (NoSuchFileException e) {
            throw new ConfigSourceException(Origin.of(target.toString()), null,
                    "cannot write: the directory does not exist", e);
        } catch (AccessDeniedException e) {
            throw new ConfigSourceException(Origin.of(target.toString()), null, "cannot write: permission denied", e);
        } catch (FileSystemException e) {
            String why = e.getReason() == null ? "file system error" : e.getReason();
            throw new ConfigSourceException(Origin.of(target.toString()), null, "cannot write: " + why, e);
        } catch (IOException e) {
            throw new ConfigSourceException(Origin.of(target.toString()), null,
                    "cannot write (" + e.getClass().getSimpleName() + ")", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The write already failed and says so; a stray temporary file is the lesser problem.
                }
            }
        }
    }

    private static void keepPermissions(Path target, Path temp) throws IOException {
        if (Files.getFileAttributeView(temp, PosixFileAttributeView.class) == null) {
            return;
        }
        // A temporary file is created owner-only; a new file gets the usual rw-r--r-- instead.
        Set<PosixFilePermission> permissions = Files.exists(target)
                ? Files.getPosixFilePermissions(target) : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(temp, permissions);
    }

    private static void syncDirectory(Path dir) {
        // Makes the rename durable. Not every platform can open a directory (Windows cannot): the rename itself
        // is then as durable as that platform makes it.
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // see above
        }
    }
}
