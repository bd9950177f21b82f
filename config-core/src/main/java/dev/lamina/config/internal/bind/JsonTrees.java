package dev.lamina.config.internal.bind;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigScalar;

/**
 * Turns a configuration subtree into a Jackson tree for binding and schema validation.
 *
 * <p>Scalars are typed by the conversion rules: a {@code NUMBER} becomes an integral node when it is written as
 * an integer, otherwise a decimal node holding the exact written value; a {@code BOOLEAN} becomes a boolean
 * node; everything else a text node. Lamina's own deserializers read the original text back through the
 * path, so this typing only matters for targets Jackson binds itself ({@code Object}, {@code BigDecimal}, …).
 * Stateless and thread-safe.
 */
public final class JsonTrees {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTrees() {
    }

    /**
     * @param node a configuration node
     * @return an equivalent, newly built Jackson node
     */
    public static JsonNode toJson(ConfigNode node) {
        if (node instanceof ConfigObject object) {
            ObjectNode out = NODES.objectNode();
            for (Map.Entry<String, ConfigNode> e : object.entries().entrySet()) {
                out.set(e.getKey(), toJson(e.getValue()));
            }
            return out;
        }
        if (node instanceof ConfigList list) {
            ArrayNode out = NODES.arrayNode(list.size());
            for (ConfigNode item : list.items()) {
                out.add(toJson(item));
            }
            return out;
        }
        if (node instanceof ConfigNull) {
            return NODES.nullNode();
        }
        ConfigScalar s = (ConfigScalar) node;
        String t = s.text();
        switch (s.type()) {
            case BOOLEAN:
                if (ScalarSyntax.isBooleanText(t)) {
                    return NODES.booleanNode(t.equalsIgnoreCase("true"));
                }
                return NODES.textNode(t);
            case NUMBER:
                if (ScalarSyntax.isIntText(t)) {
                    return NODES.numberNode(Integer.parseInt(t));
                }
                if (ScalarSyntax.isLongText(t)) {
                    return NODES.numberNode(Long.parseLong(t));
                }
                if (ScalarSyntax.isIntegerText(t)) {
                    return NODES.numberNode(new BigInteger(t));
                }
                if (ScalarSyntax.isDecimalText(t)) {
                    // DecimalNode directly: the factory may normalize (1.10 -> 1.1); the written scale is kept.
                    return DecimalNode.valueOf(new BigDecimal(t));
                }
                return NODES.textNode(t);
            default:
                return NODES.textNode(t);
        }
    }
}
