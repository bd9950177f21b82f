package dev.lamina.config.internal.tree;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Layer;
import dev.lamina.config.Origin;
import dev.lamina.config.ScalarType;

/**
 * Test-only: builds configuration trees from JSON text, with origins taken from the JSON token positions, so
 * tests can write layers as text blocks and assert on real line:column origins.
 */
public final class TestTrees {

    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TestTrees() {
    }

    /**
     * @param source the source name used in origins
     * @param json   a JSON object; single quotes are turned into double quotes for readability
     * @return a layer named {@code source}
     */
    public static Layer layer(String source, String json) {
        ConfigNode n = parse(source, json.replace('\'', '"'));
        return new Layer(source, (ConfigObject) n);
    }

    /**
     * @param source the source name
     * @param json   any JSON value (no quote replacement)
     * @return its tree
     */
    public static ConfigNode parse(String source, String json) {
        try (JsonParser p = JSON.createParser(json)) {
            p.nextToken();
            return read(p, source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param source the source name
     * @param node   a Jackson node (from the shared suites)
     * @return its tree
     */
    public static ConfigNode fromJsonNode(String source, JsonNode node) {
        try {
            return parse(source, MAPPER.writeValueAsString(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param node a tree
     * @return its plain Java values, as {@code Configuration.unwrapped()} gives them
     */
    public static Object unwrap(ConfigNode node) {
        return Trees.unwrap(node);
    }

    private static ConfigNode read(JsonParser p, String source) throws IOException {
        JsonLocation l = p.currentTokenLocation();
        Origin o = Origin.of(source, l.getLineNr(), l.getColumnNr());
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, ConfigNode> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String k = p.currentName();
                    p.nextToken();
                    m.put(k, read(p, source));
                }
                return new ConfigObject(m, o);
            }
            case START_ARRAY: {
                List<ConfigNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p, source));
                }
                return new ConfigList(items, o);
            }
            case VALUE_NULL:
                return new ConfigNull(o);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new ConfigScalar(p.getText(), ScalarType.BOOLEAN, o);
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new ConfigScalar(p.getText(), ScalarType.NUMBER, o);
            default:
                return new ConfigScalar(p.getText(), ScalarType.STRING, o);
        }
    }
}
