package dev.lamina.config.spi;

import java.util.List;
import java.util.Map;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;

/**
 * Builds a value of type {@code T} from a configuration tree, bottom-up: {@link ConfigTrees#fold} calls
 * {@link #scalar} and {@link #nullValue} for the leaves, then {@link #list} and {@link #object} with the results of
 * their children. Converting the tree to another library's model (a JSON tree for a schema validator, plain maps)
 * is one implementation of this interface, with no recursion of its own.
 *
 * <p>Each method gets the node (for its origin and, for a scalar, its text and type) and the node's path relative
 * to the root passed to {@code fold}. Implementations may return {@code null} where their model has nulls; the
 * fold passes such results on as they are. An implementation used from several threads must be thread-safe itself;
 * the fold keeps no state between calls.
 *
 * @param <T> what each node becomes
 */
public interface TreeFolder<T> {

    /**
     * @param node     the object
     * @param path     its path relative to the fold's root
     * @param children each entry's result, in the object's entry order; unmodifiable
     * @return the object's result
     */
    T object(ConfigObject node, ConfigPath path, Map<String, T> children);

    /**
     * @param node  the list
     * @param path  its path relative to the fold's root
     * @param items each item's result, in order; unmodifiable
     * @return the list's result
     */
    T list(ConfigList node, ConfigPath path, List<T> items);

    /**
     * @param node the scalar; its {@link ConfigScalar#text() text} is exactly as written
     * @param path its path relative to the fold's root
     * @return the scalar's result
     */
    T scalar(ConfigScalar node, ConfigPath path);

    /**
     * @param node the explicit null
     * @param path its path relative to the fold's root
     * @return the null's result
     */
    T nullValue(ConfigNull node, ConfigPath path);
}
