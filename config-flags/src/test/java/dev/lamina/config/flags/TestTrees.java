package dev.lamina.config.flags;

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
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Origin;
import dev.lamina.config.ScalarType;

/**
 * Test-only reader from JSON or YAML text to the core tree, with origins from Jackson's token locations. The real
 * hardened loader lives in config-core; this exists so the flag tests do not depend on its progress.
 */
final class TestTrees {

    private TestTrees() {
    }

    static ConfigObject json(String text) {
        return read(new JsonFactory(), text, "flags.json");
    }

    static ConfigObject yaml(String text) {
        return read(new YAMLFactory(), text, "flags.yaml");
    }

    /** JSON with single quotes for readability in Java strings: {@code 'a'} becomes {@code "a"}. */
    static ConfigObject jsonq(String text) {
        return json(text.replace('\'', '"'));
    }

    private static ConfigObject read(JsonFactory factory, String text, String source) {
        try (JsonParser p = factory.createParser(text)) {
            p.nextToken();
            return (ConfigObject) node(p, source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ConfigNode node(JsonParser p, String source) throws IOException {
        JsonLocation l = p.currentTokenLocation();
        Origin origin = l.getLineNr() > 0 ? Origin.of(source, l.getLineNr(), Math.max(1, l.getColumnNr()))
                : Origin.of(source);
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, ConfigNode> entries = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    ConfigNode v = node(p, source);
                    entries.put(name, v);
                }
                return new ConfigObject(entries, origin);
            }
            case START_ARRAY -> {
                List<ConfigNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(p, source));
                }
                return new ConfigList(items, origin);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new ConfigScalar(p.getText(), ScalarType.NUMBER, origin);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new ConfigScalar(p.getText(), ScalarType.BOOLEAN, origin);
            }
            case VALUE_NULL -> {
                return new ConfigNull(origin);
            }
            default -> {
                return ConfigScalar.string(p.getText(), origin);
            }
        }
    }
}
