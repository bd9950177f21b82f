package dev.lamina.config.spi;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Objects;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lamina.config.ConfigSourceException;
import dev.lamina.config.Origin;

/**
 * Crash-safe file writes (RELIABILITY.md invariant 5): after a crash at any point, a reader finds either
 * the complete old file or the complete new one, never a torn mixture.
 *
 * <p>{@link #write} writes a temporary file in the target's directory, forces it to disk, renames it over
 * the target with {@code ATOMIC_MOVE} and forces the directory, so the rename itself is durable. The
 * original's POSIX permissions (and owner and group, where the process may set them) are carried over.
 * {@link #append} appends a record to an append-only log and forces it before returning.
 *
 * <p>When the target is a symbolic link, the file it points to is replaced and the link is kept. A new file
 * (no original) is created with owner-only permissions ({@code 0600}), the safe default for files that
 * may hold secrets.
 *
 * <p>Stateless and thread-safe. Two concurrent {@code write}s to the same target both succeed and the
 * later rename wins; callers that need ordering serialise their writes.
 */
public final class AtomicFiles {

    private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);

    /** Renames the finished temporary file over the target; replaceable in tests to inject failures. */
    @FunctionalInterface
    interface Mover {
        void move(Path source, Path target) throws IOException;
    }

    private static final Mover ATOMIC_MOVER = AtomicFiles::moveAtomically;

    private AtomicFiles() {
    }

    /**
     * Replaces (or creates) {@code target} with {@code content}, crash-safely.
     *
     * <p>On failure the target is unchanged and the temporary file is removed.
     *
     * @param target  the file to write; its directory must exist; not {@code null}
     * @param content the complete new content; not {@code null}
     * @throws ConfigSourceException naming the file, when any step fails (the I/O exception is the cause)
     */
    public static void write(Path target, byte[] content) {
        write(target, content, ATOMIC_MOVER);
    }

    static void write(Path target, byte[] content, Mover mover) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(content, "content");
        Path absolute = resolveLink(target.toAbsolutePath());
        Path dir = absolute.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new ConfigSourceException(Origin.of(target.toString()), null,
                    "cannot write: the directory does not exist");
        }
        Path temp = null;
        try {
            PosixFileAttributes original = readPosixAttributes(absolute);
            temp = Files.createTempFile(dir, tempPrefix(absolute), ".tmp");
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                writeFully(ch, content);
                ch.force(true);
            }
            if (original != null) {
                copyAttributes(original, temp);
            }
            mover.move(temp, absolute);
            temp = null;
            forceDirectory(dir);
        } catch (IOException | RuntimeException e) {
            throw new ConfigSourceException(Origin.of(absolute.toString()), null,
                    "cannot write the file atomically (" + describe(e) + "); the previous content is unchanged", e);
        } finally {
            if (temp != null) {
                deleteQuietly(temp);
            }
        }
    }

    /**
     * Appends {@code line} to {@code file} (creating it if missing) and forces it to disk before returning.
     *
     * <p>The bytes are written as given; callers include the line terminator. A single {@code write} of a
     * short record is not split by the kernel on local file systems, but a crash can still leave a prefix of
     * it: readers of append-only logs must tolerate (and detect) a torn last line.
     *
     * @param file the log file; its directory must exist; not {@code null}
     * @param line the bytes to append; not {@code null}
     * @throws ConfigSourceException naming the file, when the file cannot be opened, written or forced
     */
    public static void append(Path file, byte[] line) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(line, "line");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND,
                StandardOpenOption.CREATE)) {
            writeFully(ch, line);
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            throw new ConfigSourceException(Origin.of(file.toAbsolutePath().toString()), null,
                    "cannot append to the file (" + describe(e) + ")", e);
        }
    }

    /**
     * Forces a directory's entries (creations, renames, deletions) to disk.
     *
     * <p>Linux and macOS allow opening a directory for reading and calling {@code fsync} on it; some
     * platforms (Windows) refuse to open a directory as a channel, and some file systems reject
     * {@code fsync} on a directory. Both refusals are ignored (logged at debug): there the rename is as
     * durable as the platform makes it, which is the best any library can do.
     *
     * @param dir the directory
     */
    public static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            LOG.debug("cannot fsync directory {} on this platform: {}", dir, e.toString());
        }
    }

    static void writeFully(FileChannel ch, byte[] bytes) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    private static void moveAtomically(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // Only where the file system cannot rename atomically (rare: some network and FUSE mounts).
            // The temp file is in the same directory, so this is not a cross-device move.
            LOG.warn("atomic rename is not supported for {}; replacing it non-atomically", target);
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Writing through a symbolic link replaces the file it points to and keeps the link; renaming over the
     * link itself would silently turn it into a regular file.
     */
    private static Path resolveLink(Path target) {
        if (!Files.isSymbolicLink(target)) {
            return target;
        }
        try {
            return target.toRealPath();
        } catch (IOException e) {
            // A dangling link: replace the link itself, as a plain write would create a file there.
            return target;
        }
    }

    private static PosixFileAttributes readPosixAttributes(Path target) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        if (view == null) {
            return null;
        }
        try {
            return view.readAttributes();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static void copyAttributes(PosixFileAttributes original, Path temp) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        Set<PosixFilePermission> perms = original.permissions();
        view.setPermissions(perms);
        try {
            if (!view.readAttributes().owner().equals(original.owner())) {
                view.setOwner(original.owner());
            }
            if (!view.readAttributes().group().equals(original.group())) {
                view.setGroup(original.group());
            }
        } catch (IOException | SecurityException e) {
            // Changing the owner needs privileges most processes lack; the permissions are what protect
            // the content, so this is worth a note but not a failure.
            LOG.debug("cannot keep owner/group of the original for {}: {}", temp, e.toString());
        }
    }

    private static String tempPrefix(Path target) {
        // Hidden, recognisable, and short enough that prefix + random part stays under NAME_MAX.
        String name = target.getFileName().toString();
        if (name.length() > 100) {
            name = name.substring(0, 100);
        }
        return "." + name + ".lamina-";
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            LOG.warn("cannot remove temporary file {}: {}", temp, e.toString());
        }
    }

    /** The exception type and the affected path, never the message text of arbitrary exceptions. */
    static String describe(Throwable e) {
        if (e instanceof java.nio.file.FileSystemException fse) {
            String reason = fse.getReason();
            return e.getClass().getSimpleName() + (reason == null ? "" : ": " + reason);
        }
        return e.getClass().getSimpleName();
    }
}
