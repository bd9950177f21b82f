package dev.lamina.config.internal.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The manager's Micrometer meters: {@code lamina.config.load} (timer), {@code lamina.config.reload} (counter,
 * tag {@code result} = {@code applied}, {@code unchanged} or {@code rejected}), {@code lamina.config.version} and
 * {@code lamina.config.cache.hit.ratio} (gauges). Without a registry every call does nothing.
 */
public final class ManagerMetrics implements AutoCloseable {

    /** The outcome of a reload. */
    public enum Result {
        /** A new version was published. */
        APPLIED,
        /** The content was identical; nothing was published. */
        UNCHANGED,
        /** The candidate failed; the last good snapshot stays. */
        REJECTED
    }

    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();
    private final Timer load;
    private final Counter[] reloads = new Counter[Result.values().length];

    /**
     * @param registry     where to register, or {@code null} for none
     * @param version      supplies the current version
     * @param cacheHitRate supplies the value cache's hit ratio
     */
    public ManagerMetrics(MeterRegistry registry, LongSupplier version, DoubleSupplier cacheHitRate) {
        this.registry = registry;
        if (registry == null) {
            this.load = null;
            return;
        }
        // Meters that already exist belong to another manager on the same registry: never remove those.
        java.util.Set<Meter.Id> existing = new java.util.HashSet<>();
        registry.forEachMeter(m -> existing.add(m.getId()));
        this.load = Timer.builder("lamina.config.load")
                .description("Time to read, merge, resolve and validate a configuration candidate")
                .register(registry);
        meters.add(load);
        for (Result r : Result.values()) {
            Counter c = Counter.builder("lamina.config.reload")
                    .description("Reloads from the configuration files, by result")
                    .tag("result", r.name().toLowerCase(java.util.Locale.ROOT))
                    .register(registry);
            reloads[r.ordinal()] = c;
            meters.add(c);
        }
        meters.add(Gauge.builder("lamina.config.version", version, s -> s.getAsLong())
                .description("The version of the configuration in force").strongReference(true).register(registry));
        meters.add(Gauge.builder("lamina.config.cache.hit.ratio", cacheHitRate, DoubleSupplier::getAsDouble)
                .description("Hit ratio of the typed-value and binding cache").strongReference(true).register(registry));
        meters.removeIf(m -> existing.contains(m.getId()));
    }

    /** @param nanos how long one candidate took to build */
    public void recordLoad(long nanos) {
        if (load != null) {
            load.record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    /** @param result a reload's outcome */
    public void reload(Result result) {
        if (registry != null) {
            reloads[result.ordinal()].increment();
        }
    }

    /** Removes the meters this manager registered (not those another manager registered first). */
    @Override
    public void close() {
        if (registry != null) {
            meters.forEach(registry::remove);
        }
    }
}
