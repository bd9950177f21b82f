package dev.lamina.config.internal.runtime;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.DataSize;
import dev.lamina.config.Format;
import dev.lamina.config.Origin;
import dev.lamina.config.ScalarType;
import dev.lamina.config.internal.render.ExactYaml;

/**
 * The runtime-updates layer: an immutable tree of values set by {@code updateConfig}, explicit nulls standing
 * for removed paths. Also converts Java values to nodes and renders the tree for the persist file.
 */
public final class RuntimeTree {

    private RuntimeTree() {
    }

    /**
     * @param root  the current runtime tree
     * @param path  a non-root path; every segment names an object key
     * @param value the new node ({@link ConfigNull} removes the path)
     * @return a new tree with the value set, intermediate objects created (a non-object in the way is replaced)
     */
    public static ConfigObject set(ConfigObject root, ConfigPath path, ConfigNode value) {
        return set(root, path.segments(), 0, value);
    }

    private static ConfigObject set(ConfigObject obj, List<String> segments, int i, ConfigNode value) {
        LinkedHashMap<String, ConfigNode> entries = new LinkedHashMap<>(obj.entries());
        String key = segments.get(i);
        if (i == segments.size() - 1) {
            entries.remove(key); // re-insert last so the persisted file lists updates in the order they happened
            entries.put(key, value);
        } else {
            ConfigNode child = entries.get(key);
            ConfigObject childObj = child instanceof ConfigObject o ? o : ConfigObject.empty(value.origin());
            entries.put(key, set(childObj, segments, i + 1, value));
        }
        return new ConfigObject(entries, obj.origin());
    }

    /**
     * Converts a value given to {@code updateConfig} into a node whose every part has the given origin.
     *
     * @param value  {@code null}, String, Number, Boolean, Duration, DataSize, Enum, List, Map, or a ConfigNode
     * @param origin the origin to give every node
     * @return the node
     * @throws IllegalArgumentException for another type, a non-finite number, or a map key that is not a string;
     *                                  the message names the type, never the value
     */
    public static ConfigNode toNode(Object value, Origin origin) {
        if (value == null) {
            return new ConfigNull(origin);
        }
        if (value instanceof ConfigNode n) {
            return reorigin(n, origin);
        }
        if (value instanceof String s) {
            return ConfigScalar.string(s, origin);
        }
        if (value instanceof Boolean b) {
            return new ConfigScalar(b.toString(), ScalarType.BOOLEAN, origin);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger) {
            return new ConfigScalar(value.toString(), ScalarType.NUMBER, origin);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("a configuration number must be finite");
            }
            return new ConfigScalar(value.toString(), ScalarType.NUMBER, origin);
        }
        if (value instanceof BigDecimal bd) {
            return new ConfigScalar(bd.toString(), ScalarType.NUMBER, origin);
        }
        if (value instanceof Duration d) {
            return ConfigScalar.string(d.toString(), origin);
        }
        if (value instanceof DataSize s) {
            return ConfigScalar.string(s.bytes() + "B", origin);
        }
        if (value instanceof Enum<?> e) {
            return ConfigScalar.string(e.name(), origin);
        }
        if (value instanceof List<?> list) {
            List<ConfigNode> items = new ArrayList<>(list.size());
            for (Object o : list) {
                items.add(toNode(o, origin));
            }
            return new ConfigList(items, origin);
        }
        if (value instanceof Map<?, ?> map) {
            LinkedHashMap<String, ConfigNode> entries = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String k)) {
                    throw new IllegalArgumentException("map keys of a configuration value must be strings");
                }
                entries.put(k, toNode(e.getValue(), origin));
            }
            return new ConfigObject(entries, origin);
        }
        throw new IllegalArgumentException("cannot store a " + value.getClass().getName()
                + " in the configuration (use a String, Number, Boolean, Duration, DataSize, enum, List or Map)");
    }

    private static ConfigNode reorigin(ConfigNode n, Origin origin) {
        if (n instanceof ConfigObject o) {
            LinkedHashMap<String, ConfigNode> entries = new LinkedHashMap<>();
            o.entries().forEach((k, v) -> entries.put(k, reorigin(v, origin)));
            return new ConfigObject(entries, origin);
        }
        if (n instanceof ConfigList l) {
            return new ConfigList(l.items().stream().map(i -> reorigin(i, origin)).toList(), origin);
        }
        return n.withOrigin(origin);
    }

    /**
     * @param fileName the persist file's name
     * @return YAML for {@code .yaml}/{@code .yml}, else JSON
     */
    public static Format formatOf(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml") ? Format.YAML : Format.JSON;
    }

    /**
     * Renders the tree so that parsing it back gives the same content: scalars keep their written text and
     * type (strings are always quoted), explicit nulls stay.
     *
     * @param root   the tree
     * @param format YAML or JSON
     * @return the UTF-8 bytes
     */
    public static byte[] render(ConfigObject root, Format format) {
        if (format == Format.YAML) {
            return ExactYaml.write(root).getBytes(StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            write(g, root);
        } catch (IOException e) {
            throw new UncheckedIOException("rendering to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    private static void write(JsonGenerator g, ConfigNode node) throws IOException {
        if (node instanceof ConfigObject o) {
            g.writeStartObject();
            for (Map.Entry<String, ConfigNode> e : o.entries().entrySet()) {
                g.writeFieldName(e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (node instanceof ConfigList l) {
            g.writeStartArray();
            for (ConfigNode item : l.items()) {
                write(g, item);
            }
            g.writeEndArray();
        } else if (node instanceof ConfigScalar s) {
            switch (s.type()) {
                case NUMBER -> g.writeNumber(s.text());
                case BOOLEAN -> g.writeBoolean(Boolean.parseBoolean(s.text()));
                default -> g.writeString(s.text());
            }
        } else {
            g.writeNull();
        }
    }
}
