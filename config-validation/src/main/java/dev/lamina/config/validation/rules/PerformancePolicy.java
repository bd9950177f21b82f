package dev.lamina.config.validation.rules;

import java.time.Duration;
import java.util.Objects;

/**
 * Thresholds of the performance pack. Immutable; start from {@link #DEFAULTS}.
 *
 * @param maxPoolSize   the largest connection/worker pool accepted
 * @param maxTimeout    the longest timeout accepted
 * @param maxCacheTtl   the longest cache time-to-live accepted
 * @param maxCacheBytes the largest cache size accepted, in bytes
 * @param maxReplicas   the largest replica count accepted
 */
public record PerformancePolicy(int maxPoolSize, Duration maxTimeout, Duration maxCacheTtl, long maxCacheBytes,
                                int maxReplicas) {

    /** The documented defaults: pools up to 1000, timeouts up to 1 h, cache TTL up to 7 days and 1 TiB, 1000 replicas. */
    public static final PerformancePolicy DEFAULTS = new PerformancePolicy(1000, Duration.ofHours(1),
            Duration.ofDays(7), 1L << 40, 1000);

    /**
     * Checks the components.
     *
     * @throws NullPointerException     if a duration is {@code null}
     * @throws IllegalArgumentException if a limit is not positive
     */
    public PerformancePolicy {
        Objects.requireNonNull(maxTimeout, "maxTimeout");
        Objects.requireNonNull(maxCacheTtl, "maxCacheTtl");
        if (maxPoolSize < 1 || maxReplicas < 1 || maxCacheBytes < 1 || maxTimeout.isNegative() || maxTimeout.isZero()
                || maxCacheTtl.isNegative() || maxCacheTtl.isZero()) {
            throw new IllegalArgumentException("performance limits must be positive");
        }
    }
}
