package dev.lamina.config.internal.cache;

import java.util.function.Function;
import java.util.function.ToLongBiFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;

import dev.lamina.config.CacheStatistics;

/** {@link BoundedCache} over Caffeine; the only class of core that names Caffeine, loaded only when it is present. */
final class CaffeineCache<K, V> implements BoundedCache<K, V> {

    private final Cache<K, V> cache;

    private CaffeineCache(Cache<K, V> cache) {
        this.cache = cache;
    }

    static <K, V> BoundedCache<K, V> create(long bound, ToLongBiFunction<K, V> weigher, boolean recordStats) {
        Caffeine<Object, Object> builder = Caffeine.newBuilder();
        if (recordStats) {
            builder.recordStats();
        }
        if (weigher == null) {
            return new CaffeineCache<>(builder.maximumSize(bound).build());
        }
        return new CaffeineCache<>(builder.maximumWeight(bound)
                .weigher((K k, V v) -> (int) Math.min(Integer.MAX_VALUE, weigher.applyAsLong(k, v)))
                .build());
    }

    @Override
    public V getIfPresent(K key) {
        return cache.getIfPresent(key);
    }

    @Override
    public V get(K key, Function<? super K, ? extends V> load) {
        return cache.get(key, load);
    }

    @Override
    public void put(K key, V value) {
        cache.put(key, value);
    }

    @Override
    public void invalidateAll() {
        cache.invalidateAll();
    }

    @Override
    public long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    @Override
    public CacheStatistics statistics() {
        CacheStats st = cache.stats();
        return new CacheStatistics(st.hitCount(), st.missCount(), st.evictionCount());
    }
}
