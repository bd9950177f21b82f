package dev.lamina.config;

import java.util.List;
import java.util.Optional;

/**
 * Somewhere configuration comes from: a file, a classpath resource, a directory laid out by convention,
 * environment variables, system properties, a map built in code.
 *
 * <p>Implementations are immutable descriptions; reading happens in {@link #read(ParseLimits)}, every time
 * it is called, so that a reload sees fresh content. Factories live in {@link ConfigSources}.
 */
public interface ConfigSource {

    /** @return a stable name used in origins and explain output, for example {@code config/base.yaml} */
    String name();

    /**
     * Reads and parses the source.
     *
     * @param limits bounds the parser must enforce
     * @return the layers this source contributes, lowest precedence first (one for a file, several for a
     *         directory); an optional source that is absent returns an empty list
     * @throws ConfigSourceException if the source cannot be read
     * @throws ConfigParseException  if its content is malformed or rejected by the hardening rules
     */
    List<Layer> read(ParseLimits limits);

    /**
     * A source that can tell when its content changed (a remote store's watch) offers a trigger; the manager
     * starts it after the first load when the source is added with
     * {@link ConfigurationOptions.Builder#addSource(ConfigSource)}.
     *
     * @return the trigger, or empty (the default) when the source is only read on reloads others trigger
     */
    default Optional<ReloadTrigger> reloadTrigger() {
        return Optional.empty();
    }

    /**
     * A source backed by a shared store (etcd) may take runtime updates: a manager with such a source sends
     * {@code updateConfig} to the store instead of its local runtime layer (see {@link ConfigWriter}). At most one
     * added source of a manager may offer a writer.
     *
     * @return the writer, or empty (the default) when updates stay local
     */
    default Optional<ConfigWriter> writer() {
        return Optional.empty();
    }

    /**
     * A source that must learn which of its reads were published (to keep a last-known-good copy of exactly the
     * content in force) offers a listener; a manager the source is added to registers it.
     *
     * @return the listener, or empty (the default)
     */
    default Optional<SnapshotListener> snapshotListener() {
        return Optional.empty();
    }
}
