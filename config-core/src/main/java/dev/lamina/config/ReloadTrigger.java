package dev.lamina.config;

/**
 * Tells a {@code ConfigurationManager} when to reload: the directory watcher is one implementation, a remote
 * store's watch another. Added with {@link ConfigurationOptions.Builder#addReloadTrigger(ReloadTrigger)} or
 * offered by a source through {@link ConfigSource#reloadTrigger()}.
 *
 * <p>The manager calls {@link #start} once, after its first successful load (and again after {@link #stop} if
 * hot reload is enabled again), and {@link #stop} when hot reload is disabled or the manager closes.
 * Implementations run their own threads; they must never block in {@link Sink} calls' callers' threads.
 */
public interface ReloadTrigger {

    /**
     * Starts watching. Must return promptly.
     *
     * @param sink where to ask for reloads and report failures
     * @throws ConfigException when watching cannot start (the manager reports it and keeps serving)
     */
    void start(Sink sink);

    /** Stops watching and releases threads; idempotent; never throws. */
    void stop();

    /** What a trigger may ask of the manager. Thread-safe; calls never block on a reload in progress. */
    interface Sink {

        /**
         * Asks for a reload; requests that arrive while one is running coalesce into one more.
         *
         * @param cause why, for the audit log and events ({@code "etcd revision 42"})
         */
        void requestReload(String cause);

        /**
         * Reports a failure of the trigger itself (connection lost, watch cancelled); delivered as an error
         * event. The current snapshot stays in force.
         *
         * @param error the failure; its message must not contain a secret
         */
        void reportError(ConfigException error);

        /**
         * Reports whether a source serves current content (see {@link SourceHealth}). Report every change of status
         * (repeating the same status is harmless: the manager tells listeners of changes only); a trigger may report
         * before its first change too, when its source is already stale at {@link #start}. The manager's sink
         * forwards it to {@link SnapshotListener#onSourceHealth}; this default ignores it.
         *
         * @param health the source's status
         */
        default void reportHealth(SourceHealth health) {
        }
    }
}
