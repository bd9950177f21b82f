package dev.lamina.config.internal.source;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.ConfigSource;
import dev.lamina.config.Layer;
import dev.lamina.config.Origin;
import dev.lamina.config.ParseLimits;
import dev.lamina.config.ScalarType;
import dev.lamina.config.internal.parse.PathTree;

/**
 * Values built in code. Top-level keys are config paths ({@code server.port}); nested map keys are literal keys.
 * The values are copied into an immutable tree when the source is created, so later changes to the caller's map
 * are not seen. Immutable and thread-safe.
 */
public final class MapSource implements ConfigSource {

    private final String name;
    private final ConfigObject root;

    /**
     * @param name   the source's name, used in origins
     * @param values keys are config paths; values are {@code Map}, {@code List}, {@code String}, {@code Number},
     *               {@code Boolean}, {@code null} or a {@link ConfigNode}
     * @throws IllegalArgumentException if a key is not a valid path, two keys collide, a value has another type, or
     *                                  a number is not finite
     */
    public MapSource(String name, Map<String, ?> values) {
        this.name = Sources.requireName(name);
        Objects.requireNonNull(values, "values");
        Origin origin = Origin.of(name);
        PathTree tree = new PathTree(origin);
        for (Map.Entry<String, ?> e : values.entrySet()) {
            if (e.getKey() == null) {
                throw new IllegalArgumentException(name + ": null key");
            }
            ConfigPath path = ConfigPath.parse(e.getKey());
            if (path.isRoot()) {
                throw new IllegalArgumentException(name + ": empty key");
            }
            Optional<PathTree.Conflict> conflict = e.getValue() instanceof Map<?, ?> m && !m.isEmpty()
                    ? putAll(tree, path.segments(), m, origin)
                    : tree.put(path.segments(), node(path, e.getValue(), origin));
            conflict.ifPresent(c -> {
                throw new IllegalArgumentException(name + ": key '" + path + "' collides with '" + c.existing() + "'");
            });
        }
        this.root = tree.build();
    }

    private static Optional<PathTree.Conflict> putAll(PathTree tree, List<String> at, Map<?, ?> map, Origin origin) {
        Optional<PathTree.Conflict> c = tree.ensureObject(at, origin);
        if (c.isPresent()) {
            return c;
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new IllegalArgumentException(ConfigPath.of(at) + ": map keys must be strings");
            }
            List<String> child = new ArrayList<>(at);
            child.add(key);
            c = e.getValue() instanceof Map<?, ?> m && !m.isEmpty()
                    ? putAll(tree, child, m, origin)
                    : tree.put(child, node(ConfigPath.of(child), e.getValue(), origin));
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    static ConfigNode node(ConfigPath path, Object value, Origin origin) {
        if (value == null) {
            return new ConfigNull(origin);
        }
        if (value instanceof ConfigNode n) {
            return n;
        }
        if (value instanceof CharSequence s) {
            return ConfigScalar.string(s.toString(), origin);
        }
        if (value instanceof Boolean b) {
            return new ConfigScalar(b.toString(), ScalarType.BOOLEAN, origin);
        }
        if (value instanceof Number n) {
            return new ConfigScalar(numberText(path, n), ScalarType.NUMBER, origin);
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, ConfigNode> entries = new LinkedHashMap<>();
            m.forEach((k, v) -> {
                if (!(k instanceof String key)) {
                    throw new IllegalArgumentException(path + ": map keys must be strings");
                }
                entries.put(key, node(ConfigPath.of(append(path, key)), v, origin));
            });
            return new ConfigObject(entries, origin);
        }
        if (value instanceof List<?> l) {
            List<ConfigNode> items = new ArrayList<>(l.size());
            for (int i = 0; i < l.size(); i++) {
                items.add(node(ConfigPath.of(append(path, Integer.toString(i))), l.get(i), origin));
            }
            return new ConfigList(items, origin);
        }
        throw new IllegalArgumentException(path + ": unsupported value type " + value.getClass().getName()
                + " (use Map, List, String, Number, Boolean or null)");
    }

    private static List<String> append(ConfigPath path, String segment) {
        List<String> out = new ArrayList<>(path.segments());
        out.add(segment);
        return out;
    }

    private static String numberText(ConfigPath path, Number n) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException(path + ": numbers must be finite");
            }
            return n.toString();
        }
        if (n instanceof BigDecimal b) {
            return b.toString();
        }
        if (n instanceof BigInteger || n instanceof Long || n instanceof Integer || n instanceof Short
                || n instanceof Byte) {
            return n.toString();
        }
        // Other Number types (AtomicLong, third-party): through BigDecimal, which always prints JSON-number text.
        return new BigDecimal(n.toString()).toString();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Layer> read(ParseLimits limits) {
        return List.of(new Layer(name, root, dev.lamina.config.LayerMetadata.of(dev.lamina.config.LayerKind.CODE, name)));
    }

    @Override
    public String toString() {
        return "map " + name;
    }
}
