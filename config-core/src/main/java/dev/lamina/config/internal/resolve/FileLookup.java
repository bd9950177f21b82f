package dev.lamina.config.internal.resolve;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.lamina.config.internal.source.FileReads;

/**
 * The built-in {@code file} resolver: {@code ${file:/run/secrets/db}} is the file's content as UTF-8, with one
 * trailing {@code \n} or {@code \r\n} removed (editors and {@code echo} add one; a password never ends with it).
 * Relative paths are resolved against the base directory. Messages name the file, never its content.
 *
 * <p>Confined: a file is read only when its real path (every symbolic link resolved) lies below the real path of
 * the base directory or of an allowed root, never below {@code /proc}, {@code /sys} or {@code /dev}, and only when
 * it is a regular file (a FIFO would block the loader for ever); the read is bounded in size and time. The
 * resolved file is read, not the path as written, so a link swapped after the check cannot redirect the read.
 * Thread-safe (the real roots are computed once per lookup instance, which lives for one resolution).
 */
final class FileLookup {

    /** Never read, whatever roots are allowed: process, kernel and device state, not configuration. */
    private static final List<Path> DENIED = List.of(Path.of("/proc"), Path.of("/sys"), Path.of("/dev"));

    /** A file could not be used; the message names the file only. */
    static final class Failure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message, null, false, false);
        }
    }

    private final Path baseDirectory;
    private final List<Path> roots;
    private final int maxBytes;
    private final FileReads reads;
    private volatile List<Path> realRoots;

    FileLookup(Path baseDirectory) {
        this(baseDirectory, List.of(), Resolution.MAX_VALUE_LENGTH, new FileReads(FileReads.DEFAULT_TIMEOUT));
    }

    /**
     * @param baseDirectory the configuration directory: relative paths resolve from it, and it is a root
     * @param allowedRoots  further roots (absolute)
     * @param maxBytes      the largest file read, in bytes
     * @param reads         how files are read
     */
    FileLookup(Path baseDirectory, List<Path> allowedRoots, int maxBytes, FileReads reads) {
        this.baseDirectory = baseDirectory.toAbsolutePath().normalize();
        List<Path> all = new ArrayList<>();
        all.add(this.baseDirectory);
        for (Path r : allowedRoots) {
            all.add(r.toAbsolutePath().normalize());
        }
        this.roots = List.copyOf(all);
        this.maxBytes = maxBytes;
        this.reads = reads;
    }

    /**
     * @param key the path as written after {@code file:}
     * @return the content, or empty when the file does not exist below an allowed root (a default may then apply)
     * @throws Failure when the path is invalid, outside the allowed roots, below a denied directory, names a
     *                 directory or a special file, is unreadable, too large, too slow to read or not UTF-8
     */
    Optional<String> read(String key) {
        Path file = resolve(key);
        refuseDenied(file, file);
        Path real;
        try {
            real = file.toRealPath();
        } catch (NoSuchFileException e) {
            // Absent (or a dangling link): a default may apply, but only where a lookup would be allowed at all,
            // so that a lookup outside the roots cannot even probe whether a file exists.
            if (roots.stream().noneMatch(file::startsWith) && realRoots().stream().noneMatch(file::startsWith)) {
                throw outside(file, null);
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new Failure("cannot resolve file " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        refuseDenied(file, real);
        if (realRoots().stream().noneMatch(real::startsWith)) {
            throw outside(file, real);
        }
        byte[] bytes;
        try {
            bytes = reads.read(real, maxBytes);
        } catch (FileReads.Refusal r) {
            switch (r.kind()) {
                case NOT_FOUND:
                    return Optional.empty();
                case DIRECTORY:
                    throw new Failure("file " + file + " is a directory");
                case NOT_REGULAR:
                    throw new Failure("file " + file + " is not a regular file (a FIFO, socket or device); file "
                            + "lookups read regular files only, as opening such a file can block for ever");
                case TOO_LARGE:
                    throw new Failure("file " + file + " is larger than " + maxBytes + " bytes (the limit is "
                            + "ParseLimits.maxStringLength)");
                default:
                    throw new Failure("file " + file + ": " + r.getMessage());
            }
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Failure("file " + file + " is not valid UTF-8");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.endsWith("\r\n")) {
            text = text.substring(0, text.length() - 2);
        } else if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        return Optional.of(text);
    }

    /**
     * @param key the path as written
     * @return the file it names, for messages
     */
    String locate(String key) {
        return resolve(key).toString();
    }

    private Path resolve(String key) {
        try {
            Path p = Path.of(key);
            return (p.isAbsolute() ? p : baseDirectory.resolve(p)).normalize();
        } catch (InvalidPathException e) {
            throw new Failure("${file:...} does not hold a valid file path");
        }
    }

    private static void refuseDenied(Path file, Path real) {
        for (Path denied : DENIED) {
            if (real.startsWith(denied)) {
                throw new Failure("file " + file + (real.equals(file) ? "" : " resolves to " + real + ", which")
                        + " is below " + denied + "; file lookups never read " + DENIED.stream().map(Path::toString)
                        .collect(Collectors.joining(", ")) + " (process, kernel and device state, not configuration)");
            }
        }
    }

    private Failure outside(Path file, Path real) {
        String where = real == null || real.equals(file) ? "file " + file + " is"
                : "file " + file + " resolves to " + real + ", which is";
        String allowed = roots.size() == 1 ? "the configuration directory " + baseDirectory
                : "the configuration directory " + baseDirectory + " and the allowed roots " + roots.subList(1,
                        roots.size()).stream().map(Path::toString).collect(Collectors.joining(", "));
        return new Failure(where + " outside the directories file lookups may read (" + allowed + "); fix: move "
                + "the file below one of them, or allow its directory with "
                + "ConfigurationOptions.builder().allowFileRoot(dir) (configctl: --allow-file-root DIR)");
    }

    /** The roots with links resolved; a root that does not exist (yet) counts as written. */
    private List<Path> realRoots() {
        List<Path> r = realRoots;
        if (r == null) {
            List<Path> out = new ArrayList<>();
            for (Path root : roots) {
                try {
                    out.add(root.toRealPath());
                } catch (IOException e) {
                    out.add(root);
                }
            }
            r = List.copyOf(out);
            realRoots = r;
        }
        return r;
    }
}
