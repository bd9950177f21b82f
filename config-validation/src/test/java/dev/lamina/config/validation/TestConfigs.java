package dev.lamina.config.validation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Configuration;
import dev.lamina.config.Origin;
import dev.lamina.config.ScalarType;

/**
 * Builds configurations for tests from YAML text, keeping each node's line and column, without depending on the
 * core loader (test-only; the real loader has its own hardening and tests).
 */
public final class TestConfigs {

    private static final YAMLFactory YAML = new YAMLFactory();

    private TestConfigs() {
    }

    /**
     * @param source the source name for origins
     * @param text   YAML text (a mapping at the top)
     * @return a configuration over the parsed tree
     */
    public static Configuration yaml(String source, String text) {
        return new TreeConfiguration(tree(source, text));
    }

    /**
     * @param text YAML text
     * @return a configuration whose origins name {@code test.yaml}
     */
    public static Configuration yaml(String text) {
        return yaml("test.yaml", text);
    }

    /**
     * @param source the source name
     * @param text   YAML text
     * @return the tree
     */
    public static ConfigObject tree(String source, String text) {
        try (JsonParser p = YAML.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                return ConfigObject.empty(Origin.of(source, 1, 1));
            }
            ConfigNode node = read(p, source);
            if (!(node instanceof ConfigObject o)) {
                throw new IllegalArgumentException("test YAML must be a mapping");
            }
            return o;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Origin origin(JsonParser p, String source) {
        JsonLocation l = p.currentTokenLocation();
        return Origin.of(source, Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
    }

    private static ConfigNode read(JsonParser p, String source) throws IOException {
        Origin origin = origin(p, source);
        switch (p.currentToken()) {
            case START_OBJECT: {
                Map<String, ConfigNode> entries = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    Origin keyOrigin = origin(p, source);
                    p.nextToken();
                    ConfigNode value = read(p, source);
                    // Scalars point at their value; containers at their key, as a reader expects for a section.
                    entries.put(key, value instanceof ConfigScalar ? value : value.withOrigin(keyOrigin));
                }
                return new ConfigObject(entries, origin);
            }
            case START_ARRAY: {
                List<ConfigNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p, source));
                }
                return new ConfigList(items, origin);
            }
            case VALUE_STRING:
                return new ConfigScalar(p.getText(), ScalarType.STRING, origin);
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new ConfigScalar(p.getText(), ScalarType.NUMBER, origin);
            case VALUE_TRUE:
            case VALUE_FALSE:
                return new ConfigScalar(p.getText(), ScalarType.BOOLEAN, origin);
            case VALUE_NULL:
                return new ConfigNull(origin);
            default:
                throw new IllegalStateException("unexpected token " + p.currentToken());
        }
    }
}
