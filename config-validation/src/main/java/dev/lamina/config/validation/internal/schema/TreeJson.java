package dev.lamina.config.validation.internal.schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigScalar;

/**
 * Converts the configuration tree to a Jackson tree for the schema validator, typed as the source typed each
 * scalar: a number scalar becomes a JSON number (exactly, through {@link BigDecimal}), a boolean a JSON boolean and
 * anything else a JSON string. A quoted {@code "8080"} therefore reaches the validator as a string; see
 * {@link JsonSchemaRule} for how a string that converts cleanly still satisfies {@code type: integer}.
 */
final class TreeJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private TreeJson() {
    }

    static JsonNode toJson(ConfigNode node) {
        if (node instanceof ConfigObject o) {
            ObjectNode out = NODES.objectNode();
            for (Map.Entry<String, ConfigNode> e : o.entries().entrySet()) {
                out.set(e.getKey(), toJson(e.getValue()));
            }
            return out;
        }
        if (node instanceof ConfigList l) {
            ArrayNode out = NODES.arrayNode(l.size());
            for (ConfigNode item : l.items()) {
                out.add(toJson(item));
            }
            return out;
        }
        if (node instanceof ConfigScalar s) {
            return switch (s.type()) {
                case NUMBER -> number(s.text());
                case BOOLEAN -> NODES.booleanNode(Boolean.parseBoolean(s.text().trim()));
                case STRING -> NODES.textNode(s.text());
            };
        }
        if (node instanceof ConfigNull) {
            return NODES.nullNode();
        }
        throw new IllegalStateException("unknown node kind " + node.kindName());
    }

    /**
     * @param text the written text of a number scalar
     * @return an integral node when the text has no fraction or exponent, else a decimal node; a text that is not a
     *         number (which the parsers never produce) stays a string so that the schema reports it
     */
    static JsonNode number(String text) {
        String t = text.trim();
        try {
            if (t.indexOf('.') < 0 && t.indexOf('e') < 0 && t.indexOf('E') < 0) {
                BigInteger big = new BigInteger(t);
                return big.bitLength() < 64 ? NODES.numberNode(big.longValue()) : NODES.numberNode(big);
            }
            return NODES.numberNode(new BigDecimal(t));
        } catch (NumberFormatException e) {
            return NODES.textNode(text);
        }
    }

    static JsonNode bool(boolean value) {
        return NODES.booleanNode(value);
    }
}
