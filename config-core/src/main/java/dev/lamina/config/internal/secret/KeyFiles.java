package dev.lamina.config.internal.secret;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

import dev.lamina.config.ConfigSecretException;
import dev.lamina.config.Origin;
import dev.lamina.config.spi.AtomicFiles;

/**
 * Reading and writing files that hold keys: refused when group or others have any permission on them (checked on
 * the mode bits, so the check holds for root too, who can read anything), written crash-safely with mode 600.
 */
public final class KeyFiles {

    private static final Set<PosixFilePermission> LOOSE = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private KeyFiles() {
    }

    /**
     * @param file a key file
     * @param what what the file holds, for messages ("key file", "signing key")
     * @return its bytes
     * @throws ConfigSecretException when it is missing, unreadable, or open to group or others
     */
    public static byte[] readPrivate(Path file, String what) {
        Origin origin = Origin.of(file.toString());
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (view != null) {
                Set<PosixFilePermission> perms = view.readAttributes().permissions();
                Set<PosixFilePermission> loose = EnumSet.copyOf(LOOSE);
                loose.retainAll(perms);
                if (!loose.isEmpty()) {
                    throw new ConfigSecretException(origin, null, "refusing to read the " + what
                            + ": its mode " + PosixFilePermissions.toString(perms) + " lets group or others "
                            + "access it (fix: chmod 600 " + file + ")");
                }
            }
            if (!Files.isRegularFile(file)) {
                throw new ConfigSecretException(origin, null, "the " + what + " is not a regular file");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigSecretException(origin, null, "the " + what + " does not exist");
        } catch (IOException e) {
            throw new ConfigSecretException(origin, null, "cannot read the " + what + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Writes a private file crash-safely and leaves it with mode 600.
     *
     * @param file    the file
     * @param content the bytes
     * @throws ConfigSecretException when it cannot be written
     */
    public static void writePrivate(Path file, byte[] content) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            boolean posix = Files.getFileStore(parent).supportsFileAttributeView(PosixFileAttributeView.class);
            if (posix && !Files.exists(file)) {
                // AtomicFiles keeps the permissions of the file it replaces: create it private first, so that no
                // moment exists where the key sits in a file others could read.
                Files.createFile(file, PosixFilePermissions.asFileAttribute(
                        EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
            } else if (posix) {
                Files.setPosixFilePermissions(file,
                        EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
            }
            AtomicFiles.write(file, content);
            if (posix) {
                Files.setPosixFilePermissions(file,
                        EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
            }
        } catch (IOException e) {
            throw new ConfigSecretException(Origin.of(file.toString()), null, "cannot write the key file ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
