package dev.lamina.config;

import java.util.Optional;

/**
 * Notified once per published snapshot with the whole previous and new state, for consumers that compile the
 * configuration into something of their own (feature flags, an OpenFeature provider). Unlike
 * {@link ConfigChangeListener}, which receives one event per changed leaf, a snapshot listener sees each
 * version exactly once, in version order.
 *
 * <p>Delivered on the manager's event thread (or its listener executor), after the swap: readers already see
 * {@code current}. A listener that throws is logged and does not stop the others.
 */
public interface SnapshotListener {

    /**
     * @param previous the snapshot replaced, or empty for the first load
     * @param current  the snapshot now in force
     */
    void onPublish(Optional<Snapshot> previous, Snapshot current);

    /**
     * A load, reload or update was refused; the previous snapshot stays in force. Does nothing by default.
     *
     * @param error what went wrong, secrets masked
     */
    default void onRejected(ConfigErrorEvent error) {
    }

    /**
     * A source added to the manager went stale or became current again (see {@link SourceHealth}); called once per
     * change of a source's status, in order with the snapshots. The snapshot in force is unchanged by it. Does
     * nothing by default.
     *
     * @param health the source's new status
     */
    default void onSourceHealth(SourceHealth health) {
    }
}
