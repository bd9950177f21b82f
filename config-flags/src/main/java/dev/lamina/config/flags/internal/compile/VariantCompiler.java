package dev.lamina.config.flags.internal.compile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.flags.Variant;
import dev.lamina.config.flags.VariantPayload;
import dev.lamina.config.flags.internal.eval.CompiledVariant;
import dev.lamina.config.flags.internal.eval.Stickiness;
import dev.lamina.config.flags.internal.eval.VariantSet;
import dev.lamina.config.flags.internal.match.AttributeRef;

/** Compiles variant lists: names, weights, payloads and overrides. */
final class VariantCompiler {

    private static final Set<String> VARIANT_KEYS = NodeReader.keys("name", "weight", "payload", "overrides");
    private static final Set<String> PAYLOAD_KEYS = NodeReader.keys("type", "value");
    private static final Set<String> OVERRIDE_KEYS = NodeReader.keys("attribute", "values");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final NodeReader in;

    VariantCompiler(NodeReader in) {
        this.in = in;
    }

    VariantSet variants(ConfigNode node, ConfigPath path, String group, Stickiness stickiness) {
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
            if (!e.containsKey("name") || !e.containsKey("weight")) {
                in.problem(o, p, "a variant needs 'name' and 'weight'");
                continue;
            }
            String name = in.string(e.get("name"), p.child("name"));
            Integer weight = in.nonNegativeInt(e.get("weight"), p.child("weight"));
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
            out.add(new CompiledVariant(new Variant(name, Optional.ofNullable(payload)), weight, overrides));
        }
        if (!out.isEmpty() && total == 0) {
            in.problem(node, path, "variant weights must add up to more than 0");
        }
        if (total > Integer.MAX_VALUE) {
            in.problem(node, path, "variant weights add up to more than " + Integer.MAX_VALUE);
        }
        return new VariantSet(out, group, stickiness);
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
