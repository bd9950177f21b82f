package dev.lamina.config;

/**
 * Counters of a manager's value cache (typed values and bound objects, per snapshot version).
 *
 * @param hits      lookups answered from the cache
 * @param misses    lookups that had to convert or bind
 * @param evictions entries dropped to stay within the bound
 */
public record CacheStatistics(long hits, long misses, long evictions) {

    /** @return hits divided by lookups; {@code 1.0} before any lookup, as Caffeine reports it */
    public double hitRatio() {
        long total = hits + misses;
        return total == 0 ? 1.0 : (double) hits / total;
    }
}
