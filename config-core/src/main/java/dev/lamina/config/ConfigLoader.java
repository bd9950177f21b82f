package dev.lamina.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

import dev.lamina.config.internal.runtime.SourceReader;

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
 * <p>A loader runs the same pipeline as a {@link ConfigurationManager} with the same {@link ConfigurationOptions}:
 * the sources it is given take the place of the manager's files, and the options' added sources, layer
 * providers (which see an empty {@link LayerContext#environment()}) and environment-variable layer sit around
 * them in the order of {@code docs/merging.md}.
 *
 * <p>Thread-safe and reusable: a loader holds only its options and one binding mapper, shared by every
 * configuration it builds. Loading has no side effect on the loader.
 */
public final class ConfigLoader {

    private final ConfigurationOptions options;
    private final SourceReader reader;

    /** A loader with {@link ConfigurationOptions#defaults()}. */
    public ConfigLoader() {
        this(ConfigurationOptions.defaults());
    }

    /**
     * @param options the options; the parse limits, merge options, secret policy, resolvers, decoders,
     *                environment lookup and directory (base of relative {@code ${file:...}} paths) apply
     * @throws NullPointerException if {@code options} is {@code null}
     */
    public ConfigLoader(ConfigurationOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.reader = new SourceReader(options);
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
     * @throws ConfigSignatureException if a signature is required and the options' directory does not carry a valid
     *                                  one
     */
    public Configuration load(List<? extends ConfigSource> sources) {
        Objects.requireNonNull(sources, "sources");
        // A required signature covers the options' directory, checked before any source is read.
        options.requiredSignatureKey().ifPresent(key -> BundleSignature.verify(options.directory(), key));
        List<Layer> layers = new ArrayList<>();
        for (ConfigSource source : sources) {
            Objects.requireNonNull(source, "source");
            List<Layer> read = source.read(options.parseLimits());
            layers.addAll(Objects.requireNonNull(read, () -> "source " + source.name() + " returned null"));
        }
        if (reader.hasSlotsAroundFiles()) {
            return reader.build(reader.assemble("", layers, new HashSet<>()), null, "");
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
        return reader.build(layers, null, "");
    }

    /** @return the options this loader was built with */
    public ConfigurationOptions options() {
        return options;
    }
}
