package dev.lamina.config.flags.openfeature.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.openfeature.sdk.ImmutableMetadata;
import dev.openfeature.sdk.ImmutableStructure;
import dev.openfeature.sdk.Structure;
import dev.openfeature.sdk.Value;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.flags.FlagValue;

/** Conversions between Lamina's typed values and the OpenFeature SDK's {@link Value} and metadata. */
public final class Values {

    private Values() {
    }

    /**
     * @param value a structure value ({@link FlagValue.ObjectValue})
     * @return the SDK value: a structure for an object, a list for a list
     */
    public static Value structure(FlagValue.ObjectValue value) {
        return node(value.value());
    }

    /**
     * @param value any typed value (an untyped flag's payload may be a structure, a number, a boolean or a text)
     * @return the SDK value of the same type
     */
    public static Value of(FlagValue value) {
        if (value instanceof FlagValue.ObjectValue o) {
            return node(o.value());
        }
        if (value instanceof FlagValue.StringValue t) {
            return new Value(t.value());
        }
        if (value instanceof FlagValue.BooleanValue b) {
            return new Value(b.value());
        }
        if (value instanceof FlagValue.IntegerValue i) {
            return i.value() == (int) i.value() ? new Value((int) i.value()) : new Value(i.value());
        }
        return new Value(((FlagValue.DoubleValue) value).value());
    }

    /**
     * @param node a configuration tree
     * @return the same tree as an SDK value (numbers become Integer, Long or Double as they fit)
     */
    public static Value node(ConfigNode node) {
        if (node instanceof ConfigObject o) {
            Map<String, Value> m = new LinkedHashMap<>();
            o.entries().forEach((k, v) -> m.put(k, node(v)));
            return new Value(new ImmutableStructure(m));
        }
        if (node instanceof ConfigList l) {
            List<Value> items = new ArrayList<>();
            l.items().forEach(i -> items.add(node(i)));
            return new Value(Collections.unmodifiableList(items));
        }
        if (node instanceof ConfigScalar s) {
            return switch (s.type()) {
                case BOOLEAN -> new Value(Boolean.parseBoolean(s.text()));
                case STRING -> new Value(s.text());
                case NUMBER -> number(s.text());
            };
        }
        return new Value();
    }

    private static Value number(String text) {
        if (text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0) {
            BigInteger i = new BigInteger(text);
            if (i.bitLength() < 32) {
                return new Value(i.intValue());
            }
            if (i.bitLength() < 64) {
                return new Value(i.longValue());
            }
        }
        return new Value(new BigDecimal(text).doubleValue());
    }

    /**
     * @param metadata a flag's metadata
     * @param rule     the matched rule, or {@code null}
     * @return the SDK's metadata: integers that fit an {@code int} as Integer, others as Long
     */
    public static ImmutableMetadata metadata(Map<String, FlagValue> metadata, String rule) {
        if (metadata.isEmpty() && rule == null) {
            return ImmutableMetadata.EMPTY;
        }
        ImmutableMetadata.ImmutableMetadataBuilder b = ImmutableMetadata.builder();
        metadata.forEach((k, v) -> {
            if (v instanceof FlagValue.BooleanValue x) {
                b.addBoolean(k, x.value());
            } else if (v instanceof FlagValue.StringValue x) {
                b.addString(k, x.value());
            } else if (v instanceof FlagValue.IntegerValue x) {
                if (x.value() == (int) x.value()) {
                    b.addInteger(k, (int) x.value());
                } else {
                    b.addLong(k, x.value());
                }
            } else if (v instanceof FlagValue.DoubleValue x) {
                b.addDouble(k, x.value());
            }
        });
        if (rule != null && !metadata.containsKey("rule")) {
            b.addString("rule", rule);
        }
        return b.build();
    }

    /**
     * @param value an SDK value
     * @return the plain Java value: {@code String}, {@code Boolean}, {@code Integer}, {@code Long}, {@code Double},
     *         {@code Instant}, {@code List} or {@code Map}; {@code null} for a null value
     */
    public static Object plain(Value value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isList()) {
            List<Object> out = new ArrayList<>();
            for (Value v : value.asList()) {
                out.add(plain(v));
            }
            return out;
        }
        if (value.isStructure()) {
            return plain(value.asStructure());
        }
        if (value.isInstant()) {
            Instant i = value.asInstant();
            return i;
        }
        return value.asObject();
    }

    /**
     * @param structure an SDK structure
     * @return its attributes as plain values, in key order
     */
    public static Map<String, Object> plain(Structure structure) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String k : structure.keySet()) {
            out.put(k, plain(structure.getValue(k)));
        }
        return out;
    }
}
