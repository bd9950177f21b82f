package dev.lamina.config.internal.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import dev.lamina.config.ConfigSource;
import dev.lamina.config.ConfigSourceException;
import dev.lamina.config.Format;
import dev.lamina.config.Layer;
import dev.lamina.config.Origin;
import dev.lamina.config.ParseLimits;

/**
 * A directory laid out by convention ({@link DirectoryLayout}): {@code base.<ext>} (optional), the ancestors
 * declared in {@code environments.yaml} (root first), then {@code <environment>.<ext>}, each in any supported format;
 * the same files the {@code ConfigurationManager} reads. Two files with the same stem are ambiguous; every file must
 * resolve (symlinks included) to a place inside the directory. The directory is listed again on every
 * {@link #read}. Immutable.
 */
public final class DirectorySource implements ConfigSource {

    private final Path dir;
    private final String name;
    private final String environment;
    private final FileReads reads = new FileReads(FileReads.DEFAULT_TIMEOUT);

    /**
     * @param dir         the configuration directory, kept as given for layer names
     * @param environment the environment's name
     * @throws ConfigSourceException if the environment name breaks {@link DirectoryLayout#NAME_RULE} or is reserved
     */
    public DirectorySource(Path dir, String environment) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.name = dir.toString().isEmpty() ? "." : dir.toString();
        Objects.requireNonNull(environment, "environment");
        try {
            this.environment = DirectoryLayout.checkName("environment", environment);
        } catch (IllegalArgumentException e) {
            throw new ConfigSourceException(Origin.of(name), null, e.getMessage());
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Layer> read(ParseLimits limits) {
        Objects.requireNonNull(limits, "limits");
        Path root;
        try {
            root = dir.toRealPath();
            if (!Files.isDirectory(root)) {
                throw new NotDirectoryException(name);
            }
        } catch (NoSuchFileException | NotDirectoryException e) {
            throw new ConfigSourceException(Origin.of(name), null, "configuration directory not found", e);
        } catch (IOException e) {
            throw new ConfigSourceException(Origin.of(name), null,
                    "cannot read configuration directory (" + e.getClass().getSimpleName() + ")", e);
        }
        List<Layer> layers = new ArrayList<>();
        for (Path file : DirectoryLayout.environmentFiles(dir, environment, limits, null).values()) {
            layers.addAll(readInside(root, file, limits));
        }
        return List.copyOf(layers);
    }

    private List<Layer> readInside(Path root, Path path, ParseLimits limits) {
        String layerName = path.toString();
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            throw Reading.failure(layerName, e);
        }
        if (!real.startsWith(root)) {
            throw new ConfigSourceException(Origin.of(layerName), null,
                    "resolves outside the configuration directory (symbolic link escape); refusing to read it");
        }
        // Read the resolved file, so that a link swapped after the check cannot redirect the read.
        return FileSource.readFile(real, layerName, Format.fromFileName(path.getFileName().toString()).orElseThrow(),
                false, limits, reads);
    }

    @Override
    public String toString() {
        return "directory " + name + " (environment " + environment + ")";
    }
}
