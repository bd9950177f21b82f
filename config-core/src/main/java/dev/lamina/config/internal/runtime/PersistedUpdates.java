package dev.lamina.config.internal.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import dev.lamina.config.ConfigDocuments;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigSourceException;
import dev.lamina.config.Format;
import dev.lamina.config.Origin;
import dev.lamina.config.ParseLimits;
import dev.lamina.config.spi.AtomicFiles;
import dev.lamina.config.internal.source.FileReads;

/**
 * The persist file of the runtime-updates layer: read once when the manager is built, written by the publisher
 * before a change that alters the runtime layer is published. Kept apart from {@link SourceReader} so that
 * publishing never calls back into the read stage. Stateless apart from its settings; thread-safe.
 */
public final class PersistedUpdates {

    private final Optional<Path> file;
    private final ParseLimits limits;
    private final FileReads reads;

    /**
     * @param file        the persist file, or empty for none
     * @param limits      the limits for reading it
     * @param readTimeout how long one read may take (a FIFO or a hung mount never blocks the manager's build)
     */
    public PersistedUpdates(Optional<Path> file, ParseLimits limits, Duration readTimeout) {
        this.file = file;
        this.limits = limits;
        this.reads = new FileReads(readTimeout);
    }

    /**
     * @return the runtime tree stored in the persist file; empty when there is no persist file or it does not exist
     * @throws dev.lamina.config.ConfigException when the file cannot be read or parsed
     */
    public ConfigObject read() {
        if (file.isEmpty()) {
            return ConfigObject.empty(Origin.of(SourceReader.RUNTIME_LAYER));
        }
        Path p = file.get();
        byte[] bytes;
        try {
            bytes = reads.read(p, limits.maxDocumentBytes());
        } catch (FileReads.Refusal r) {
            if (r.kind() == FileReads.Kind.NOT_FOUND) {
                return ConfigObject.empty(Origin.of(p.toString()));
            }
            throw new ConfigSourceException(Origin.of(p.toString()), null, "cannot read the persisted runtime updates ("
                    + r.getMessage() + ")", r.getCause());
        }
        Format format = RuntimeTree.formatOf(p.getFileName().toString());
        return ConfigDocuments.parse(p.toString(), format, bytes, limits);
    }

    /**
     * Writes the runtime tree to the persist file crash-safely (temporary file, fsync, atomic rename, directory
     * fsync, permissions kept). Does nothing without a persist file.
     *
     * @param runtimeTree the tree
     * @throws ConfigSourceException when the file cannot be written
     */
    public void write(ConfigObject runtimeTree) {
        if (file.isEmpty()) {
            return;
        }
        Path p = file.get();
        AtomicFiles.write(p, RuntimeTree.render(runtimeTree, RuntimeTree.formatOf(p.getFileName().toString())));
    }
}
