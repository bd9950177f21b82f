package dev.lamina.config;

import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import dev.lamina.config.internal.render.RenderSettings;
import dev.lamina.config.internal.render.TreeRenderer;

/**
 * Writes a configuration, or part of one, as YAML, JSON, {@code .properties} or environment-variable text,
 * with secrets masked and, on request, where each value was written.
 *
 * <p>What every format guarantees:
 * <ul>
 *   <li>Secret values (paths for which {@link Configuration#isSecret} is true, or any {@code ENC[...]}
 *       envelope) are written as {@value SecretPolicy#MASK}; keys stay visible.</li>
 *   <li>Scalars keep the type the source gave them ({@link ScalarType}): {@code "8080"} written quoted stays a
 *       string in JSON and YAML output, {@code 8080} stays a number; {@code 0755} and {@code NO} stay strings.</li>
 *   <li>Keys keep the order in which they were written.</li>
 *   <li>With {@link Options#showOrigins()}: YAML gets a trailing {@code # source:line:column} comment on each
 *       line, properties and env get a {@code # source:line:column} comment line before each entry, and JSON
 *       writes every scalar and null as {@code {"value": ..., "origin": "source:line:column"}}.</li>
 * </ul>
 *
 * <p>Properties and env output are flat: one entry per scalar. Explicit nulls (only possible inside lists)
 * and empty objects or lists cannot be written in these formats and appear as comment lines instead, and in
 * env output, so do keys that no environment variable name can express; nothing is dropped silently.
 *
 * <p>Stateless and thread-safe; every method returns a new string ending in a line break.
 */
public final class ConfigRenderer {

    private ConfigRenderer() {
    }

    /**
     * Renders a whole configuration.
     *
     * @param config  the configuration
     * @param format  the output format
     * @param options origins and env-name prefix
     * @return the text
     * @throws NullPointerException if an argument is {@code null}
     */
    public static String render(Configuration config, RenderFormat format, Options options) {
        return render(config, ConfigPath.root(), format, options);
    }

    /**
     * Renders the value at a path of a configuration. YAML and JSON write the subtree with keys relative to
     * the path; properties and env write full paths, so their lines mean the same as in a full rendering.
     * A scalar renders as that one value (YAML, JSON) or one entry (properties, env).
     *
     * @param config  the configuration
     * @param path    the path to render; the root path renders everything
     * @param format  the output format
     * @param options origins and env-name prefix
     * @return the text
     * @throws ConfigMissingException if nothing is at the path
     * @throws NullPointerException   if an argument is {@code null}
     */
    public static String render(Configuration config, ConfigPath path, RenderFormat format, Options options) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(path, "path");
        ConfigNode node = path.isRoot() ? config.root()
                : config.node(path.toString()).orElseThrow(() -> new ConfigMissingException(null, path,
                        "no value at this path"));
        Predicate<ConfigPath> secret = p -> config.isSecret(p.toString());
        return TreeRenderer.render(node, path, settings(format, options, secret));
    }

    /**
     * Renders a tree that is not (yet) a {@link Configuration}, such as one parsed document or layer; secrets
     * are decided by the policy alone.
     *
     * @param root    the tree
     * @param secrets which paths are secret
     * @param format  the output format
     * @param options origins and env-name prefix
     * @return the text
     * @throws NullPointerException if an argument is {@code null}
     */
    public static String render(ConfigObject root, SecretPolicy secrets, RenderFormat format, Options options) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(secrets, "secrets");
        return TreeRenderer.render(root, ConfigPath.root(), settings(format, options, secrets::isSecret));
    }

    private static RenderSettings settings(RenderFormat format, Options options, Predicate<ConfigPath> secret) {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(options, "options");
        return new RenderSettings(format, options.showOrigins(), options.envPrefix(), secret);
    }

    /**
     * How to render.
     *
     * @param showOrigins write where each value was written
     * @param envPrefix   the prefix of every name in {@link RenderFormat#ENV} output: upper-case letters, digits
     *                    and {@code _} only, possibly empty (default {@value #DEFAULT_ENV_PREFIX})
     */
    public record Options(boolean showOrigins, String envPrefix) {

        /** The env-name prefix used unless another is given, the same as the environment source's default. */
        public static final String DEFAULT_ENV_PREFIX = "LAMINA_";

        private static final Pattern PREFIX = Pattern.compile("[A-Z0-9_]*");

        /**
         * Checks the prefix.
         *
         * @throws NullPointerException     if {@code envPrefix} is {@code null}
         * @throws IllegalArgumentException if the prefix has characters other than {@code A-Z}, {@code 0-9}, {@code _}
         */
        public Options {
            Objects.requireNonNull(envPrefix, "envPrefix");
            if (!PREFIX.matcher(envPrefix).matches()) {
                throw new IllegalArgumentException(
                        "env prefix may only contain upper-case letters, digits and '_': " + envPrefix);
            }
        }

        /** @return no origins, prefix {@value #DEFAULT_ENV_PREFIX} */
        public static Options defaults() {
            return new Options(false, DEFAULT_ENV_PREFIX);
        }

        /**
         * @param show whether to write origins
         * @return a copy with {@code showOrigins} replaced
         */
        public Options withOrigins(boolean show) {
            return new Options(show, envPrefix);
        }

        /**
         * @param prefix the new env-name prefix
         * @return a copy with {@code envPrefix} replaced
         * @throws IllegalArgumentException if the prefix is not valid (see the record description)
         */
        public Options withEnvPrefix(String prefix) {
            return new Options(showOrigins, prefix);
        }
    }
}
