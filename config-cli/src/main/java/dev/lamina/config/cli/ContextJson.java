package dev.lamina.config.cli;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lamina.config.flags.EvaluationContext;

/**
 * Reads the {@code --context} JSON object of {@code flags eval} into an {@link EvaluationContext}.
 *
 * <p>{@code user_id}, {@code session_id}, {@code remote_address}, {@code app_name} and {@code environment} set the
 * built-in values, {@code current_time} the evaluation time (ISO-8601 with an offset); every other key is a custom
 * attribute. A string is taken as is; any other value as its JSON text ({@code 3}, {@code true}, {@code ["a"]});
 * {@code null} leaves the attribute unset.
 */
final class ContextJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ContextJson() {
    }

    /**
     * @param json the option's text
     * @return the context
     * @throws IllegalArgumentException when the text is not one JSON object or {@code current_time} is not a
     *                                  date-time; the message gives the line and column, never the text
     */
    static EvaluationContext parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            String where = l == null || l.getLineNr() < 1 ? "" : " (at line " + l.getLineNr() + ", column "
                    + l.getColumnNr() + ")";
            // Jackson's own message quotes the input; say what is wrong instead.
            throw new IllegalArgumentException("not valid JSON" + where
                    + "; expected an object such as {\"user_id\":\"42\",\"region\":\"EU\"}");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("expected a JSON object such as {\"user_id\":\"42\",\"region\":\"EU\"}, "
                    + "found " + kind(root));
        }
        EvaluationContext.Builder b = EvaluationContext.builder();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                continue;
            }
            String text = value.isTextual() ? value.textValue() : value.toString();
            if ("current_time".equals(field.getKey())) {
                Instant at = InstantConverter.parse(text);
                if (at == null) {
                    throw new IllegalArgumentException("current_time must be an ISO-8601 date-time with an offset, "
                            + "e.g. 2026-12-01T09:00:00Z");
                }
                b.currentTime(at);
            } else {
                // attribute() routes user_id, session_id, remote_address, app_name and environment to the built-ins.
                b.attribute(field.getKey(), text);
            }
        }
        return b.build();
    }

    private static String kind(JsonNode node) {
        if (node == null) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case MISSING -> "nothing";
            default -> "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
