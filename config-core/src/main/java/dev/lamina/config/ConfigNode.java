package dev.lamina.config;

/**
 * One node of an immutable configuration tree: an object, a list, a scalar or an explicit null.
 *
 * <p>Every node carries the {@link Origin} it was read from. Trees are built by the parsers and the
 * merge pipeline and never change afterwards, so they can be shared freely between threads.
 */
public sealed interface ConfigNode permits ConfigObject, ConfigList, ConfigScalar, ConfigNull {

    /** @return where this node was written; never {@code null} */
    Origin origin();

    /**
     * Returns the same node with another origin (the tree below is shared, not copied).
     *
     * @param origin the new origin
     * @return a node equal to this one except for its origin
     */
    ConfigNode withOrigin(Origin origin);

    /** @return a short name of the node's kind for messages: {@code object}, {@code list}, {@code string}, … */
    String kindName();
}
