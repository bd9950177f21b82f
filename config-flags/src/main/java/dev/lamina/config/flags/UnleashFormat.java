package dev.lamina.config.flags;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;

import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigParseException;
import dev.lamina.config.Origin;
import dev.lamina.config.flags.internal.compile.Trees;
import dev.lamina.config.flags.internal.unleash.UnleashImporter;
import dev.lamina.config.spi.Suggestions;

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

    /** What an import does with a constraint operator that Unleash does not define. */
    public enum UnknownOperators {
        /**
         * Refuse the import with a {@link FlagDefinitionException} naming each feature and operator (the default):
         * a constraint that silently never matches hides a typo or a newer Unleash.
         */
        REJECT,
        /**
         * Import the constraint as one that never matches, as Unleash clients evaluate it (the client
         * specification's {@code 13-constraint-operators} expects this), and log a warning naming the feature and
         * the operator.
         */
        EVALUATE_FALSE
    }

    /** @return the constraint operators an import accepts: the client specification's and Yggdrasil's */
    public static java.util.Set<String> operators() {
        return dev.lamina.config.flags.internal.unleash.UnleashImporter.OPERATORS.keySet();
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
        return toNative(json, sourceName, UnknownOperators.REJECT);
    }

    /**
     * Like {@link #toNative(String, String)}, choosing what an operator Unleash does not define does.
     *
     * @param json       the state as JSON text
     * @param sourceName the source's name
     * @param unknown    {@link UnknownOperators#REJECT} or {@link UnknownOperators#EVALUATE_FALSE}
     * @return {@code {feature_flags: {...}}}
     * @throws ConfigParseException    when the text is not an Unleash state
     * @throws FlagDefinitionException with {@code REJECT}, naming every feature and operator Unleash does not define
     */
    public static Map<String, Object> toNative(String json, String sourceName, UnknownOperators unknown) {
        Objects.requireNonNull(unknown, "unknown");
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
        List<String[]> rejected = unknown == UnknownOperators.REJECT ? new ArrayList<>() : null;
        Map<String, Object> out;
        try {
            out = UnleashImporter.toNative(state, rejected);
        } catch (IllegalArgumentException e) {
            throw new ConfigParseException(Origin.of(sourceName), null, e.getMessage());
        }
        if (rejected != null && !rejected.isEmpty()) {
            List<FlagDefinitionException.Problem> problems = new ArrayList<>();
            for (String[] r : rejected) {
                problems.add(new FlagDefinitionException.Problem(Origin.of(sourceName),
                        ConfigPath.of("feature_flags", r[0]), "feature '" + r[0] + "' uses constraint operator '" + r[1]
                        + "', which Unleash does not define" + Suggestions.didYouMean(r[1], operators())
                        + "; known: " + String.join(", ", operators())
                        + " (import with UnknownOperators.EVALUATE_FALSE to treat it as never matching, as Unleash"
                        + " clients do)"));
            }
            throw new FlagDefinitionException(problems);
        }
        return out;
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
        return toNativeTree(json, sourceName, UnknownOperators.REJECT);
    }

    /**
     * @param json       the state as JSON text
     * @param sourceName the source's name
     * @param unknown    what an operator Unleash does not define does
     * @return a root object holding {@code feature_flags}
     * @throws ConfigParseException    when the text is not an Unleash state
     * @throws FlagDefinitionException with {@code REJECT}, naming every feature and operator Unleash does not define
     */
    public static ConfigObject toNativeTree(String json, String sourceName, UnknownOperators unknown) {
        return (ConfigObject) Trees.fromJava(toNative(json, sourceName, unknown), Origin.of(sourceName));
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

    /**
     * Imports and compiles a state, choosing what an operator Unleash does not define does.
     *
     * @param json       the state as JSON text
     * @param sourceName the source's name
     * @param clock      the clock
     * @param registry   where to count, or {@code null}
     * @param unknown    what an operator Unleash does not define does
     * @return the evaluator
     * @throws ConfigParseException    when the text is not an Unleash state
     * @throws FlagDefinitionException when the definitions are refused (or, with {@code REJECT}, an operator)
     */
    @SuppressWarnings("exports") // a caller passing a registry reads Micrometer already
    public static FlagEvaluator compile(String json, String sourceName, Clock clock, MeterRegistry registry,
                                        UnknownOperators unknown) {
        return FlagDefinitions.compile(toNativeTree(json, sourceName, unknown), clock, registry);
    }
}
