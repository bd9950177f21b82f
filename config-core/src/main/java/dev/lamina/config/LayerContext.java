package dev.lamina.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link LayerProvider} is given on every load and reload: the environment, where the configuration
 * lives, the parse limits, the configuration merged so far below the provider, and ways to parse files through
 * Lamina's hardened parsers and to declare the files it read so that hot reload watches them.
 *
 * <p>A context is valid only during the {@link LayerProvider#layers(LayerContext)} call it is passed to; it is
 * not thread-safe and must not be retained.
 */
public interface LayerContext {

    /** @return the environment being loaded ({@code staging}, …) */
    String environment();

    /** @return the configuration directory (the manager's {@link ConfigurationOptions#directory()}) */
    Path baseDirectory();

    /** @return the bounds any parsing must enforce */
    ParseLimits limits();

    /**
     * The configuration merged and resolved from every layer below this provider's (files, environment
     * inheritance, providers with a lower {@link LayerProvider#position()}), so that a profile can be activated
     * by a key or an override can test a condition. Built on first call.
     *
     * @return the configuration below
     * @throws ConfigException if the layers below cannot be resolved (the load fails with that error)
     */
    Configuration below();

    /**
     * The layers below this provider's, as written (not merged, not resolved), lowest precedence first: what a
     * provider needs to read a declaration that adds up over layers rather than replacing (compliance frameworks),
     * without building {@link #below()}.
     *
     * @return the layers below
     */
    default List<Layer> layersBelow() {
        return below().layers();
    }

    /**
     * @return the environment's entry in {@code environments.yaml} (for example
     *         {@code {extends: staging, profiles: [high-volume], region: EU}}), or empty when it has none
     */
    Optional<ConfigObject> environmentDeclaration();

    /**
     * Looks up an environment variable the way the manager does (injectable with
     * {@link ConfigurationOptions.Builder#environment(java.util.Map)}).
     *
     * @param name the variable name
     * @return its value, or empty when unset
     */
    Optional<String> variable(String name);

    /**
     * Declares a file this provider read (or would read if it existed), so that hot reload watches its directory
     * and a change, creation or deletion triggers a reload.
     *
     * @param file the file
     */
    void declareFile(Path file);

    /**
     * Reads and parses a file through core's hardened parsers (format by extension, origins with line and
     * column) and declares it. The caller's metadata is put on the returned layer.
     *
     * @param file     the file
     * @param metadata the layer's metadata
     * @return the layer
     * @throws ConfigSourceException if the file cannot be read
     * @throws ConfigParseException  if its content is malformed or rejected
     */
    Layer parseFile(Path file, LayerMetadata metadata);

    /**
     * Parses content through core's hardened parsers.
     *
     * @param sourceName the name origins carry
     * @param format     the format
     * @param content    the bytes
     * @return the tree, every node with its origin
     * @throws ConfigParseException if the content is malformed or rejected
     */
    ConfigObject parse(String sourceName, Format format, byte[] content);

    /**
     * Finds the configuration file for a stem in a directory ({@code profiles/high-volume.*}), whatever its
     * supported extension.
     *
     * @param directory the directory
     * @param stem      the file name without extension
     * @return the file, or empty when there is none; the lookup is declared for hot reload either way
     * @throws ConfigSourceException if several files share the stem
     */
    Optional<Path> findFile(Path directory, String stem);

    /**
     * @param directory a directory
     * @return the supported configuration files in it, sorted by name; empty when it does not exist; the
     *         directory is watched either way
     */
    List<Path> listFiles(Path directory);

    /**
     * Raises a warning about this load: something left out on purpose that the user should hear about (a selected
     * override whose conditions do not hold). A manager delivers it as a {@link ConfigWarningEvent} to its
     * listeners once the load succeeds; a warning raised by a load that then fails is dropped with it, since the
     * error is what matters. Providers should log the warning too: a plain {@link ConfigLoader} has no listeners,
     * and this default does nothing.
     *
     * @param message what was decided and why; never a secret value
     * @param origin  the file (and line) concerned, or {@code null} when there is none
     */
    default void warn(String message, Origin origin) {
    }
}
