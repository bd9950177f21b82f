package dev.lamina.config.internal.source;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import dev.lamina.config.ConfigSource;
import dev.lamina.config.ConfigSourceException;
import dev.lamina.config.Format;
import dev.lamina.config.Layer;
import dev.lamina.config.Origin;
import dev.lamina.config.ParseLimits;
import dev.lamina.config.internal.parse.DocumentParsing;
import dev.lamina.config.internal.parse.Failures;

/** One file, format by extension; re-read on every {@link #read}. Immutable and thread-safe. */
public final class FileSource implements ConfigSource {

    private final Path path;
    private final String name;
    private final Format format;
    private final boolean optional;
    private final FileReads reads = new FileReads(FileReads.DEFAULT_TIMEOUT);

    /**
     * @param path     the file, kept as given for the source name
     * @param optional whether an absent file gives no layers instead of an error
     * @throws ConfigSourceException if the extension is not one Lamina reads
     */
    public FileSource(Path path, boolean optional) {
        this.path = Objects.requireNonNull(path, "path");
        this.name = path.toString();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("path must not be empty");
        }
        this.format = formatOf(name, path.getFileName() == null ? name : path.getFileName().toString());
        this.optional = optional;
    }

    static Format formatOf(String source, String fileName) {
        return Format.fromFileName(fileName).orElseThrow(() -> new ConfigSourceException(Origin.of(source), null,
                "unknown file extension; use .yaml, .yml, .json, .toml, .xml, .properties or .env"));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Layer> read(ParseLimits limits) {
        Objects.requireNonNull(limits, "limits");
        return readFile(path, name, format, optional, limits, DocumentParsing.DIRECT, reads);
    }

    /**
     * Reads a required file as {@link #read} does, parsing through {@code parsing}.
     *
     * @param path    the file; its text is the source name
     * @param limits  the parse limits
     * @param parsing how to parse (the manager passes its parsed-document cache)
     * @param reads   how to read (the manager's, bounded by its read timeout)
     * @return one layer named after the file
     * @throws ConfigSourceException if the file cannot be read, is not a regular file, takes longer than the
     *                               read timeout, or has an unknown extension
     * @throws dev.lamina.config.ConfigException if it cannot be parsed
     */
    public static List<Layer> readFile(Path path, ParseLimits limits, DocumentParsing parsing, FileReads reads) {
        String name = path.toString();
        Format format = formatOf(name, path.getFileName() == null ? name : path.getFileName().toString());
        return readFile(path, name, format, false, limits, parsing, reads);
    }

    /**
     * As {@link #readFile(Path, ParseLimits, DocumentParsing, FileReads)} with reads bounded by
     * {@link FileReads#DEFAULT_TIMEOUT}.
     *
     * @param path    the file
     * @param limits  the parse limits
     * @param parsing how to parse
     * @return one layer named after the file
     */
    public static List<Layer> readFile(Path path, ParseLimits limits, DocumentParsing parsing) {
        return readFile(path, limits, parsing, new FileReads(FileReads.DEFAULT_TIMEOUT));
    }

    static List<Layer> readFile(Path path, String name, Format format, boolean optional, ParseLimits limits,
                                FileReads reads) {
        return readFile(path, name, format, optional, limits, DocumentParsing.DIRECT, reads);
    }

    private static List<Layer> readFile(Path path, String name, Format format, boolean optional, ParseLimits limits,
                                        DocumentParsing parsing, FileReads reads) {
        byte[] bytes;
        try {
            bytes = reads.read(path, limits.maxDocumentBytes());
        } catch (FileReads.Refusal r) {
            if (r.kind() == FileReads.Kind.NOT_FOUND && optional) {
                return List.of();
            }
            throw failure(name, r, limits);
        }
        return List.of(new Layer(name, parsing.parse(name, format, bytes, limits)));
    }

    /**
     * @param name   the source name
     * @param r      the refusal
     * @param limits the limits (for a document over the size limit)
     * @return the exception that says so: a {@link dev.lamina.config.ConfigLimitException} for a document over
     *         {@code maxDocumentBytes}, else a {@link ConfigSourceException}
     */
    static dev.lamina.config.ConfigException failure(String name, FileReads.Refusal r, ParseLimits limits) {
        if (r.kind() == FileReads.Kind.TOO_LARGE) {
            return Failures.limit(Origin.of(name), null, "document size (more than " + limits.maxDocumentBytes()
                    + " bytes)", "maxDocumentBytes", limits.maxDocumentBytes());
        }
        return new ConfigSourceException(Origin.of(name), null, r.getMessage(), r.getCause());
    }

    @Override
    public String toString() {
        return (optional ? "optional file " : "file ") + name;
    }
}
