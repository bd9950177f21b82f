package dev.lamina.config.cli;

import java.io.IOException;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import dev.lamina.config.ConfigParseException;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.Origin;

/**
 * Finds where an Unleash state breaks the shape the importer needs ({@code {"features": [{"name": …}, …]}}), so
 * that {@code flags import-unleash} can point at the line, column and JSON path when the importer refuses the state
 * without a location. The importer stays the judge; this only locates.
 */
final class UnleashStateLocator {

    private static final JsonFactory FACTORY = new JsonFactory();

    private UnleashStateLocator() {
    }

    /**
     * @param json       the state (already known to be well-formed JSON)
     * @param sourceName the file's name, for the origin
     * @return the first shape problem as an exception naming {@code file:line:column} and path, or empty when the
     *         shape looks right
     */
    static Optional<ConfigParseException> locate(String json, String sourceName) {
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                return problem(sourceName, p.currentTokenLocation(), ConfigPath.root(),
                        "an Unleash state must be a JSON object with a 'features' array");
            }
            JsonLocation rootStart = p.currentTokenLocation();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (!"features".equals(field)) {
                    p.skipChildren();
                    continue;
                }
                ConfigPath features = ConfigPath.of("features");
                if (value != JsonToken.START_ARRAY) {
                    return problem(sourceName, p.currentTokenLocation(), features, "'features' must be an array");
                }
                for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
                    JsonLocation start = p.currentTokenLocation();
                    if (p.currentToken() != JsonToken.START_OBJECT) {
                        return problem(sourceName, start, features.child(i), "every feature must be an object");
                    }
                    if (!hasName(p)) {
                        return problem(sourceName, start, features.child(i).child("name"),
                                "every Unleash feature needs a non-empty 'name'");
                    }
                }
                return Optional.empty();
            }
            return problem(sourceName, rootStart, ConfigPath.of("features"),
                    "an Unleash state must have a 'features' array");
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Reads one feature object to its end; {@code true} when it has a non-empty scalar {@code name}. */
    private static boolean hasName(JsonParser p) throws IOException {
        boolean named = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            // The importer reads the name as text, so a number is a name too; null, an object or "" is not.
            if ("name".equals(field) && value.isScalarValue() && value != JsonToken.VALUE_NULL
                    && !p.getText().isEmpty()) {
                named = true;
            }
            p.skipChildren();
        }
        return named;
    }

    private static Optional<ConfigParseException> problem(String source, JsonLocation at, ConfigPath path,
                                                          String reason) {
        Origin origin = at == null || at.getLineNr() < 1 ? Origin.of(source)
                : Origin.of(source, at.getLineNr(), Math.max(1, at.getColumnNr()));
        return Optional.of(new ConfigParseException(origin, path.isRoot() ? null : path, reason));
    }
}
