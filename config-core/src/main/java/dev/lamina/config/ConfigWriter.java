package dev.lamina.config;

/**
 * Writes runtime updates to the store a {@link ConfigSource} reads, instead of to the manager's local
 * runtime-updates layer: a remote store shared by a fleet (etcd), where every instance must see the change.
 *
 * <p>A source offers a writer through {@link ConfigSource#writer()}. A {@link ConfigurationManager} with such a
 * source sends every {@link ConfigurationManager#updateConfig(UpdateRequest) updateConfig} to it: the manager first
 * checks the expected version, authorizes the paths and validates the result as if applied locally, then calls
 * {@link #write} outside its publish lock, then re-reads its sources and returns the snapshot that holds the write
 * (the store's watch would bring it too; the re-read gives the caller read-your-writes).
 *
 * <p>Implementations are thread-safe.
 */
public interface ConfigWriter {

    /**
     * Writes the request's values to the store atomically, provided the store still holds, for every written
     * path, what the {@code basis} snapshot was built from (compare-and-swap).
     *
     * @param request the update, already authorized and validated by the manager
     * @param basis   the snapshot the update was checked against (the one the caller's expected version names,
     *                or the current one)
     * @return a short description of the write for the history, for example {@code etcd revision 42}; never a value
     * @throws ConfigConflictException if the store changed since {@code basis}; nothing was written
     * @throws ConfigException         if the store cannot be reached or refuses the write; nothing was written as
     *                                 far as the writer knows (its message says when the outcome is unknown)
     */
    String write(UpdateRequest request, Snapshot basis);
}
