package dev.lamina.config.validation.internal.schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.spi.ConfigTrees;
import dev.lamina.config.spi.ScalarText;
import dev.lamina.config.spi.TreeFolder;

/**
 * Converts the configuration tree to a Jackson tree for the schema validator, typed as the source typed each
 * scalar: a number scalar becomes a JSON number (exactly, through {@link BigDecimal}), a boolean a JSON boolean and
 * anything else a JSON string. A quoted {@code "8080"} therefore reaches the validator as a string; see
 * {@link JsonSchemaRule} for how a string that converts cleanly still satisfies {@code type: integer}.
 *
 * <p>The walk is core's {@link ConfigTrees#fold} and the number and boolean grammars are core's {@link ScalarText},
 * so the schema reads a scalar as the getters do: a number scalar whose text the getters would not read as a number
 * (YAML's {@code 0755}, TOML's {@code 0x1F}, {@code .inf}) reaches the schema as a string. The Jackson types stay in
 * this package: no public signature of Lamina exposes them.
 */
final class TreeJson implements TreeFolder<JsonNode> {

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final TreeJson INSTANCE = new TreeJson();

    private TreeJson() {
    }

    static JsonNode toJson(ConfigNode node) {
        return ConfigTrees.fold(node, INSTANCE);
    }

    @Override
    public JsonNode object(ConfigObject node, ConfigPath path, Map<String, JsonNode> children) {
        ObjectNode out = NODES.objectNode();
        children.forEach(out::set);
        return out;
    }

    @Override
    public JsonNode list(ConfigList node, ConfigPath path, List<JsonNode> items) {
        ArrayNode out = NODES.arrayNode(items.size());
        items.forEach(out::add);
        return out;
    }

    @Override
    public JsonNode scalar(ConfigScalar node, ConfigPath path) {
        String text = node.text();
        return switch (node.type()) {
            case NUMBER -> number(text.strip()).orElseGet(() -> NODES.textNode(text));
            case BOOLEAN -> ScalarText.bool(text.strip()).<JsonNode>map(NODES::booleanNode)
                    .orElseGet(() -> NODES.textNode(text));
            case STRING -> NODES.textNode(text);
        };
    }

    @Override
    public JsonNode nullValue(ConfigNull node, ConfigPath path) {
        return NODES.nullNode();
    }

    /**
     * @param text number text
     * @return an integral node when the text is an integer, a decimal node when it is another number, else empty
     */
    static Optional<JsonNode> number(String text) {
        Optional<BigInteger> integer = ScalarText.integer(text);
        if (integer.isPresent()) {
            BigInteger big = integer.get();
            return Optional.of(big.bitLength() < 64 ? NODES.numberNode(big.longValue()) : NODES.numberNode(big));
        }
        return ScalarText.number(text).map(NODES::numberNode);
    }

    static JsonNode bool(boolean value) {
        return NODES.booleanNode(value);
    }
}
