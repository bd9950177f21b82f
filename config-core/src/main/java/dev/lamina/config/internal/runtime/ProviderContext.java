package dev.lamina.config.internal.runtime;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigSourceException;
import dev.lamina.config.ConfigWarningEvent;
import dev.lamina.config.Configuration;
import dev.lamina.config.Format;
import dev.lamina.config.Layer;
import dev.lamina.config.LayerContext;
import dev.lamina.config.LayerMetadata;
import dev.lamina.config.Origin;
import dev.lamina.config.ParseLimits;
import dev.lamina.config.internal.parse.DocumentParsing;
import dev.lamina.config.internal.source.DirectoryLayout;
import dev.lamina.config.internal.source.FileReads;
import dev.lamina.config.internal.source.FileSource;

/**
 * The {@link LayerContext} of one provider call. {@link #below()} is built on first use from the layers
 * assembled so far; every file and directory the provider touches is added to the read's watch set. Not
 * thread-safe: one instance per call, on the loading thread.
 */
final class ProviderContext implements LayerContext {

    private final String environment;
    private final Path baseDirectory;
    private final ParseLimits limits;
    private final Supplier<Configuration> below;
    private final List<Layer> layersBelow;
    private final Supplier<Optional<ConfigObject>> declaration;
    private final Function<String, Optional<String>> variables;
    private final DocumentParsing parsing;
    private final Set<Path> watched;
    private final FileReads reads;
    private final List<ConfigWarningEvent> warnings;
    private Configuration belowBuilt;

    ProviderContext(String environment, Path baseDirectory, ParseLimits limits, List<Layer> layersBelow,
                    Supplier<Configuration> below, Supplier<Optional<ConfigObject>> declaration, Function<String, Optional<String>> variables,
                    DocumentParsing parsing, Set<Path> watched, FileReads reads, List<ConfigWarningEvent> warnings) {
        this.environment = environment;
        this.baseDirectory = baseDirectory;
        this.limits = limits;
        this.layersBelow = List.copyOf(layersBelow);
        this.below = below;
        this.declaration = declaration;
        this.variables = variables;
        this.parsing = parsing;
        this.watched = watched;
        this.reads = reads;
        this.warnings = warnings;
    }

    @Override
    public void warn(String message, Origin origin) {
        warnings.add(new ConfigWarningEvent(Objects.requireNonNull(message, "message"), Optional.ofNullable(origin)));
    }

    @Override
    public String environment() {
        return environment;
    }

    @Override
    public Path baseDirectory() {
        return baseDirectory;
    }

    @Override
    public ParseLimits limits() {
        return limits;
    }

    @Override
    public Configuration below() {
        if (belowBuilt == null) {
            belowBuilt = below.get();
        }
        return belowBuilt;
    }

    @Override
    public List<Layer> layersBelow() {
        return layersBelow;
    }

    @Override
    public Optional<ConfigObject> environmentDeclaration() {
        return declaration.get();
    }

    @Override
    public Optional<String> variable(String name) {
        Objects.requireNonNull(name, "name");
        Optional<String> v = variables.apply(name);
        return v == null ? Optional.empty() : v;
    }

    @Override
    public void declareFile(Path file) {
        watched.add(resolve(Objects.requireNonNull(file, "file")));
    }

    @Override
    public Layer parseFile(Path file, LayerMetadata metadata) {
        Objects.requireNonNull(metadata, "metadata");
        Path p = resolve(Objects.requireNonNull(file, "file"));
        // Declared first: a file that fails to parse must still be watched, so that fixing it reloads.
        watched.add(p);
        List<Layer> read = FileSource.readFile(p, limits, parsing, reads);
        return new Layer(read.get(0).name(), read.get(0).root(), metadata);
    }

    @Override
    public ConfigObject parse(String sourceName, Format format, byte[] content) {
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(content, "content");
        return parsing.parse(sourceName, format, content, limits);
    }

    @Override
    public Optional<Path> findFile(Path directory, String stem) {
        Path dir = resolve(Objects.requireNonNull(directory, "directory"));
        Objects.requireNonNull(stem, "stem");
        watched.add(dir);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        Optional<Path> found = DirectoryLayout.find(dir, stem);
        found.ifPresent(watched::add);
        return found;
    }

    @Override
    public List<Path> listFiles(Path directory) {
        Path dir = resolve(Objects.requireNonNull(directory, "directory"));
        watched.add(dir);
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                if (Files.isRegularFile(p) && Format.fromFileName(p.getFileName().toString()).isPresent()) {
                    out.add(p);
                }
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            return List.of();
        } catch (IOException e) {
            throw new ConfigSourceException(Origin.of(dir.toString()), null, "cannot list the directory ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        out.sort(null);
        out.forEach(watched::add);
        return List.copyOf(out);
    }

    private Path resolve(Path p) {
        return p.isAbsolute() ? p : baseDirectory.resolve(p);
    }

    /**
     * @param root        the parsed environments file
     * @param environment the environment
     * @return its entry when it is an object
     */
    static Optional<ConfigObject> entryOf(ConfigObject root, String environment) {
        Optional<ConfigNode> entry = root.get(environment);
        return entry.filter(ConfigObject.class::isInstance).map(ConfigObject.class::cast);
    }
}
