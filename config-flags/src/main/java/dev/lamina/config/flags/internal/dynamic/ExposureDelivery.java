package dev.lamina.config.flags.internal.dynamic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lamina.config.flags.EvaluationContext;
import dev.lamina.config.flags.ExposureEvent;
import dev.lamina.config.flags.ExposureListener;

/**
 * Counts exposures and calls exposure listeners synchronously on the assigning thread. With no listener
 * registered, an exposure allocates nothing (one counter increment). A listener that throws is logged once at
 * warn, later at debug, and never fails the assignment. Thread-safe: the listeners are an array replaced on
 * change.
 */
public final class ExposureDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(ExposureDelivery.class);
    private static final ExposureListener[] NONE = new ExposureListener[0];

    private final Set<ExposureListener> failed = ConcurrentHashMap.newKeySet();
    private volatile ExposureListener[] listeners = NONE;

    /** @param listener a listener to add */
    public synchronized void add(ExposureListener listener) {
        Objects.requireNonNull(listener, "listener");
        ExposureListener[] next = Arrays.copyOf(listeners, listeners.length + 1);
        next[next.length - 1] = listener;
        listeners = next;
    }

    /**
     * @param listener a listener to remove
     * @return {@code true} when it was registered
     */
    public synchronized boolean remove(ExposureListener listener) {
        List<ExposureListener> list = new ArrayList<>(Arrays.asList(listeners));
        boolean removed = list.remove(listener);
        listeners = list.isEmpty() ? NONE : list.toArray(ExposureListener[]::new);
        return removed;
    }

    /**
     * Counts one exposure and tells the listeners.
     *
     * @param x       the experiment
     * @param index   the variant's index
     * @param ctx     the user's context
     * @param version the version of the snapshot the assignment used
     */
    public void exposed(ExperimentRuntime x, int index, EvaluationContext ctx, long version) {
        x.countExposure(index);
        ExposureListener[] ls = listeners;
        if (ls.length == 0) {
            return;
        }
        ExposureEvent event = new ExposureEvent(x.key(), x.name(index), ctx, version);
        for (ExposureListener l : ls) {
            try {
                l.onExposure(event);
            } catch (RuntimeException e) {
                if (failed.add(l)) {
                    LOG.warn("exposure listener {} threw (logged once; later failures at debug)", l, e);
                } else {
                    LOG.debug("exposure listener {} threw", l, e);
                }
            }
        }
    }
}
