package dev.lamina.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.lamina.config.internal.merge.TreeMerger;
import dev.lamina.config.internal.render.DotenvText;
import dev.lamina.config.internal.render.EnvNames;

/**
 * Small transformations between configurations and flat variable maps, as the product named them
 * ({@code merge_configs}, {@code filter_by_prefix}, {@code transform_to_env_format}), plus writing {@code .env}
 * text that Lamina's {@code .env} source (and Docker Compose) read back to the same values. Stateless and
 * thread-safe.
 *
 * <p>Values here are the real ones, secrets included: these methods serve export to the systems that need
 * them (a {@code .env} file, a Kubernetes Secret). For a view a person reads, use {@link ConfigRenderer}, which
 * masks.
 */
public final class ConfigurationUtils {

    private static final int LISTED = 5;

    private ConfigurationUtils() {
    }

    /**
     * Deep-merges two trees: {@code overlay}'s values win, objects merge key by key, lists are replaced (the default
     * {@link MergeOptions}).
     *
     * @param base    the lower tree, not {@code null}
     * @param overlay the higher tree, not {@code null}
     * @return the merged tree; neither argument is changed
     * @throws ConfigException if a path is an object in one tree and a value in the other and the merge options
     *                         forbid it
     */
    public static ConfigObject mergeConfigs(ConfigObject base, ConfigObject overlay) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(overlay, "overlay");
        return new TreeMerger(MergeOptions.defaults()).merge(base, overlay);
    }

    /**
     * The entries whose name starts with a prefix ({@code filterByPrefix(vars, "DB_")}), in their order, names kept.
     *
     * @param variables a flat map such as {@link #transformToEnvFormat}'s, not {@code null}
     * @param prefix    the prefix, compared case-sensitively; {@code ""} keeps everything
     * @return a new insertion-ordered map
     */
    public static Map<String, String> filterByPrefix(Map<String, String> variables, String prefix) {
        Objects.requireNonNull(variables, "variables");
        Objects.requireNonNull(prefix, "prefix");
        Map<String, String> out = new LinkedHashMap<>();
        variables.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /**
     * Every value of a configuration as an environment variable, named by the inverse of the environment
     * variable mapping ({@code database.pool_size} → {@code PREFIX_DATABASE_POOL__SIZE}, list items
     * {@code HOSTS_0}), so that {@code ConfigSources.environmentVariables(prefix)} or a {@code .env} file reads the
     * same tree back. Nulls and empty objects or lists hold no value a variable can carry and are left out.
     *
     * @param config the configuration, not {@code null}
     * @param prefix the name prefix, such as {@code LAMINA_}, or {@code ""}; upper-case letters, digits and {@code _}
     * @return variable name to value (the written text of each scalar), in the configuration's order
     * @throws ConfigException          if a key cannot be written as a variable name ({@code maxConnections},
     *                                  {@code eu.west}): the message lists such paths; rename them or filter them out
     * @throws IllegalArgumentException if the prefix is not a variable-name prefix
     */
    public static Map<String, String> transformToEnvFormat(Configuration config, String prefix) {
        Objects.requireNonNull(config, "config");
        return transformToEnvFormat(config.root(), prefix);
    }

    /**
     * As {@link #transformToEnvFormat(Configuration, String)}, for a tree.
     *
     * @param root   the tree, not {@code null}
     * @param prefix the name prefix, or {@code ""}
     * @return variable name to value
     * @throws ConfigException          if a key cannot be written as a variable name
     * @throws IllegalArgumentException if the prefix is not a variable-name prefix
     */
    public static Map<String, String> transformToEnvFormat(ConfigObject root, String prefix) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(prefix, "prefix");
        if (!prefix.isEmpty() && !prefix.matches("[A-Z][A-Z0-9_]*")) {
            throw new IllegalArgumentException("invalid env prefix '" + prefix
                    + "': upper-case letters, digits and '_', starting with a letter");
        }
        Map<String, String> out = new LinkedHashMap<>();
        List<ConfigPath> unnamed = new ArrayList<>();
        walk(root, ConfigPath.root(), prefix, out, unnamed);
        if (!unnamed.isEmpty()) {
            StringBuilder list = new StringBuilder();
            for (int i = 0; i < Math.min(LISTED, unnamed.size()); i++) {
                list.append(i == 0 ? "" : ", ").append(unnamed.get(i));
            }
            if (unnamed.size() > LISTED) {
                list.append(" and ").append(unnamed.size() - LISTED).append(" more");
            }
            throw new ConfigException(unnamed.get(0).isRoot() ? root.origin() : originOf(root, unnamed.get(0)),
                    unnamed.get(0), unnamed.size() + " key(s) cannot be written as environment variable names ("
                    + list + "): a name maps back only from lower-case letters, digits and single '_' or '-' "
                    + "between them; rename the keys or filter them out first");
        }
        return out;
    }

    /**
     * Writes variables as {@code .env} lines ({@code NAME=value}), each value quoted with
     * {@link #quoteEnvValue} so that reading the text back as a {@code .env} source gives the same strings.
     *
     * @param variables name to value, not {@code null}; names must be variable names ({@code [A-Za-z_][A-Za-z0-9_]*})
     * @return the text, one line per entry, ending with a newline (empty for an empty map)
     * @throws IllegalArgumentException if a name is not a variable name
     */
    public static String toEnvFile(Map<String, String> variables) {
        Objects.requireNonNull(variables, "variables");
        StringBuilder sb = new StringBuilder();
        variables.forEach((k, v) -> {
            if (!k.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("'" + k.replaceAll("\\p{Cntrl}", "?")
                        + "' is not a variable name ([A-Za-z_][A-Za-z0-9_]*)");
            }
            sb.append(k).append('=').append(quoteEnvValue(Objects.requireNonNull(v, "value of " + k))).append('\n');
        });
        return sb.toString();
    }

    /**
     * Quotes one value for a {@code .env} file: plain when it holds only letters, digits and {@code _./:,@%+=-},
     * otherwise double-quoted with {@code \\ \" \$ \n \r \t} escaped and other control characters as
     * {@code \0ooo}. Lamina's and Docker Compose's readers give back exactly {@code value}. Not meant for a shell's
     * {@code source} (use {@link RenderFormat#ENV} for that).
     *
     * @param value any string, not {@code null}
     * @return the text to write after {@code NAME=}
     */
    public static String quoteEnvValue(String value) {
        return DotenvText.quote(Objects.requireNonNull(value, "value"));
    }

    private static void walk(ConfigNode node, ConfigPath path, String prefix, Map<String, String> out,
                             List<ConfigPath> unnamed) {
        if (node instanceof ConfigObject o) {
            o.entries().forEach((k, v) -> walk(v, path.child(k), prefix, out, unnamed));
        } else if (node instanceof ConfigList l) {
            for (int i = 0; i < l.size(); i++) {
                walk(l.items().get(i), path.child(i), prefix, out, unnamed);
            }
        } else if (node instanceof ConfigScalar s) {
            Optional<String> name = EnvNames.of(prefix, path);
            if (name.isPresent()) {
                out.put(name.get(), s.text());
            } else {
                unnamed.add(path);
            }
        }
    }

    private static Origin originOf(ConfigObject root, ConfigPath path) {
        ConfigNode n = root;
        for (String seg : path.segments()) {
            if (n instanceof ConfigObject o && o.get(seg).isPresent()) {
                n = o.get(seg).get();
            } else if (n instanceof ConfigList l && seg.chars().allMatch(Character::isDigit)
                    && Integer.parseInt(seg) < l.size()) {
                n = l.items().get(Integer.parseInt(seg));
            } else {
                return root.origin();
            }
        }
        return n.origin();
    }
}
