package dev.lamina.config.internal.reload;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a directory's candidate files look like at one moment: for each name, the size, modification time
 * and file identity (device + inode on POSIX) of the file it resolves to, and the link text when the
 * entry is a symbolic link. Two equal fingerprints taken a quiet period apart mean nobody wrote in
 * between; a different fingerprint means something changed, whatever events were or were not delivered.
 *
 * <p>Candidates are the entries that resolve (following symbolic links) to regular files, except
 * {@linkplain #isIgnoredName hidden files and editor scratch files}. Hidden entries are what Kubernetes
 * uses for its machinery ({@code ..data}, {@code ..2026_11_21_...}); the visible {@code base.yaml ->
 * ..data/base.yaml} links resolve through them, so a {@code ..data} swap changes the resolved file identity
 * of every visible link and is seen as one change.
 *
 * @param exists whether the directory existed
 * @param files  name to stamp, sorted; empty when the directory is missing
 */
record DirectoryFingerprint(boolean exists, Map<String, Stamp> files) {

    /** The fingerprint of a missing directory. */
    static final DirectoryFingerprint ABSENT = new DirectoryFingerprint(false, Map.of());

    DirectoryFingerprint {
        files = Map.copyOf(files);
    }

    /**
     * One candidate file.
     *
     * @param size         bytes, or -1 for a dangling symbolic link
     * @param lastModified the modification time, or {@code null} for a dangling link
     * @param fileKey      the platform's file identity, or {@code null} where the platform has none
     * @param linkTarget   the symbolic link's text, or {@code null} when the entry is not a link
     */
    record Stamp(long size, FileTime lastModified, Object fileKey, String linkTarget) {
    }

    /**
     * Editor and tool scratch files that must not count as configuration changes: hidden names
     * ({@code .app.yaml.swp}, Kubernetes' {@code ..data}), Emacs auto-saves ({@code #app.yaml#}), backups
     * ({@code app.yaml~}) and temporary files ({@code *.tmp}, {@code *.swp}, {@code *.swx}).
     *
     * @param name a file name
     * @return {@code true} when the name is ignored
     */
    static boolean isIgnoredName(String name) {
        return name.startsWith(".") || name.startsWith("#") || name.endsWith("~") || name.endsWith(".tmp")
                || name.endsWith(".swp") || name.endsWith(".swx");
    }

    /**
     * Takes the fingerprint of a directory.
     *
     * @param dir the directory
     * @return its fingerprint; {@link #ABSENT} when it does not exist or is not a directory
     * @throws IOException when the directory exists but cannot be listed
     */
    static DirectoryFingerprint of(Path dir) throws IOException {
        Map<String, Stamp> files = new TreeMap<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!isIgnoredName(name)) {
                    Stamp stamp = stamp(entry);
                    if (stamp != null) {
                        files.put(name, stamp);
                    }
                }
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            return ABSENT;
        }
        return new DirectoryFingerprint(true, files);
    }

    private static Stamp stamp(Path entry) throws IOException {
        String link = null;
        if (Files.isSymbolicLink(entry)) {
            try {
                link = Files.readSymbolicLink(entry).toString();
            } catch (IOException e) {
                return null; // vanished between listing and reading: the next look will tell
            }
        }
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(entry, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            // A dangling link still counts (its text changing is a change); a vanished file does not.
            return link == null ? null : new Stamp(-1, null, null, link);
        }
        if (!attrs.isRegularFile()) {
            return null;
        }
        return new Stamp(attrs.size(), attrs.lastModifiedTime(), attrs.fileKey(), link);
    }

    /**
     * @param name a file name
     * @return {@code true} when the fingerprint has a candidate of that name
     */
    boolean has(String name) {
        return files.containsKey(Objects.requireNonNull(name));
    }
}
