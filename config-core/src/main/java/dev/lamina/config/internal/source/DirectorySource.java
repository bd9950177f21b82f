package dev.lamina.config.internal.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.lamina.config.ConfigSource;
import dev.lamina.config.ConfigSourceException;
import dev.lamina.config.Format;
import dev.lamina.config.Layer;
import dev.lamina.config.Origin;
import dev.lamina.config.ParseLimits;

/**
 * A directory laid out by convention: {@code base.<ext>} (optional) then {@code <environment>.<ext>} (required), each
 * in any supported format. Two files with the same stem are ambiguous; every file must resolve (symlinks included)
 * to a place inside the directory. The directory is listed again on every {@link #read}. Immutable.
 */
public final class DirectorySource implements ConfigSource {

    /** Letters, digits, {@code _} and {@code -}, not starting with a separator: no path can be smuggled in. */
    private static final Pattern ENVIRONMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    private static final String BASE = "base";

    private final Path dir;
    private final String name;
    private final String environment;

    /**
     * @param dir         the configuration directory, kept as given for layer names
     * @param environment the environment's name
     * @throws ConfigSourceException if the environment name is not {@code [A-Za-z0-9][A-Za-z0-9_-]*}
     */
    public DirectorySource(Path dir, String environment) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.name = dir.toString().isEmpty() ? "." : dir.toString();
        Objects.requireNonNull(environment, "environment");
        if (!ENVIRONMENT.matcher(environment).matches()) {
            throw new ConfigSourceException(Origin.of(name), null, "invalid environment name (letters, digits, '_' and"
                    + " '-' only, starting with a letter or digit)");
        }
        this.environment = environment;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Layer> read(ParseLimits limits) {
        Objects.requireNonNull(limits, "limits");
        Path root;
        Map<String, List<String>> byStem;
        try {
            root = dir.toRealPath();
            byStem = list(dir);
        } catch (NoSuchFileException | NotDirectoryException e) {
            throw new ConfigSourceException(Origin.of(name), null, "configuration directory not found", e);
        } catch (IOException e) {
            throw new ConfigSourceException(Origin.of(name), null,
                    "cannot list configuration directory (" + e.getClass().getSimpleName() + ")", e);
        }
        List<Layer> layers = new ArrayList<>(2);
        Optional<String> base = single(byStem, BASE);
        base.ifPresent(file -> layers.addAll(readInside(root, file, limits)));
        String envFile = single(byStem, environment).orElseThrow(() -> missingEnvironment(byStem));
        layers.addAll(readInside(root, envFile, limits));
        return List.copyOf(layers);
    }

    /** Supported files by stem, names sorted; hidden entries (Kubernetes {@code ..data}, editor files) skipped. */
    private static Map<String, List<String>> list(Path dir) throws IOException {
        Map<String, List<String>> byStem = new TreeMap<>();
        try (Stream<Path> entries = Files.list(dir)) {
            entries.forEach(p -> {
                String file = p.getFileName().toString();
                int dot = file.lastIndexOf('.');
                if (file.startsWith(".") || dot <= 0 || Format.fromFileName(file).isEmpty() || !Files.isRegularFile(p)) {
                    return;
                }
                byStem.computeIfAbsent(file.substring(0, dot), k -> new ArrayList<>()).add(file);
            });
        }
        byStem.values().forEach(l -> l.sort(null));
        return byStem;
    }

    private Optional<String> single(Map<String, List<String>> byStem, String stem) {
        List<String> files = byStem.get(stem);
        if (files == null) {
            return Optional.empty();
        }
        if (files.size() > 1) {
            throw new ConfigSourceException(Origin.of(name), null, "ambiguous configuration: " + String.join(" and ",
                    files) + " both define '" + stem + "'; keep one of them");
        }
        return Optional.of(files.get(0));
    }

    private ConfigSourceException missingEnvironment(Map<String, List<String>> byStem) {
        TreeSet<String> found = new TreeSet<>(byStem.keySet());
        found.remove(BASE);
        return new ConfigSourceException(Origin.of(name), null, "no configuration file for environment '" + environment
                + "' (expected " + environment + ".yaml, .yml, .json, .toml, .xml or .properties); environments found: "
                + (found.isEmpty() ? "none" : String.join(", ", found)));
    }

    private List<Layer> readInside(Path root, String file, ParseLimits limits) {
        Path path = dir.resolve(file);
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
        return FileSource.readFile(real, layerName, Format.fromFileName(file).orElseThrow(), false, limits);
    }

    @Override
    public String toString() {
        return "directory " + name + " (environment " + environment + ")";
    }
}
