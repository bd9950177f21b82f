package dev.lamina.config.internal.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lamina.config.ConfigSource;
import dev.lamina.config.Layer;
import dev.lamina.config.ParseLimits;

/**
 * Environment variables with a prefix, mapped to config paths (see {@link #segments(String)} and
 * {@code docs/environment-variables.md}). Values are string scalars whose origin names the variable
 * ({@code env:LAMINA_SERVER_PORT}). The variables are read again on every {@link #read}. Immutable.
 */
public final class EnvironmentSource implements ConfigSource {

    private static final Logger LOG = LoggerFactory.getLogger(EnvironmentSource.class);

    private final String prefix;
    private final String name;
    private final Supplier<Map<String, String>> variables;

    /**
     * @param prefix    the prefix, for example {@code LAMINA_}; compared case-sensitively and stripped
     * @param variables where the variables come from at each read (for example {@code System::getenv})
     */
    public EnvironmentSource(String prefix, Supplier<Map<String, String>> variables) {
        this.prefix = Sources.requirePrefix(prefix);
        this.name = "env:" + prefix;
        this.variables = Objects.requireNonNull(variables, "variables");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Layer> read(ParseLimits limits) {
        Objects.requireNonNull(limits, "limits");
        List<FlatEntries.Entry> entries = new ArrayList<>();
        Map<String, String> env = Objects.requireNonNull(variables.get(), "variables");
        env.forEach((variable, value) -> {
            if (variable == null || value == null || !variable.startsWith(prefix)) {
                return;
            }
            Optional<List<String>> segments = segments(variable.substring(prefix.length()));
            if (segments.isEmpty()) {
                LOG.warn("Ignoring environment variable {}: its name does not map to a config path (use '_' between "
                        + "segments, '__' for '_' and '___' for '-' in a key)", variable);
                return;
            }
            entries.add(new FlatEntries.Entry(variable, segments.get(), value));
        });
        return List.of(new Layer(name, FlatEntries.build(name, "env:", entries, limits, LOG),
                dev.lamina.config.LayerMetadata.of(dev.lamina.config.LayerKind.ENVIRONMENT_VARIABLES, "environment variables " + name.substring("env:".length()) + "*")));
    }

    /**
     * Maps a variable name without its prefix to path segments: lower-cased; one {@code _} separates segments,
     * {@code __} is a literal {@code _}, {@code ___} a literal {@code -}; any other run of underscores, or an empty
     * segment, makes the name unmappable.
     *
     * @param rest the name after the prefix, e.g. {@code DB_POOL__SIZE}
     * @return the segments ({@code [db, pool_size]}), or empty when the name cannot be mapped
     */
    public static Optional<List<String>> segments(String rest) {
        String lower = rest.toLowerCase(Locale.ROOT);
        List<String> segments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        while (i < lower.length()) {
            char c = lower.charAt(i);
            if (c != '_') {
                current.append(c);
                i++;
                continue;
            }
            int run = 0;
            while (i < lower.length() && lower.charAt(i) == '_') {
                run++;
                i++;
            }
            switch (run) {
                case 1 -> {
                    if (current.length() == 0) {
                        return Optional.empty();
                    }
                    segments.add(current.toString());
                    current.setLength(0);
                }
                case 2 -> current.append('_');
                case 3 -> current.append('-');
                default -> {
                    return Optional.empty();
                }
            }
        }
        if (current.length() == 0) {
            return Optional.empty();
        }
        segments.add(current.toString());
        return Optional.of(List.copyOf(segments));
    }

    @Override
    public String toString() {
        return name;
    }
}
