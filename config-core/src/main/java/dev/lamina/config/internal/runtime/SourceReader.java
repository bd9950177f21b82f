package dev.lamina.config.internal.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.lamina.config.ConfigDocuments;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigSourceException;
import dev.lamina.config.ConfigSources;
import dev.lamina.config.Configuration;
import dev.lamina.config.ConfigurationOptions;
import dev.lamina.config.Format;
import dev.lamina.config.Layer;
import dev.lamina.config.LayerProvider;
import dev.lamina.config.LoadOptions;
import dev.lamina.config.Origin;
import dev.lamina.config.spi.AtomicFiles;
import dev.lamina.config.internal.parse.ParsedDocumentCache;
import dev.lamina.config.internal.source.DirectoryLayout;
import dev.lamina.config.internal.source.FileSource;
import dev.lamina.config.internal.tree.LayerPipeline;

/**
 * Reads the manager's inputs (the environment's files, layer providers, environment variables, tenant overlays,
 * the persist file) and builds configurations from layers. Stateless apart from the options; thread-safe.
 */
public final class SourceReader {

    /** The name of the runtime-updates layer in explain output. */
    public static final String RUNTIME_LAYER = "runtime updates";

    /**
     * What one read of the environment produced.
     *
     * @param files  stem to file, for the stems that had a file
     * @param layers the layers, lowest precedence first (without the runtime layer)
     */
    public record Sources(Map<String, Path> files, List<Layer> layers) {
    }

    private final ConfigurationOptions options;
    private final LayerPipeline pipeline;
    // Per manager: a reload re-reads every file but re-parses only those whose bytes changed.
    private final ParsedDocumentCache documents = new ParsedDocumentCache();

    /** @param options the manager's options */
    public SourceReader(ConfigurationOptions options) {
        this.options = options;
        LoadOptions.Builder lo = LoadOptions.builder()
                .parseLimits(options.parseLimits())
                .secretPolicy(options.secretPolicy())
                .baseDirectory(options.directory());
        options.environment().ifPresent(lo::environment);
        this.pipeline = new LayerPipeline(lo.build());
    }

    /**
     * Reads {@code base.*}, the environment's ancestors' files (root first), {@code <env>.*}, the provider layers
     * and, with an env prefix, the environment variables.
     *
     * @param environment   the environment
     * @param previousFiles the files of the configuration in force, or {@code null} on a fresh load; a file that
     *                      has disappeared since is an error (last good kept), not a silent removal
     * @return the files and layers
     * @throws dev.lamina.config.ConfigException when anything cannot be read or parsed
     */
    public Sources read(String environment, Map<String, Path> previousFiles) {
        Path dir = options.directory();
        if (!Files.isDirectory(dir)) {
            throw new ConfigSourceException(Origin.of(dir.toString()), null,
                    "the configuration directory does not exist or is not a directory");
        }
        Map<String, Path> files = DirectoryLayout.environmentFiles(dir, environment, options.parseLimits(),
                previousFiles, documents);
        List<Layer> layers = new ArrayList<>();
        for (Path file : files.values()) {
            layers.addAll(FileSource.readFile(file, options.parseLimits(), documents));
        }
        for (LayerProvider provider : options.layerProviders()) {
            layers.addAll(Objects.requireNonNull(provider.layers(environment, options.parseLimits()),
                    "a LayerProvider returned null"));
        }
        options.envPrefix().ifPresent(prefix -> layers.addAll((options.environment().isPresent()
                ? ConfigSources.environmentVariables(prefix, options.environment().get())
                : ConfigSources.environmentVariables(prefix)).read(options.parseLimits())));
        return new Sources(files, layers);
    }

    /**
     * @param sourceLayers the source layers
     * @param runtimeTree  the runtime-updates layer
     * @param extra        layers on top (a tenant overlay), possibly empty
     * @param previous     the configuration the result replaces, whose unchanged subtrees it shares, or
     *                     {@code null}
     * @return the merged and resolved configuration
     * @throws dev.lamina.config.ConfigException when resolution fails
     */
    public Configuration build(List<Layer> sourceLayers, ConfigObject runtimeTree, List<Layer> extra,
                               Configuration previous) {
        List<Layer> all = new ArrayList<>(sourceLayers.size() + 1 + extra.size());
        all.addAll(sourceLayers);
        if (!runtimeTree.isEmpty()) {
            all.add(new Layer(RUNTIME_LAYER, runtimeTree));
        }
        all.addAll(extra);
        return pipeline.build(all, previous);
    }

    /**
     * @param tenantId a validated tenant id
     * @return the tenant's overlay layers, or empty when {@code tenants/<id>.*} does not exist
     */
    public Optional<List<Layer>> tenantLayers(String tenantId) {
        Path dir = options.directory().resolve("tenants");
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        return DirectoryLayout.find(dir, tenantId).map(f -> FileSource.readFile(f, options.parseLimits(), documents));
    }

    /**
     * @return the runtime tree stored in the persist file; empty when there is no persist file or it does not exist
     * @throws dev.lamina.config.ConfigException when the file cannot be read or parsed
     */
    public ConfigObject readPersisted() {
        Optional<Path> file = options.persistFile();
        if (file.isEmpty()) {
            return ConfigObject.empty(Origin.of(RUNTIME_LAYER));
        }
        Path p = file.get();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            return ConfigObject.empty(Origin.of(p.toString()));
        } catch (IOException e) {
            throw new ConfigSourceException(Origin.of(p.toString()), null, "cannot read the persisted runtime updates ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        Format format = RuntimeTree.formatOf(p.getFileName().toString());
        return ConfigDocuments.parse(p.toString(), format, bytes, options.parseLimits());
    }

    /**
     * Writes the runtime tree to the persist file crash-safely (temporary file, fsync, atomic rename, directory
     * fsync, permissions kept). Does nothing without a persist file.
     *
     * @param runtimeTree the tree
     * @throws ConfigSourceException when the file cannot be written
     */
    public void persist(ConfigObject runtimeTree) {
        Optional<Path> file = options.persistFile();
        if (file.isEmpty()) {
            return;
        }
        Path p = file.get();
        byte[] bytes = RuntimeTree.render(runtimeTree, RuntimeTree.formatOf(p.getFileName().toString()));
        // Temporary file, fsync, atomic rename, directory fsync, permissions kept; throws ConfigSourceException.
        AtomicFiles.write(p, bytes);
    }
}
