package dev.lamina.config.internal.runtime;

import java.time.Duration;

import dev.lamina.config.CacheStatistics;
import dev.lamina.config.Configuration;
import dev.lamina.config.DataSize;
import dev.lamina.config.Snapshot;
import dev.lamina.config.internal.cache.BoundedCache;

/**
 * Typed values and bound objects of snapshots, keyed by (version, path, type), so a repeated conversion or
 * binding is one cache hit and a newer version is never answered from an older one. Thread-safe.
 */
public final class ValueCache {

    private record Key(long version, String path, Class<?> type, boolean bound) {
    }

    private final BoundedCache<Key, Object> cache;

    /** @param maximumSize how many entries to keep */
    public ValueCache(long maximumSize) {
        this.cache = BoundedCache.ofSize(maximumSize, true);
    }

    /**
     * @param snapshot the snapshot to read
     * @param path     a config path
     * @param type     String, a primitive or its box, Duration, DataSize, an enum, or a bindable type
     * @param <T>      the type
     * @return the converted value (boxed for a primitive type)
     */
    @SuppressWarnings("unchecked")
    public <T> T get(Snapshot snapshot, String path, Class<T> type) {
        Class<?> boxed = box(type);
        return (T) cache.get(new Key(snapshot.version(), path, boxed, false),
                k -> convert(snapshot.configuration(), path, boxed));
    }

    /**
     * @param snapshot the snapshot to read
     * @param path     a config path
     * @param type     the record or class
     * @param <T>      the type
     * @return the bound object, shared between callers
     */
    @SuppressWarnings("unchecked")
    public <T> T bind(Snapshot snapshot, String path, Class<T> type) {
        return (T) cache.get(new Key(snapshot.version(), path, type, true),
                k -> snapshot.configuration().bind(path, type));
    }

    /** @return hits, misses and evictions so far */
    public CacheStatistics statistics() {
        return cache.statistics();
    }

    /** @return the hit ratio, 1.0 before any lookup */
    public double hitRate() {
        return cache.statistics().hitRatio();
    }

    /** Drops every entry (they are keyed by version, so this only frees memory). */
    public void invalidate() {
        cache.invalidateAll();
    }

    private static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        if (type == int.class) {
            return Integer.class;
        }
        if (type == long.class) {
            return Long.class;
        }
        if (type == double.class) {
            return Double.class;
        }
        if (type == boolean.class) {
            return Boolean.class;
        }
        throw new IllegalArgumentException("unsupported primitive type " + type + " (use int, long, double or boolean)");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object convert(Configuration c, String path, Class<?> type) {
        if (type == String.class) {
            return c.getString(path);
        }
        if (type == Integer.class) {
            return c.getInt(path);
        }
        if (type == Long.class) {
            return c.getLong(path);
        }
        if (type == Double.class) {
            return c.getDouble(path);
        }
        if (type == Boolean.class) {
            return c.getBoolean(path);
        }
        if (type == Duration.class) {
            return c.getDuration(path);
        }
        if (type == DataSize.class) {
            return c.getSize(path);
        }
        if (type.isEnum()) {
            return c.getEnum(path, (Class) type);
        }
        return c.bind(path, type);
    }
}
