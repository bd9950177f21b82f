package dev.lamina.config.internal.runtime;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import dev.lamina.config.Configuration;
import dev.lamina.config.internal.cache.BoundedCache;

/**
 * Tenant views in a bounded cache, keyed by (version, generation, tenant). The generation moves on every
 * publish and reload, so a view computed concurrently with an invalidation can never be served afterwards, even
 * if the cache stores it after {@code invalidateAll}. Thread-safe.
 */
public final class TenantViews {

    private record Key(long version, long generation, String tenant) {
    }

    private final BoundedCache<Key, Configuration> cache;
    private final AtomicLong generation = new AtomicLong();

    /** @param maximumSize how many views to keep */
    public TenantViews(long maximumSize) {
        this.cache = BoundedCache.ofSize(maximumSize, false);
    }

    /**
     * @param version the snapshot version the view is built on
     * @param tenant  a validated tenant id
     * @param build   builds the view on a miss; its exceptions propagate and nothing is cached
     * @return the view
     */
    public Configuration get(long version, String tenant, Supplier<Configuration> build) {
        return cache.get(new Key(version, generation.get(), tenant), k -> build.get());
    }

    /** Forgets every view: the next {@link #get} builds afresh. */
    public void invalidate() {
        generation.incrementAndGet();
        cache.invalidateAll();
    }
}
