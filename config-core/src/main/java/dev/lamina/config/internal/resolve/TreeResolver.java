package dev.lamina.config.internal.resolve;

import java.util.Objects;
import java.util.Set;

import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;

/**
 * Interpolates every string scalar of a merged tree: {@code ${NAME}} with the bash operators, {@code $NAME},
 * {@code $$}, and namespaced lookups {@code ${ref:path}}, {@code ${file:path}} and user resolvers. The grammar
 * and the choices behind it are in {@code docs/interpolation.md}.
 *
 * <p>Keys are never interpolated, nor numbers and booleans (their text cannot hold an expression). A resolved
 * value is inserted as is: text that comes from the environment, a file, a resolver or a referenced key is not
 * scanned again (a referenced key's own expressions are resolved first, at its own path). Stateless and
 * thread-safe; each call works on its own state.
 */
public final class TreeResolver {

    private TreeResolver() {
    }

    /**
     * @param merged   the merged tree; never {@code null}
     * @param settings environment, resolvers, base directory, secret policy; never {@code null}
     * @return the tree with every expression replaced; nodes without expressions are the same instances, origins
     *         are kept and an interpolated scalar is a {@link dev.lamina.config.ScalarType#STRING}
     * @throws dev.lamina.config.ConfigResolveException naming path and origin of the failing string: unset variable
     *         without default, {@code :?} on a missing value, unknown resolver prefix, missing reference or file,
     *         reference cycle, invalid template, value over the length limit
     * @throws NullPointerException if an argument is {@code null}
     */
    public static ConfigObject resolve(ConfigObject merged, ResolveSettings settings) {
        return resolveMarking(merged, settings, "").tree();
    }

    /**
     * The resolved tree and the paths whose value a resolver or decoder marked secret.
     *
     * @param tree    the resolved tree
     * @param secrets paths made secret by a {@link dev.lamina.config.ResolvedValue#secret() secret} result,
     *                including paths that reference one with {@code ${ref:...}}
     */
    public record Result(ConfigObject tree, Set<ConfigPath> secrets) {
        /** Copies the set. */
        public Result {
            Objects.requireNonNull(tree, "tree");
            secrets = Set.copyOf(secrets);
        }
    }

    /**
     * As {@link #resolve}, also returning the paths marked secret.
     *
     * @param merged          the merged tree
     * @param settings        the settings
     * @param environmentName the environment being loaded, for {@link dev.lamina.config.ValueContext}; may be empty
     * @return the tree and the marked paths
     * @throws dev.lamina.config.ConfigResolveException as {@link #resolve}, and when a decoder fails
     */
    public static Result resolveMarking(ConfigObject merged, ResolveSettings settings, String environmentName) {
        Objects.requireNonNull(merged, "merged");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(environmentName, "environmentName");
        Resolution r = new Resolution(merged, settings, environmentName);
        ConfigObject tree = r.resolveTree();
        return new Result(tree, r.markedSecret());
    }
}
