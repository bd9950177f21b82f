package dev.lamina.config.flags.internal.compile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Origin;
import dev.lamina.config.ScalarType;
import dev.lamina.config.flags.FlagType;
import dev.lamina.config.flags.FlagValue;
import dev.lamina.config.flags.Variant;
import dev.lamina.config.flags.VariantPayload;
import dev.lamina.config.flags.internal.eval.CompiledVariant;
import dev.lamina.config.flags.internal.eval.Stickiness;
import dev.lamina.config.flags.internal.eval.VariantSet;
import dev.lamina.config.flags.internal.match.AttributeRef;

/** Compiles variant lists: names, weights, payloads and overrides. */
final class VariantCompiler {

    private static final Set<String> VARIANT_KEYS = NodeReader.keys("name", "weight", "value", "payload", "overrides");
    private static final Set<String> PAYLOAD_KEYS = NodeReader.keys("type", "value");
    private static final Set<String> OVERRIDE_KEYS = NodeReader.keys("attribute", "values");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(VariantCompiler.class);

    private final NodeReader in;

    VariantCompiler(NodeReader in) {
        this.in = in;
    }

    VariantSet variants(ConfigNode node, ConfigPath path, String group, Stickiness stickiness) {
        return variants(node, path, group, stickiness, null);
    }

    /**
     * @param type the flag's declared type, or {@code null} for an untyped flag: a typed flag's variants each need
     *             a {@code value} of that type, and their weights may be left out (0: served only by a rule or as
     *             the default variant)
     */
    VariantSet variants(ConfigNode node, ConfigPath path, String group, Stickiness stickiness, FlagType type) {
        ConfigList l = in.list(node, path);
        List<CompiledVariant> out = new ArrayList<>();
        if (l == null) {
            return new VariantSet(out, group, stickiness);
        }
        Set<String> names = new HashSet<>();
        long total = 0;
        for (int i = 0; i < l.size(); i++) {
            ConfigPath p = path.child(i);
            ConfigObject o = in.object(l.items().get(i), p);
            if (o == null) {
                continue;
            }
            in.checkKeys(o, p, VARIANT_KEYS);
            Map<String, ConfigNode> e = o.entries();
            if (!e.containsKey("name") || (type == null && !e.containsKey("weight"))) {
                in.problem(o, p, type == null ? "a variant needs 'name' and 'weight'" : "a variant needs 'name'");
                continue;
            }
            if (type != null && !e.containsKey("value")) {
                in.problem(o, p, "a variant of a flag of type " + type.configName() + " needs a 'value'");
                continue;
            }
            if (type == null && e.containsKey("value")) {
                in.problem(e.get("value"), p.child("value"), "a variant 'value' needs the flag's 'type' (boolean,"
                        + " string, integer, double or object); untyped flags carry a 'payload' instead");
                continue;
            }
            String name = in.string(e.get("name"), p.child("name"));
            Integer weight = e.containsKey("weight") ? in.nonNegativeInt(e.get("weight"), p.child("weight")) : Integer.valueOf(0);
            if (name == null || weight == null) {
                continue;
            }
            if (!names.add(name)) {
                in.problem(e.get("name"), p.child("name"), "duplicate variant name '" + name + "'");
                continue;
            }
            if (Variant.DISABLED_NAME.equals(name)) {
                in.problem(e.get("name"), p.child("name"), "'disabled' is reserved for \"no variant\"");
                continue;
            }
            total += weight;
            VariantPayload payload = e.containsKey("payload") ? payload(e.get("payload"), p.child("payload")) : null;
            List<CompiledVariant.Override> overrides = e.containsKey("overrides")
                    ? overrides(e.get("overrides"), p.child("overrides")) : List.of();
            FlagValue value = type != null ? typedValue(e.get("value"), p.child("value"), type)
                    : payload == null ? null : payloadValue(payload);
            if (type == null && payload != null && value == null) {
                // Unleash clients serve such a payload as text, so the flag set is not refused for it; say so now,
                // and typed evaluations of it answer a parse error (never a silently different value).
                LOG.warn("{}: {}: the {} payload of variant '{}' is not {}; string evaluations serve its text,"
                        + " typed evaluations answer a parse error", o.origin(), p.child("payload"), payload.type(),
                        name, "json".equals(payload.type()) ? "valid JSON" : "a finite number");
            }
            if (type != null && value == null) {
                continue;
            }
            out.add(new CompiledVariant(new Variant(name, Optional.ofNullable(payload)), weight, overrides, value));
        }
        if (type == null && !out.isEmpty() && total == 0) {
            in.problem(node, path, "variant weights must add up to more than 0");
        }
        if (total > Integer.MAX_VALUE) {
            in.problem(node, path, "variant weights add up to more than " + Integer.MAX_VALUE);
        }
        return new VariantSet(out, group, stickiness);
    }

    /**
     * @return the node as a value of {@code type}, or {@code null} with a problem recorded when it is not one
     */
    FlagValue typedValue(ConfigNode node, ConfigPath path, FlagType type) {
        ScalarType scalar = node instanceof ConfigScalar s ? s.type() : null;
        switch (type) {
            case BOOLEAN:
                if (scalar == ScalarType.BOOLEAN) {
                    return new FlagValue.BooleanValue(Boolean.parseBoolean(((ConfigScalar) node).text()));
                }
                break;
            case STRING:
                if (scalar == ScalarType.STRING) {
                    return new FlagValue.StringValue(((ConfigScalar) node).text());
                }
                if (scalar != null) {
                    in.problem(node, path, "expected a string for a flag of type string, found " + NodeReader.article(node)
                            + " (fix: quote it)");
                    return null;
                }
                break;
            case INTEGER:
                if (scalar == ScalarType.NUMBER) {
                    try {
                        return new FlagValue.IntegerValue(new java.math.BigDecimal(((ConfigScalar) node).text())
                                .longValueExact());
                    } catch (ArithmeticException | NumberFormatException ex) {
                        in.problem(node, path, "expected a whole number within long range for a flag of type integer,"
                                + " found " + ((ConfigScalar) node).text());
                        return null;
                    }
                }
                break;
            case DOUBLE:
                if (scalar == ScalarType.NUMBER) {
                    double d = Double.parseDouble(((ConfigScalar) node).text());
                    if (Double.isFinite(d)) {
                        return new FlagValue.DoubleValue(d);
                    }
                }
                break;
            case OBJECT:
                if (node instanceof ConfigObject || node instanceof ConfigList) {
                    return new FlagValue.ObjectValue(node);
                }
                break;
            default:
                break;
        }
        in.problem(node, path, "expected " + (type == FlagType.INTEGER ? "an " : "a ") + type.configName()
                + " value for a flag of type " + type.configName() + ", found " + NodeReader.article(node));
        return null;
    }

    /**
     * What an untyped flag's payload means as a typed value: a {@code json} payload is the JSON value it holds (a
     * structure, a list, a number, a boolean or a text), a {@code number} payload a number, any other payload its
     * text.
     *
     * @return the value, or {@code null} for a {@code json} payload that is not JSON or a {@code number} payload that
     *         is not a finite number: string evaluations still serve its text, typed ones report a parse error
     *         ({@link dev.lamina.config.flags.FlagResolution#payloadProblem})
     */
    static FlagValue payloadValue(VariantPayload payload) {
        String v = payload.value();
        if ("json".equals(payload.type())) {
            Object parsed;
            try {
                parsed = JSON.readValue(v, Object.class);
            } catch (JsonProcessingException ex) {
                return null;
            }
            if (parsed instanceof Map<?, ?> || parsed instanceof List<?>) {
                return new FlagValue.ObjectValue(Trees.fromJava(parsed, Origin.UNKNOWN));
            }
            if (parsed instanceof Boolean b) {
                return new FlagValue.BooleanValue(b);
            }
            if (parsed instanceof Integer || parsed instanceof Long) {
                return new FlagValue.IntegerValue(((Number) parsed).longValue());
            }
            if (parsed instanceof Number n) {
                double d = n.doubleValue(); // a BigInteger beyond long, or a Double
                return Double.isFinite(d) ? new FlagValue.DoubleValue(d) : null;
            }
            return parsed instanceof String text ? new FlagValue.StringValue(text) : null; // null: JSON null
        }
        if ("number".equals(payload.type())) {
            String t = v.trim();
            try {
                if (t.indexOf('.') < 0 && t.indexOf('e') < 0 && t.indexOf('E') < 0) {
                    return new FlagValue.IntegerValue(Long.parseLong(t));
                }
                double d = Double.parseDouble(t);
                return Double.isFinite(d) ? new FlagValue.DoubleValue(d) : null;
            } catch (NumberFormatException ex) {
                return null;
            }
        }
        return new FlagValue.StringValue(v);
    }

    private VariantPayload payload(ConfigNode node, ConfigPath path) {
        ConfigObject o = in.object(node, path);
        if (o == null) {
            return null;
        }
        in.checkKeys(o, path, PAYLOAD_KEYS);
        ConfigNode typeNode = o.entries().get("type");
        ConfigNode valueNode = o.entries().get("value");
        if (typeNode == null || valueNode == null) {
            in.problem(o, path, "a payload needs 'type' and 'value'");
            return null;
        }
        String type = in.string(typeNode, path.child("type"));
        String value;
        if (valueNode instanceof ConfigScalar s) {
            value = s.text();
        } else if (valueNode instanceof ConfigNull) {
            in.problem(valueNode, path.child("value"), "a payload value must not be null");
            return null;
        } else {
            try {
                value = JSON.writeValueAsString(Trees.unwrap(valueNode));
            } catch (JsonProcessingException ex) {
                in.problem(valueNode, path.child("value"), "payload value cannot be written as JSON");
                return null;
            }
        }
        return type == null ? null : new VariantPayload(type, value);
    }

    private List<CompiledVariant.Override> overrides(ConfigNode node, ConfigPath path) {
        ConfigList l = in.list(node, path);
        List<CompiledVariant.Override> out = new ArrayList<>();
        if (l == null) {
            return out;
        }
        for (int i = 0; i < l.size(); i++) {
            ConfigPath p = path.child(i);
            ConfigObject o = in.object(l.items().get(i), p);
            if (o == null) {
                continue;
            }
            in.checkKeys(o, p, OVERRIDE_KEYS);
            if (!o.entries().containsKey("attribute") || !o.entries().containsKey("values")) {
                in.problem(o, p, "an override needs 'attribute' and 'values'");
                continue;
            }
            String attribute = in.string(o.entries().get("attribute"), p.child("attribute"));
            List<String> values = in.texts(o.entries().get("values"), p.child("values"));
            if (attribute != null && values != null) {
                out.add(new CompiledVariant.Override(new AttributeRef(attribute), List.copyOf(values)));
            }
        }
        return out;
    }
}
