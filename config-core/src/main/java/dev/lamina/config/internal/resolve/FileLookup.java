package dev.lamina.config.internal.resolve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The built-in {@code file} resolver: {@code ${file:/run/secrets/db}} is the file's content as UTF-8, with one
 * trailing {@code \n} or {@code \r\n} removed (editors and {@code echo} add one; a password never ends with it).
 * Relative paths are resolved against the base directory. Messages name the file, never its content.
 * Thread-safe (stateless apart from the base directory).
 */
final class FileLookup {

    /** A file could not be used; the message names the file only. */
    static final class Failure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message, null, false, false);
        }
    }

    private final Path baseDirectory;

    FileLookup(Path baseDirectory) {
        this.baseDirectory = baseDirectory;
    }

    /**
     * @param key the path as written after {@code file:}
     * @return the content, or empty when the file does not exist (a default may then apply)
     * @throws Failure when the path is invalid, names a directory, is unreadable, too large or not UTF-8
     */
    Optional<String> read(String key) {
        Path file = resolve(key);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        if (Files.isDirectory(file)) {
            throw new Failure("file " + file + " is a directory");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            // Read one byte past the limit instead of trusting Files.size(): the file may grow meanwhile.
            bytes = in.readNBytes(Resolution.MAX_VALUE_LENGTH + 1);
        } catch (IOException e) {
            throw new Failure("cannot read file " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        if (bytes.length > Resolution.MAX_VALUE_LENGTH) {
            throw new Failure("file " + file + " is larger than " + Resolution.MAX_VALUE_LENGTH + " bytes");
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
}
