package dev.lamina.config.validation.internal.schema;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.lamina.config.ConfigPath;

/**
 * The paths a JSON Schema declares secret: a subschema with {@code "writeOnly": true} (the standard annotation for a
 * value that is written but never read back) or {@code "x-secret": true}. Read from the schema alone, without a
 * configuration, so that the paths can be declared to {@code ConfigurationOptions} before anything loads and reach
 * every output.
 *
 * <p>The walk follows {@code properties} (the key), {@code patternProperties}, {@code additionalProperties} and
 * {@code items}/{@code prefixItems} (any key or index: {@code *}), {@code $ref} (within and between local files) and
 * {@code allOf}/{@code anyOf}/{@code oneOf}. A pattern property becomes {@code *}, so it may mask more keys than the
 * regular expression matches: the safe side. A {@code $ref} already being expanded on the current branch (a recursive
 * schema) is not followed again, and paths stop at {@value #MAX_DEPTH} segments.
 */
public final class SchemaSecrets {

    static final int MAX_DEPTH = 32;
    private static final List<String> COMBINATORS = List.of("allOf", "anyOf", "oneOf");

    private final SchemaFiles files;
    private final Set<String> out = new LinkedHashSet<>();
    private final Set<JsonNode> onBranch = Collections.newSetFromMap(new IdentityHashMap<>());

    private SchemaSecrets(SchemaFiles files) {
        this.files = files;
    }

    /**
     * @param schemaFile a schema file (JSON, or YAML by extension)
     * @return the declared secret path patterns ({@code *} = any one key or index), in schema order
     * @throws dev.lamina.config.ConfigSourceException if the file cannot be read
     * @throws dev.lamina.config.ConfigParseException  if it is not JSON/YAML
     */
    public static List<String> of(Path schemaFile) {
        Path absolute = schemaFile.toAbsolutePath().normalize();
        JsonNode tree = SchemaFiles.read(absolute);
        SchemaFiles files = new SchemaFiles();
        String uri = absolute.toUri().toString();
        files.put(uri, tree);
        return of(files, tree, uri);
    }

    static List<String> of(SchemaFiles files, JsonNode tree, String uri) {
        SchemaSecrets walk = new SchemaSecrets(files);
        walk.visit(tree, uri, new ArrayList<>());
        return List.copyOf(walk.out);
    }

    private void visit(JsonNode node, String base, List<String> path) {
        if (node == null || !node.isObject() || path.size() > MAX_DEPTH || !onBranch.add(node)) {
            return;
        }
        try {
            if (!path.isEmpty() && (isTrue(node, "writeOnly") || isTrue(node, "x-secret"))) {
                out.add(ConfigPath.of(path).toString());
                return; // the subtree is secret as a whole
            }
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                String target = UnknownKeysRule.resolveUri(base, ref.textValue());
                files.resolve(target).ifPresent(n -> visit(n, SchemaFiles.stripFragment(target), path));
            }
            for (String combinator : COMBINATORS) {
                JsonNode list = node.get(combinator);
                if (list != null && list.isArray()) {
                    list.forEach(sub -> visit(sub, base, path));
                }
            }
            JsonNode props = node.get("properties");
            if (props != null && props.isObject()) {
                props.fields().forEachRemaining(e -> child(e.getValue(), base, path, e.getKey()));
            }
            JsonNode patternProps = node.get("patternProperties");
            if (patternProps != null && patternProps.isObject()) {
                patternProps.forEach(sub -> child(sub, base, path, "*"));
            }
            child(node.get("additionalProperties"), base, path, "*");
            JsonNode items = node.get("items");
            if (items != null && items.isArray()) {
                items.forEach(sub -> child(sub, base, path, "*"));
            } else {
                child(items, base, path, "*");
            }
            JsonNode prefixItems = node.get("prefixItems");
            if (prefixItems != null && prefixItems.isArray()) {
                prefixItems.forEach(sub -> child(sub, base, path, "*"));
            }
        } finally {
            onBranch.remove(node);
        }
    }

    private void child(JsonNode node, String base, List<String> path, String segment) {
        if (node == null || !node.isObject()) {
            return;
        }
        path.add(segment);
        visit(node, base, path);
        path.remove(path.size() - 1);
    }

    private static boolean isTrue(JsonNode node, String keyword) {
        JsonNode v = node.get(keyword);
        return v != null && v.isBoolean() && v.booleanValue();
    }
}
