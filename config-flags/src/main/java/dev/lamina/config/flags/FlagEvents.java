package dev.lamina.config.flags;

import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lamina.config.ConfigErrorEvent;
import dev.lamina.config.Snapshot;
import dev.lamina.config.SnapshotListener;

/**
 * Delivers {@link DynamicConfigurationManager}'s flag events through the configuration manager's own event
 * dispatcher: it is a {@link SnapshotListener}, so it runs once per published snapshot, in version order, on the
 * manager's event thread (or its listener executor), and flags need no thread of their own.
 *
 * <p>Definitions may be compiled on any thread (an evaluation compiles a new version lazily); each compilation
 * queues what it has to announce ({@link #compiled}), and the next {@link #onPublish} delivers the queue in
 * compilation order. A flag listener that throws is logged and the others still run.
 */
final class FlagEvents implements SnapshotListener {

    private static final Logger LOG = LoggerFactory.getLogger(FlagEvents.class);

    private final List<FlagChangeListener> listeners = new CopyOnWriteArrayList<>();
    private final Queue<Runnable> pending = new ConcurrentLinkedQueue<>();
    private final Runnable catchUp;
    private volatile boolean closed;

    /** @param catchUp compiles the newest snapshot if no evaluation has (so events flow when nobody evaluates) */
    FlagEvents(Runnable catchUp) {
        this.catchUp = catchUp;
    }

    void add(FlagChangeListener listener) {
        listeners.add(listener);
    }

    boolean remove(FlagChangeListener listener) {
        return listeners.remove(listener);
    }

    /**
     * Queues the announcements of one compilation (called under the compile lock, so in version order).
     *
     * @param prev the state replaced
     * @param next the state compiled
     */
    void compiled(SnapshotFlags prev, SnapshotFlags next) {
        if (closed || listeners.isEmpty()) {
            return;
        }
        if (next.failure != null) {
            ConfigErrorEvent error = ConfigErrorEvent.of(next.failure);
            pending.add(() -> deliver(l -> l.onDefinitionError(error)));
        } else if (next.evaluator != prev.evaluator) {
            pending.add(() -> {
                List<FlagChangeEvent> changes;
                try {
                    changes = SnapshotFlags.changes(prev, next);
                } catch (RuntimeException e) {
                    LOG.warn("flag change events of version {} could not be built", next.snapshot.version(), e);
                    return;
                }
                for (FlagChangeEvent e : changes) {
                    deliver(l -> l.onFlagChange(e));
                }
            });
        }
    }

    @Override
    public void onPublish(Optional<Snapshot> previous, Snapshot current) {
        if (closed) {
            return;
        }
        catchUp.run();
        // Only the event thread drains (one at a time with the default single-threaded dispatcher; the lock
        // keeps the order with a caller's multi-threaded listener executor too).
        synchronized (pending) {
            for (Runnable r = pending.poll(); r != null; r = pending.poll()) {
                if (!closed) {
                    r.run();
                }
            }
        }
    }

    /** Stops delivering; queued announcements are dropped. */
    void close() {
        closed = true;
        pending.clear();
    }

    private void deliver(Consumer<FlagChangeListener> call) {
        for (FlagChangeListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("flag change listener {} threw; the others still run", l, e);
            }
        }
    }
}
