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
 * {@link ManagerMetrics} on a Micrometer registry: the only runtime class that names Micrometer, loaded only when a
 * registry was given (Micrometer is an optional dependency of core).
 */
final class MicrometerManagerMetrics extends ManagerMetrics {

    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();
    private final Timer load;
    private final Counter[] reloads = new Counter[Result.values().length];

    /**
     * @param registry     where to register (a {@code MeterRegistry})
     * @param version      supplies the current version
     * @param cacheHitRate supplies the value cache's hit ratio
     */
    MicrometerManagerMetrics(Object registry, LongSupplier version, DoubleSupplier cacheHitRate) {
        this((MeterRegistry) registry, version, cacheHitRate);
    }

    private MicrometerManagerMetrics(MeterRegistry registry, LongSupplier version, DoubleSupplier cacheHitRate) {
        this.registry = registry;
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

    @Override
    public void recordLoad(long nanos) {
        load.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void reload(Result result) {
        reloads[result.ordinal()].increment();
    }

    /** Removes the meters this manager registered (not those another manager registered first). */
    @Override
    public void close() {
        meters.forEach(registry::remove);
    }
}
