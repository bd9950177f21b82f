package dev.lamina.config.internal.bind;

import java.util.Objects;
import java.util.function.Predicate;

import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.KeyNaming;

/**
 * Binds configuration subtrees to records and classes (see {@code docs/reading-values.md}); the work is done by
 * {@link MapperBinder}, one strictly configured Jackson mapper.
 *
 * <p>The mapper is built on the first {@code bind}, and this class names no Jackson type: a service that only reads
 * values never opens Jackson's jars nor loads its databind and Java-time classes (several hundred), which was most
 * of a cold start (issue 11). One instance per loader is shared by every configuration it builds; thread-safe.
 */
public final class Binder {

    private final KeyNaming naming;
    private volatile MapperBinder engine;

    /** A binder that matches keys as written. */
    public Binder() {
        this(KeyNaming.AS_WRITTEN);
    }

    /** @param naming how keys match members */
    public Binder(KeyNaming naming) {
        this.naming = Objects.requireNonNull(naming, "naming");
    }

    /**
     * @param node   the subtree to bind
     * @param path   its full path (for messages)
     * @param type   the target type
     * @param secret tells which full paths hold secrets, so that their values are never quoted
     * @param <T>    the target type
     * @return the bound value; {@code null} only when {@code node} is an explicit null and the target is not primitive
     * @throws dev.lamina.config.ConfigBindException if the subtree does not fit the type
     */
    public <T> T bind(ConfigNode node, ConfigPath path, Class<T> type, Predicate<ConfigPath> secret) {
        MapperBinder e = engine;
        if (e == null) {
            synchronized (this) {
                e = engine;
                if (e == null) {
                    e = new MapperBinder(naming);
                    engine = e;
                }
            }
        }
        return e.bind(node, path, type, secret);
    }
}
