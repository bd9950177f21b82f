package dev.lamina.config.validation.internal.schema;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;

import dev.lamina.config.ConfigPath;
import dev.lamina.config.Configuration;
import dev.lamina.config.Origin;
import dev.lamina.config.spi.ConfigTrees;
import dev.lamina.config.spi.ScalarText;
import dev.lamina.config.spi.Suggestions;
import dev.lamina.config.validation.Severity;
import dev.lamina.config.validation.ValidationContext;
import dev.lamina.config.validation.ValidationResult;
import dev.lamina.config.validation.ValidationRule;

/**
 * Validates the configuration against one JSON Schema and reports every violation, each at the config path of the
 * offending node with that node's origin.
 *
 * <p><b>Strings that convert cleanly.</b> Environment overrides arrive as strings ({@code "8080"}), and
 * {@code Configuration.getInt} accepts them. So that a schema agrees with the getters, a string whose whole text is
 * an integer satisfies {@code type: integer}, a JSON number {@code type: number}, and {@code true}/{@code false}
 * (any case) {@code type: boolean}: such strings are converted and the document validated again, so the converted
 * value is also checked against {@code minimum}, {@code maximum}, {@code enum} and the rest. Nothing else is
 * loosened: {@code "8080x"}, {@code "yes"} and a single value where an array is expected are still errors.
 *
 * <p><b>Secrets.</b> For a secret path the message never comes from the validator (whose arguments can hold the
 * value): only type names, key names and length bounds are shown.
 */
public final class JsonSchemaRule implements ValidationRule {

    private static final Set<String> SAFE_FOR_SECRETS = Set.of("type", "required", "additionalProperties",
            "unevaluatedProperties", "minLength", "maxLength", "minItems", "maxItems", "minProperties",
            "maxProperties", "dependentRequired", "false");
    private static final Set<String> PROPERTY_KEYWORDS = Set.of("required", "additionalProperties",
            "unevaluatedProperties", "propertyNames", "dependentRequired");

    private final SchemaDocument schema;
    private final String id;

    /** @param schema the compiled schema */
    public JsonSchemaRule(SchemaDocument schema) {
        this.schema = schema;
        this.id = "schema:" + schema.name();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return "the configuration conforms to the JSON Schema " + schema.name();
    }

    @Override
    public Severity severity() {
        return Severity.ERROR;
    }

    @Override
    public List<ValidationResult> validate(Configuration config, ValidationContext context) {
        JsonNode instance = TreeJson.toJson(config.root());
        List<ValidationMessage> messages = new ArrayList<>(schema.schema().validate(instance));
        Map<JsonNodePath, JsonNode> conversions = new LinkedHashMap<>();
        for (ValidationMessage m : messages) {
            if (isTypeError(m) && m.getInstanceNode() != null && m.getInstanceNode().isTextual()) {
                convert(m.getInstanceNode().textValue(), m.getSchemaNode())
                        .ifPresent(v -> conversions.put(m.getInstanceLocation(), v));
            }
        }
        if (!conversions.isEmpty()) {
            JsonNode converted = instance.deepCopy();
            conversions.forEach((at, value) -> replace(converted, at, value));
            messages = new ArrayList<>(schema.schema().validate(converted));
        }
        List<ValidationResult> results = new ArrayList<>(messages.size());
        for (ValidationMessage m : messages) {
            results.add(toResult(config, m));
        }
        results.sort(Comparator.comparingInt((ValidationResult r) -> r.origin().line())
                .thenComparing(r -> r.path().toString()));
        return results;
    }

    private static boolean isTypeError(ValidationMessage m) {
        return "type".equals(m.getType()) || "unionType".equals(m.getType());
    }

    /**
     * @param text       a string value
     * @param typeSchema the {@code type} keyword's value ({@code "integer"} or an array of type names)
     * @return the value converted to the first expected type it converts to cleanly
     */
    static Optional<JsonNode> convert(String text, JsonNode typeSchema) {
        List<String> expected = new ArrayList<>();
        if (typeSchema != null && typeSchema.isTextual()) {
            expected.add(typeSchema.textValue());
        } else if (typeSchema != null && typeSchema.isArray()) {
            typeSchema.forEach(t -> expected.add(t.asText()));
        }
        String t = text.strip();
        for (String type : expected) {
            switch (type) {
                case "integer":
                    if (ScalarText.isInteger(t)) {
                        return TreeJson.number(t);
                    }
                    break;
                case "number":
                    if (ScalarText.isNumber(t)) {
                        return TreeJson.number(t);
                    }
                    break;
                case "boolean":
                    if (ScalarText.isBoolean(t)) {
                        return ScalarText.bool(t).map(TreeJson::bool);
                    }
                    break;
                default:
                    break;
            }
        }
        return Optional.empty();
    }

    private static void replace(JsonNode root, JsonNodePath at, JsonNode value) {
        int n = at.getNameCount();
        if (n == 0) {
            return;
        }
        JsonNode parent = root;
        for (int i = 0; i < n - 1 && parent != null; i++) {
            Object e = at.getElement(i);
            parent = e instanceof Integer idx ? parent.get(idx) : parent.get(String.valueOf(e));
        }
        Object last = at.getElement(n - 1);
        if (parent instanceof ObjectNode o) {
            o.set(String.valueOf(last), value);
        } else if (parent instanceof ArrayNode a && last instanceof Integer idx && idx < a.size()) {
            a.set(idx, value);
        }
    }

    static ConfigPath toPath(JsonNodePath location) {
        List<String> segments = new ArrayList<>(location.getNameCount());
        for (int i = 0; i < location.getNameCount(); i++) {
            segments.add(String.valueOf(location.getElement(i)));
        }
        return ConfigPath.of(segments);
    }

    private ValidationResult toResult(Configuration config, ValidationMessage m) {
        String keyword = m.getType() == null ? "schema" : m.getType();
        ConfigPath at = toPath(m.getInstanceLocation());
        String property = m.getProperty();
        ConfigPath path = property != null && PROPERTY_KEYWORDS.contains(keyword) ? at.child(property) : at;
        Origin origin = ConfigTrees.nearestOrigin(config.root(), path);
        // The schema's own writeOnly/x-secret paths count even when the configuration was loaded without them.
        boolean secret = Secrets.isSecret(config, path) || schema.declaresSecret(path);
        String message;
        if (!secret || SAFE_FOR_SECRETS.contains(keyword)) {
            message = m.getError();
        } else {
            message = "value does not satisfy the schema's '" + keyword + "' constraint (value not shown: secret)";
        }
        if (message == null || message.isBlank()) {
            message = "violates the schema's '" + keyword + "' keyword";
        }
        return ValidationResult.failure(id, severity(), path, origin, message + " [" + schema.name() + "]",
                fix(keyword, m, at, property, secret).orElse(null));
    }

    private Optional<String> fix(String keyword, ValidationMessage m, ConfigPath at, String property, boolean secret) {
        JsonNode schemaNode = m.getSchemaNode();
        switch (keyword) {
            case "required":
                return Optional.of("add the key '" + property + "'" + (at.isRoot() ? " at the top level" : " under " + at));
            case "additionalProperties":
            case "unevaluatedProperties":
                return Optional.of(knownProperties(m)
                        .flatMap(known -> Suggestions.closest(property, known).map(k -> "did you mean '" + k + "'?"))
                        .orElse("remove '" + property + "' or declare it in the schema"));
            case "type":
            case "unionType":
                return Optional.of("write a value of type " + (schemaNode == null ? "expected by the schema"
                        : schemaNode.isTextual() ? schemaNode.textValue() : schemaNode.toString()));
            case "enum":
                return secret || schemaNode == null ? Optional.empty()
                        : Optional.of("use one of " + schemaNode);
            case "minimum":
            case "exclusiveMinimum":
                return bound(schemaNode, keyword.startsWith("exclusive") ? "a value greater than " : "a value of at least ");
            case "maximum":
            case "exclusiveMaximum":
                return bound(schemaNode, keyword.startsWith("exclusive") ? "a value less than " : "a value of at most ");
            default:
                return Optional.empty();
        }
    }

    private static Optional<String> bound(JsonNode schemaNode, String what) {
        if (schemaNode == null || !schemaNode.isNumber()) {
            return Optional.empty();
        }
        BigDecimal d = schemaNode.decimalValue().stripTrailingZeros();
        String text = d.scale() <= 0 ? new BigInteger(d.toPlainString()).toString() : d.toPlainString();
        return Optional.of("use " + what + text);
    }

    /** The property names declared beside the failing {@code additionalProperties}, for "did you mean". */
    private Optional<List<String>> knownProperties(ValidationMessage m) {
        if (m.getSchemaLocation() == null) {
            return Optional.empty();
        }
        String location = m.getSchemaLocation().toString();
        int slash = location.lastIndexOf('/');
        if (slash < 0 || location.indexOf('#') < 0 || slash < location.indexOf('#')) {
            return Optional.empty();
        }
        return schema.files().resolve(location.substring(0, slash))
                .map(parent -> parent.get("properties"))
                .filter(JsonNode::isObject)
                .map(props -> {
                    List<String> names = new ArrayList<>();
                    props.fieldNames().forEachRemaining(names::add);
                    return names;
                });
    }
}
