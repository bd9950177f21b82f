package dev.lamina.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import dev.lamina.config.internal.tree.LayerPipeline;

/**
 * Loads a {@link Configuration}: reads each source, merges the layers in order (a later layer wins; see
 * {@code docs/merging.md}), interpolates {@code ${...}} expressions, and builds an immutable configuration that
 * can explain every value.
 *
 * <pre>{@code
 * Configuration config = new ConfigLoader().load(
 *         ConfigSources.file(Path.of("config/base.yaml")),
 *         ConfigSources.file(Path.of("config/staging.yaml")));
 * int port = config.getInt("server.port");
 * }</pre>
 *
 * <p>Thread-safe and reusable: a loader holds only its options and one binding mapper, shared by every
 * configuration it builds. Loading has no side effect on the loader.
 */
public final class ConfigLoader {

    private final LoadOptions options;
    private final LayerPipeline pipeline;

    /** A loader with {@link LoadOptions#defaults()}. */
    public ConfigLoader() {
        this(LoadOptions.defaults());
    }

    /**
     * @param options the options
     * @throws NullPointerException if {@code options} is {@code null}
     */
    public ConfigLoader(LoadOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.pipeline = new LayerPipeline(options);
    }

    /**
     * Reads every source ({@link ConfigSource#read} with this loader's parse limits), then merges and resolves
     * their layers in order, lowest precedence first.
     *
     * @param sources the sources, lowest precedence first; may be empty (an empty configuration)
     * @return the configuration
     * @throws NullPointerException    if the list or a source is {@code null}
     * @throws ConfigSourceException   if a source cannot be read
     * @throws ConfigParseException    if a source's content is malformed or rejected
     * @throws ConfigResolveException  if an interpolation fails
     * @throws ConfigException         if the merge fails (a merge-by-key list item without its key)
     */
    public Configuration load(List<? extends ConfigSource> sources) {
        Objects.requireNonNull(sources, "sources");
        List<Layer> layers = new ArrayList<>();
        for (ConfigSource source : sources) {
            Objects.requireNonNull(source, "source");
            List<Layer> read = source.read(options.parseLimits());
            layers.addAll(Objects.requireNonNull(read, () -> "source " + source.name() + " returned null"));
        }
        return fromLayers(layers);
    }

    /**
     * Same as {@link #load(List)}.
     *
     * @param sources the sources, lowest precedence first
     * @return the configuration
     * @throws ConfigException as {@link #load(List)} does
     */
    public Configuration load(ConfigSource... sources) {
        return load(Arrays.asList(sources));
    }

    /**
     * Merges and resolves layers that are already parsed (no reading).
     *
     * @param layers the layers, lowest precedence first; may be empty
     * @return the configuration
     * @throws NullPointerException   if the list or a layer is {@code null}
     * @throws ConfigResolveException if an interpolation fails
     * @throws ConfigException        if the merge fails (a merge-by-key list item without its key)
     */
    public Configuration fromLayers(List<Layer> layers) {
        return pipeline.build(layers, null);
    }

    /** @return the options this loader was built with */
    public LoadOptions options() {
        return options;
    }
}
