package dev.lamina.config.flags;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;

import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigParseException;
import dev.lamina.config.Origin;
import dev.lamina.config.flags.internal.compile.Trees;
import dev.lamina.config.flags.internal.unleash.UnleashImporter;

/**
 * Imports an Unleash client-features state ({@code {version, features[], segments[]}}, the body of
 * {@code /api/client/features} or an Unleash backup file) into Lamina's native flag model, with the semantics of
 * the Unleash client specification (see {@code docs/feature-flags.md}, "Unleash import").
 *
 * <p>Thread-safe: the methods are static and keep no state.
 */
public final class UnleashFormat {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private UnleashFormat() {
    }

    /**
     * Translates a state to the native form: a map holding one {@code feature_flags} entry, ready to be written as
     * YAML or JSON (ordered maps, lists, strings, numbers, booleans).
     *
     * @param json       the state as JSON text
     * @param sourceName the source's name for error messages (a file name, {@code unleash:api})
     * @return {@code {feature_flags: {...}}}
     * @throws ConfigParseException when the text is not JSON or not an Unleash state (the message gives the line and
     *                              column, never the content)
     */
    public static Map<String, Object> toNative(String json, String sourceName) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(sourceName, "sourceName");
        JsonNode state;
        try {
            state = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            Origin where = l == null || l.getLineNr() < 1 ? Origin.of(sourceName)
                    : Origin.of(sourceName, l.getLineNr(), Math.max(1, l.getColumnNr()));
            // Jackson's message can quote the input: describe the problem instead of passing it on.
            throw new ConfigParseException(where, null, "not valid JSON (an Unleash state is a JSON object)");
        }
        try {
            return UnleashImporter.toNative(state);
        } catch (IllegalArgumentException e) {
            throw new ConfigParseException(Origin.of(sourceName), null, e.getMessage());
        }
    }

    /**
     * Translates a state to the native form as a configuration tree (every node's origin is the source).
     *
     * @param json       the state as JSON text
     * @param sourceName the source's name
     * @return a root object holding {@code feature_flags}
     * @throws ConfigParseException when the text is not an Unleash state
     */
    public static ConfigObject toNativeTree(String json, String sourceName) {
        ConfigNode node = Trees.fromJava(toNative(json, sourceName), Origin.of(sourceName));
        return (ConfigObject) node;
    }

    /**
     * Imports and compiles a state.
     *
     * @param json       the state as JSON text
     * @param sourceName the source's name
     * @param clock      the clock (for date operators when the context has no time)
     * @return the evaluator
     * @throws ConfigParseException    when the text is not an Unleash state
     * @throws FlagDefinitionException when the translated definitions are refused
     */
    public static FlagEvaluator compile(String json, String sourceName, Clock clock) {
        return FlagDefinitions.compile(toNativeTree(json, sourceName), clock);
    }

    /**
     * Imports and compiles a state, counting evaluations in {@code registry}.
     *
     * @param json       the state as JSON text
     * @param sourceName the source's name
     * @param clock      the clock
     * @param registry   where to count, or {@code null}
     * @return the evaluator
     * @throws ConfigParseException    when the text is not an Unleash state
     * @throws FlagDefinitionException when the translated definitions are refused
     */
    @SuppressWarnings("exports") // a caller passing a registry reads Micrometer already
    public static FlagEvaluator compile(String json, String sourceName, Clock clock, MeterRegistry registry) {
        return FlagDefinitions.compile(toNativeTree(json, sourceName), clock, registry);
    }
}
