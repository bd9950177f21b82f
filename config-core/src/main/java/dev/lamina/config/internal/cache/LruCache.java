package dev.lamina.config.internal.cache;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongBiFunction;

import dev.lamina.config.CacheStatistics;

/**
 * {@link BoundedCache} without Caffeine: an access-ordered map under one lock, evicting least recently used entries
 * past the bound. Loading runs outside the lock, so a slow load never blocks other keys (two threads missing the same
 * key may both load it; the second result replaces the first, which is harmless for the pure loads Lamina caches).
 */
final class LruCache<K, V> implements BoundedCache<K, V> {

    private final long bound;
    private final ToLongBiFunction<K, V> weigher;
    private final LinkedHashMap<K, V> map = new LinkedHashMap<>(16, 0.75f, true);
    private long weight;
    private long hits;
    private long misses;
    private long evictions;

    LruCache(long bound, ToLongBiFunction<K, V> weigher) {
        this.bound = bound;
        this.weigher = weigher;
    }

    @Override
    public synchronized V getIfPresent(K key) {
        return map.get(key);
    }

    @Override
    public V get(K key, Function<? super K, ? extends V> load) {
        synchronized (this) {
            V v = map.get(key);
            if (v != null) {
                hits++;
                return v;
            }
            misses++;
        }
        V loaded = load.apply(key);
        if (loaded != null) {
            put(key, loaded);
        }
        return loaded;
    }

    @Override
    public synchronized void put(K key, V value) {
        V old = map.put(key, value);
        if (old != null) {
            weight -= weigh(key, old);
        }
        weight += weigh(key, value);
        Iterator<Map.Entry<K, V>> eldest = map.entrySet().iterator();
        while (weight > bound && eldest.hasNext()) {
            Map.Entry<K, V> e = eldest.next();
            weight -= weigh(e.getKey(), e.getValue());
            eldest.remove();
            evictions++;
        }
    }

    private long weigh(K key, V value) {
        return weigher == null ? 1 : Math.max(1, weigher.applyAsLong(key, value));
    }

    @Override
    public synchronized void invalidateAll() {
        map.clear();
        weight = 0;
    }

    @Override
    public synchronized long size() {
        return map.size();
    }

    @Override
    public synchronized CacheStatistics statistics() {
        return new CacheStatistics(hits, misses, evictions);
    }
}
