package dev.lamina.config.flags.internal.compile;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Origin;
import dev.lamina.config.ScalarType;

/** Conversions between the configuration tree and plain Java values. */
public final class Trees {

    private Trees() {
    }

    /**
     * @param node a node
     * @return plain values: {@code Map} (ordered, unmodifiable), {@code List}, {@code String}, {@code Long},
     *         {@code BigInteger}, {@code Double}, {@code Boolean}, or {@code null} for an explicit null
     */
    public static Object unwrap(ConfigNode node) {
        if (node instanceof ConfigObject o) {
            Map<String, Object> m = new LinkedHashMap<>();
            o.entries().forEach((k, v) -> m.put(k, unwrap(v)));
            return Collections.unmodifiableMap(m);
        }
        if (node instanceof ConfigList l) {
            List<Object> out = new ArrayList<>();
            l.items().forEach(i -> out.add(unwrap(i)));
            return Collections.unmodifiableList(out);
        }
        if (node instanceof ConfigScalar s) {
            return switch (s.type()) {
                case BOOLEAN -> Boolean.parseBoolean(s.text());
                case NUMBER -> number(s.text());
                case STRING -> s.text();
            };
        }
        return null;
    }

    private static Object number(String text) {
        try {
            BigDecimal d = new BigDecimal(text);
            if (text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
                BigInteger i = d.toBigIntegerExact();
                return i.bitLength() < 64 ? (Object) i.longValue() : i;
            }
            return d.doubleValue();
        } catch (ArithmeticException | NumberFormatException e) {
            return text;
        }
    }

    /**
     * Builds a tree from plain values ({@code Map}, {@code List}, {@code String}, {@code Number}, {@code Boolean},
     * {@code null}); every node gets the same origin.
     *
     * @param value  the value
     * @param origin the origin for every node
     * @return the node
     */
    public static ConfigNode fromJava(Object value, Origin origin) {
        if (value == null) {
            return new ConfigNull(origin);
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, ConfigNode> entries = new LinkedHashMap<>();
            m.forEach((k, v) -> entries.put(String.valueOf(k), fromJava(v, origin)));
            return new ConfigObject(entries, origin);
        }
        if (value instanceof List<?> l) {
            List<ConfigNode> items = new ArrayList<>();
            l.forEach(v -> items.add(fromJava(v, origin)));
            return new ConfigList(items, origin);
        }
        if (value instanceof Boolean b) {
            return new ConfigScalar(b.toString(), ScalarType.BOOLEAN, origin);
        }
        if (value instanceof Number n) {
            return new ConfigScalar(n.toString(), ScalarType.NUMBER, origin);
        }
        return ConfigScalar.string(value.toString(), origin);
    }
}
