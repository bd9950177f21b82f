package dev.lamina.config.internal.runtime;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lamina.config.ConfigChangeEvent;
import dev.lamina.config.ConfigChangeListener;
import dev.lamina.config.ConfigErrorEvent;
import dev.lamina.config.ConfigWarningEvent;
import dev.lamina.config.Snapshot;
import dev.lamina.config.SnapshotListener;
import dev.lamina.config.SourceHealth;
import dev.lamina.config.internal.source.DaemonThreads;

/**
 * Delivers change, error, warning and snapshot events to listeners off the publishing thread. Each listener call is isolated: an
 * exception is logged and the next listener still runs. With the default executor (one daemon thread) events
 * arrive in the order they were published.
 */
public final class EventDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

    private final List<ConfigChangeListener> listeners = new CopyOnWriteArrayList<>();
    private final List<SnapshotListener> snapshotListeners = new CopyOnWriteArrayList<>();
    private final Executor executor;
    private final ExecutorService owned;

    /**
     * @param executor where to call listeners; {@code null} for a daemon thread owned by this dispatcher
     * @param name     a name for the owned thread
     */
    public EventDispatcher(Executor executor, String name) {
        if (executor == null) {
            this.owned = Executors.newSingleThreadExecutor(new DaemonThreads(name));
            this.executor = owned;
        } else {
            this.owned = null;
            this.executor = executor;
        }
    }

    /** @param listener a listener to add */
    public void add(ConfigChangeListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * @param listener a listener to remove
     * @return {@code true} when it was registered
     */
    public boolean remove(ConfigChangeListener listener) {
        return listeners.remove(listener);
    }

    /** @param listener a snapshot listener to add */
    public void add(SnapshotListener listener) {
        snapshotListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * @param listener a snapshot listener to remove
     * @return {@code true} when it was registered
     */
    public boolean remove(SnapshotListener listener) {
        return snapshotListeners.remove(listener);
    }

    /**
     * Delivers a published snapshot to every snapshot listener. Called under the publish lock, so tasks are
     * queued in version order.
     *
     * @param previous the snapshot replaced, or empty
     * @param current  the snapshot published
     */
    public void published(Optional<Snapshot> previous, Snapshot current) {
        if (snapshotListeners.isEmpty()) {
            return;
        }
        submit(() -> {
            for (SnapshotListener l : snapshotListeners) {
                try {
                    l.onPublish(previous, current);
                } catch (RuntimeException | Error ex) {
                    if (ex instanceof VirtualMachineError vme) {
                        throw vme;
                    }
                    LOG.warn("snapshot listener {} failed on version {}; other listeners still run",
                            l.getClass().getName(), current.version(), ex);
                }
            }
        });
    }

    /** @param event a refused load, reload or update, delivered to every snapshot listener */
    public void rejected(ConfigErrorEvent event) {
        if (snapshotListeners.isEmpty()) {
            return;
        }
        submit(() -> {
            for (SnapshotListener l : snapshotListeners) {
                try {
                    l.onRejected(event);
                } catch (RuntimeException | Error ex) {
                    if (ex instanceof VirtualMachineError vme) {
                        throw vme;
                    }
                    LOG.warn("snapshot listener {} failed on a rejection; other listeners still run",
                            l.getClass().getName(), ex);
                }
            }
        });
    }

    /** @param health a source's change of status, delivered to every snapshot listener */
    public void health(SourceHealth health) {
        if (snapshotListeners.isEmpty()) {
            return;
        }
        submit(() -> {
            for (SnapshotListener l : snapshotListeners) {
                try {
                    l.onSourceHealth(health);
                } catch (RuntimeException | Error ex) {
                    if (ex instanceof VirtualMachineError vme) {
                        throw vme;
                    }
                    LOG.warn("snapshot listener {} failed on the health of {}; other listeners still run",
                            l.getClass().getName(), health.source(), ex);
                }
            }
        });
    }

    /** @return {@code true} when at least one change listener is registered */
    public boolean hasListeners() {
        return !listeners.isEmpty();
    }

    /** @param events the changes of one version, delivered in order to every listener */
    public void changes(List<ConfigChangeEvent> events) {
        if (events.isEmpty() || listeners.isEmpty()) {
            return;
        }
        submit(() -> {
            for (ConfigChangeEvent e : events) {
                for (ConfigChangeListener l : listeners) {
                    try {
                        l.onChange(e);
                    } catch (RuntimeException | Error ex) {
                        if (ex instanceof VirtualMachineError vme) {
                            throw vme;
                        }
                        LOG.warn("config change listener {} failed on {} (version {}); other listeners still run",
                                l.getClass().getName(), e.path(), e.version(), ex);
                    }
                }
            }
        });
    }

    /** @param event an error to deliver to every listener */
    public void error(ConfigErrorEvent event) {
        if (listeners.isEmpty()) {
            return;
        }
        submit(() -> {
            for (ConfigChangeListener l : listeners) {
                try {
                    l.onError(event);
                } catch (RuntimeException | Error ex) {
                    if (ex instanceof VirtualMachineError vme) {
                        throw vme;
                    }
                    LOG.warn("config listener {} failed on an error event; other listeners still run",
                            l.getClass().getName(), ex);
                }
            }
        });
    }

    /** @param warnings the warnings of one successful load or reload, delivered in order to every listener */
    public void warnings(List<ConfigWarningEvent> warnings) {
        if (warnings.isEmpty() || listeners.isEmpty()) {
            return;
        }
        submit(() -> {
            for (ConfigWarningEvent w : warnings) {
                for (ConfigChangeListener l : listeners) {
                    try {
                        l.onWarning(w);
                    } catch (RuntimeException | Error ex) {
                        if (ex instanceof VirtualMachineError vme) {
                            throw vme;
                        }
                        LOG.warn("config listener {} failed on a warning event; other listeners still run",
                                l.getClass().getName(), ex);
                    }
                }
            }
        });
    }

    private void submit(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("listener executor refused an event (shut down?); event dropped", e);
        }
    }

    /** Stops the owned thread after the queued events are delivered (waiting at most a second). */
    @Override
    public void close() {
        if (owned != null) {
            owned.shutdown();
            try {
                if (!owned.awaitTermination(1, TimeUnit.SECONDS)) {
                    owned.shutdownNow();
                }
            } catch (InterruptedException e) {
                owned.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }
}
