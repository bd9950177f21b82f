package dev.lamina.config.internal.cache;

import java.util.function.ToLongBiFunction;

/** Chooses the implementation of {@link BoundedCache} once, by whether Caffeine can be loaded. */
final class Caches {

    /**
     * Whether Caffeine is on the class path (or, on the module path, resolved because the application requires it).
     * Computed once per class loader by the JVM's class initialisation; not mutable state of ours.
     */
    private static final boolean CAFFEINE = present("com.github.benmanes.caffeine.cache.Caffeine");

    private Caches() {
    }

    static <K, V> BoundedCache<K, V> create(long bound, ToLongBiFunction<K, V> weigher, boolean recordStats) {
        if (bound <= 0) {
            throw new IllegalArgumentException("the bound must be positive, was " + bound);
        }
        return CAFFEINE ? CaffeineCache.create(bound, weigher, recordStats) : new LruCache<>(bound, weigher);
    }

    static boolean present(String className) {
        try {
            Class.forName(className, false, Caches.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
