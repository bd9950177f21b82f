package dev.lamina.config.internal.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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

/** One file, format by extension; re-read on every {@link #read}. Immutable and thread-safe. */
public final class FileSource implements ConfigSource {

    private final Path path;
    private final String name;
    private final Format format;
    private final boolean optional;

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
        return readFile(path, name, format, optional, limits);
    }

    /**
     * Reads a required file as {@link #read} does, parsing through {@code parsing}.
     *
     * @param path    the file; its text is the source name
     * @param limits  the parse limits
     * @param parsing how to parse (the manager passes its parsed-document cache)
     * @return one layer named after the file
     * @throws ConfigSourceException if the file cannot be read or has an unknown extension
     * @throws dev.lamina.config.ConfigException if it cannot be parsed
     */
    public static List<Layer> readFile(Path path, ParseLimits limits, DocumentParsing parsing) {
        String name = path.toString();
        Format format = formatOf(name, path.getFileName() == null ? name : path.getFileName().toString());
        return readFile(path, name, format, false, limits, parsing);
    }

    static List<Layer> readFile(Path path, String name, Format format, boolean optional, ParseLimits limits) {
        return readFile(path, name, format, optional, limits, DocumentParsing.DIRECT);
    }

    private static List<Layer> readFile(Path path, String name, Format format, boolean optional, ParseLimits limits,
                                        DocumentParsing parsing) {
        if (Files.isDirectory(path)) {
            throw new ConfigSourceException(Origin.of(name), null, "is a directory, not a file");
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = Reading.readBounded(name, in, limits);
        } catch (NoSuchFileException e) {
            if (optional) {
                return List.of();
            }
            throw Reading.failure(name, e);
        } catch (IOException e) {
            throw Reading.failure(name, e);
        }
        return List.of(new Layer(name, parsing.parse(name, format, bytes, limits)));
    }

    @Override
    public String toString() {
        return (optional ? "optional file " : "file ") + name;
    }
}
