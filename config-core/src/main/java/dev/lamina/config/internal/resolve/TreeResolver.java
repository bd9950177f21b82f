package dev.lamina.config.internal.resolve;

import dev.lamina.config.ConfigObject;

/**
 * Interpolates every string scalar of a merged tree. (Stub: the interpolation work replaces the body.)
 */
public final class TreeResolver {

    private TreeResolver() {
    }

    /**
     * @param merged   the merged tree
     * @param settings environment, resolvers, base directory, secret policy
     * @return the tree with every expression replaced; origins kept
     * @throws dev.lamina.config.ConfigResolveException naming path and origin of the failing string
     */
    public static ConfigObject resolve(ConfigObject merged, ResolveSettings settings) {
        return merged;
    }
}
