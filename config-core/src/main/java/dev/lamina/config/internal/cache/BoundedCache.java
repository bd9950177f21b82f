package dev.lamina.config.internal.cache;

import java.util.function.Function;
import java.util.function.ToLongBiFunction;

import dev.lamina.config.CacheStatistics;

/**
 * A bounded, thread-safe cache: Caffeine's when {@code com.github.benmanes.caffeine:caffeine} is on the class path
 * (concurrent, W-TinyLFU eviction), else a small synchronized LRU map. Caffeine is an optional dependency of core: a
 * service that never caches enough to feel the difference should not carry a megabyte of jar and load seventy
 * classes at start for it (see docs/installation.md).
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public interface BoundedCache<K, V> {

    /**
     * @param key a key
     * @return the value held for it, or {@code null}
     */
    V getIfPresent(K key);

    /**
     * @param key  a key
     * @param load computes the value on a miss; its exceptions propagate and nothing is stored
     * @return the value held or loaded
     */
    V get(K key, Function<? super K, ? extends V> load);

    /**
     * @param key   a key
     * @param value the value to hold
     */
    void put(K key, V value);

    /** Drops every entry. */
    void invalidateAll();

    /** @return the number of entries held, after pending maintenance */
    long size();

    /** @return hits, misses and evictions so far (zeros when statistics are not recorded) */
    CacheStatistics statistics();

    /**
     * A cache bounded by entry count.
     *
     * @param maximumSize  how many entries to keep; positive
     * @param recordStats  whether to count hits, misses and evictions
     * @param <K>          the key type
     * @param <V>          the value type
     * @return a new cache
     */
    static <K, V> BoundedCache<K, V> ofSize(long maximumSize, boolean recordStats) {
        return Caches.create(maximumSize, null, recordStats);
    }

    /**
     * A cache bounded by total weight.
     *
     * @param maximumWeight the bound on the sum of the entries' weights; positive
     * @param weigher       an entry's weight, at least 1
     * @param <K>           the key type
     * @param <V>           the value type
     * @return a new cache
     */
    static <K, V> BoundedCache<K, V> ofWeight(long maximumWeight, ToLongBiFunction<K, V> weigher) {
        return Caches.create(maximumWeight, weigher, false);
    }
}
