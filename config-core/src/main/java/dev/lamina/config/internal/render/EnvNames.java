package dev.lamina.config.internal.render;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.lamina.config.ConfigPath;

/**
 * The environment-variable name of a path: the inverse of the environment source's mapping
 * ({@code LAMINA_SERVER_PORT} → {@code server.port}, {@code __} → {@code _}, {@code ___} → {@code -}).
 * Segments are upper-cased and joined with {@code _}; list indices stay numbers ({@code HOSTS_0}).
 */
public final class EnvNames {

    /**
     * Keys that map back to themselves: lower-case letters and digits (the source lower-cases names, so
     * {@code maxConnections} would come back as {@code maxconnections}), with single {@code _} or {@code -}
     * only between them (a leading, trailing or doubled one would merge with the {@code _} separators).
     */
    private static final Pattern EXPRESSIBLE = Pattern.compile("[a-z0-9]+([_-][a-z0-9]+)*");

    private EnvNames() {
    }

    /**
     * @param prefix the name prefix, such as {@code LAMINA_}
     * @param path   a config path
     * @return the variable name, or empty when a segment cannot be expressed (upper case, dots, spaces, …)
     */
    public static Optional<String> of(String prefix, ConfigPath path) {
        StringBuilder sb = new StringBuilder(prefix);
        boolean first = true;
        for (String segment : path.segments()) {
            if (!EXPRESSIBLE.matcher(segment).matches()) {
                return Optional.empty();
            }
            if (!first) {
                sb.append('_');
            }
            first = false;
            sb.append(segment.toUpperCase(Locale.ROOT).replace("_", "__").replace("-", "___"));
        }
        return Optional.of(sb.toString());
    }
}
