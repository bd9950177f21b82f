package dev.lamina.config.internal.runtime;

import java.util.Optional;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * The manager's metrics: {@code lamina.config.load} (timer), {@code lamina.config.reload} (counter, tag
 * {@code result} = {@code applied}, {@code unchanged} or {@code rejected}), {@code lamina.config.version} and
 * {@code lamina.config.cache.hit.ratio} (gauges), on the Micrometer registry the options name. Without a registry
 * this base class does nothing and no Micrometer class is ever loaded, so Micrometer can stay an optional
 * dependency.
 */
public class ManagerMetrics implements AutoCloseable {

    /** The outcome of a reload. */
    public enum Result {
        /** A new version was published. */
        APPLIED,
        /** The content was identical; nothing was published. */
        UNCHANGED,
        /** The candidate failed; the last good snapshot stays. */
        REJECTED
    }

    private static final ManagerMetrics NONE = new ManagerMetrics();

    ManagerMetrics() {
    }

    /**
     * @param registry     the options' registry (a {@code MeterRegistry}), if any
     * @param version      supplies the current version
     * @param cacheHitRate supplies the value cache's hit ratio
     * @return meters on the registry, or metrics that do nothing
     */
    public static ManagerMetrics create(Optional<?> registry, LongSupplier version, DoubleSupplier cacheHitRate) {
        return registry.isEmpty() ? NONE : new MicrometerManagerMetrics(registry.get(), version, cacheHitRate);
    }

    /** @param nanos how long one candidate took to build */
    public void recordLoad(long nanos) {
    }

    /** @param result a reload's outcome */
    public void reload(Result result) {
    }

    /** Removes the meters this manager registered (not those another manager registered first). */
    @Override
    public void close() {
    }
}
