package dev.lamina.config.internal.runtime;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.lamina.config.Configuration;

/**
 * Tenant views in a bounded Caffeine cache, keyed by (version, generation, tenant). The generation moves on every
 * publish and reload, so a view computed concurrently with an invalidation can never be served afterwards, even
 * if Caffeine stores it after {@code invalidateAll}. Thread-safe.
 */
public final class TenantViews {

    private record Key(long version, long generation, String tenant) {
    }

    private final Cache<Key, Configuration> cache;
    private final AtomicLong generation = new AtomicLong();

    /** @param maximumSize how many views to keep */
    public TenantViews(long maximumSize) {
        this.cache = Caffeine.newBuilder().maximumSize(maximumSize).build();
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
