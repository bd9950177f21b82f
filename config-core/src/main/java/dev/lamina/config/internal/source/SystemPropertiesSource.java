package dev.lamina.config.internal.source;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lamina.config.ConfigSource;
import dev.lamina.config.Layer;
import dev.lamina.config.ParseLimits;

/**
 * System properties with a prefix ({@code lamina.}): the prefix is stripped and dots separate segments; values are
 * string scalars with origin {@code sysprop:<name>}. Read again on every {@link #read}. Immutable.
 */
public final class SystemPropertiesSource implements ConfigSource {

    private static final Logger LOG = LoggerFactory.getLogger(SystemPropertiesSource.class);

    private final String prefix;
    private final String name;
    private final Supplier<Properties> properties;

    /**
     * @param prefix     the prefix, for example {@code lamina.}; compared case-sensitively and stripped
     * @param properties where the properties come from at each read
     */
    public SystemPropertiesSource(String prefix, Supplier<Properties> properties) {
        this.prefix = Sources.requirePrefix(prefix);
        this.name = "sysprop:" + prefix;
        this.properties = Objects.requireNonNull(properties, "properties");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Layer> read(ParseLimits limits) {
        Objects.requireNonNull(limits, "limits");
        Properties props = Objects.requireNonNull(properties.get(), "properties");
        List<FlatEntries.Entry> entries = new ArrayList<>();
        for (String key : props.stringPropertyNames()) {
            if (!key.startsWith(prefix)) {
                continue;
            }
            String rest = key.substring(prefix.length());
            List<String> segments = Arrays.asList(rest.split("\\.", -1));
            if (rest.isEmpty() || segments.stream().anyMatch(String::isEmpty)) {
                LOG.warn("Ignoring system property {}: empty segment in its name", key);
                continue;
            }
            entries.add(new FlatEntries.Entry(key, List.copyOf(segments), props.getProperty(key)));
        }
        return List.of(new Layer(name, FlatEntries.build(name, "sysprop:", entries, limits, LOG),
                dev.lamina.config.LayerMetadata.of(dev.lamina.config.LayerKind.SYSTEM_PROPERTIES, "system properties " + name)));
    }

    @Override
    public String toString() {
        return name;
    }
}
