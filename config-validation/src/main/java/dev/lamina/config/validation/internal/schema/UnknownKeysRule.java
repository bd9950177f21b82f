package dev.lamina.config.validation.internal.schema;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.Configuration;
import dev.lamina.config.validation.Severity;
import dev.lamina.config.validation.ValidationContext;
import dev.lamina.config.validation.ValidationResult;
import dev.lamina.config.validation.ValidationRule;
import dev.lamina.config.spi.Suggestions;

/**
 * Strict mode: every key that the added schemas do not declare is an error, with the nearest declared key as the
 * suggested fix.
 *
 * <p>The rule walks the configuration alongside the schemas, following {@code $ref} (within and between files),
 * {@code allOf}/{@code anyOf}/{@code oneOf}, {@code properties}, {@code patternProperties},
 * {@code additionalProperties} and {@code items}/{@code prefixItems}. An object is only checked where some schema
 * lists its {@code properties}; objects whose schema admits extra keys through an {@code additionalProperties}
 * schema (maps) are not checked, and neither are objects whose schema already forbids extra keys (the schema rule
 * reports those itself).
 */
public final class UnknownKeysRule implements ValidationRule {

    /** The rule's id. */
    public static final String ID = "schema.unknown-key";
    private static final int MAX_REF_DEPTH = 64;

    private final List<SchemaDocument> schemas;
    // Both caches are bounded by the schemas' own size: one entry per distinct reference or pattern.
    private final Map<String, String> resolvedUris = new ConcurrentHashMap<>();
    private final Map<String, Optional<Pattern>> patterns = new ConcurrentHashMap<>();
    private final Map<IdentityKey, List<Located>> expansions = new ConcurrentHashMap<>();
    private final Map<IdentityKey, Shape> shapes = new ConcurrentHashMap<>();

    /** @param schemas the schemas whose declared keys are the known keys */
    public UnknownKeysRule(List<SchemaDocument> schemas) {
        this.schemas = List.copyOf(schemas);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "every key is declared in a schema (strict mode)";
    }

    @Override
    public List<ValidationResult> validate(Configuration config, ValidationContext context) {
        List<Located> roots = new ArrayList<>();
        for (SchemaDocument s : schemas) {
            roots.add(new Located(s.tree(), s.uri(), s));
        }
        List<ValidationResult> out = new ArrayList<>();
        check(config.root(), new ArrayList<>(), roots, out);
        return out;
    }

    /** A schema node and the URI its relative references resolve against. */
    private record Located(JsonNode node, String base, SchemaDocument document) {
    }

    /*
     * The path is a stack of segments, turned into a ConfigPath only when a key is reported: most nodes are fine, and
     * building a path per node would be most of the rule's cost.
     */
    private void check(ConfigNode node, List<String> path, List<Located> applicable, List<ValidationResult> out) {
        if (applicable.isEmpty()) {
            return;
        }
        List<Located> schemasHere = expand(applicable);
        if (schemasHere.isEmpty()) {
            return;
        }
        if (node instanceof ConfigObject object) {
            // With one applicable schema, schemasHere is its cached expansion: a stable identity to cache by.
            checkObject(object, path, schemasHere, applicable.size() == 1, out);
        } else if (node instanceof ConfigList list) {
            for (int i = 0; i < list.size(); i++) {
                List<Located> itemSchemas = new ArrayList<>();
                for (Located s : schemasHere) {
                    JsonNode prefix = s.node().get("prefixItems");
                    JsonNode items = s.node().get("items");
                    if (prefix != null && prefix.isArray() && i < prefix.size()) {
                        itemSchemas.add(new Located(prefix.get(i), s.base(), s.document()));
                    } else if (items != null && items.isArray() && i < items.size()) {
                        itemSchemas.add(new Located(items.get(i), s.base(), s.document()));
                    } else if (items != null && items.isObject()) {
                        itemSchemas.add(new Located(items, s.base(), s.document()));
                    }
                }
                path.add(Integer.toString(i));
                check(list.items().get(i), path, itemSchemas, out);
                path.remove(path.size() - 1);
            }
        }
    }

    /** What the schemas that apply to an object say about its keys. */
    private record Shape(Set<String> declared, List<Pattern> patterns, boolean checked) {
    }

    private Shape shape(List<Located> schemasHere) {
        return shapes.computeIfAbsent(new IdentityKey(schemasHere), k -> shapeNow(schemasHere));
    }

    private Shape shapeNow(List<Located> schemasHere) {
        Set<String> declared = new LinkedHashSet<>();
        List<Pattern> patterns = new ArrayList<>();
        boolean describesProperties = false;
        boolean openMap = false;
        boolean closedBySchema = false;
        for (Located s : schemasHere) {
            JsonNode props = s.node().get("properties");
            if (props != null && props.isObject()) {
                describesProperties = true;
                props.fieldNames().forEachRemaining(declared::add);
            }
            JsonNode patternProps = s.node().get("patternProperties");
            if (patternProps != null && patternProps.isObject()) {
                describesProperties = true;
                for (Iterator<String> it = patternProps.fieldNames(); it.hasNext(); ) {
                    compile(it.next()).ifPresent(patterns::add);
                }
            }
            JsonNode additional = s.node().get("additionalProperties");
            if (additional != null && (additional.isObject() || (additional.isBoolean() && additional.booleanValue()))) {
                openMap = true;
            }
            if (additional != null && additional.isBoolean() && !additional.booleanValue()) {
                closedBySchema = true;
            }
            JsonNode unevaluated = s.node().get("unevaluatedProperties");
            if (unevaluated != null && unevaluated.isBoolean() && !unevaluated.booleanValue()) {
                closedBySchema = true;
            }
        }
        return new Shape(Set.copyOf(declared), List.copyOf(patterns), describesProperties && !openMap && !closedBySchema);
    }

    private void checkObject(ConfigObject object, List<String> path, List<Located> schemasHere, boolean cacheable,
                             List<ValidationResult> out) {
        Shape shape = cacheable ? shape(schemasHere) : shapeNow(schemasHere);
        for (Map.Entry<String, ConfigNode> e : object.entries().entrySet()) {
            String key = e.getKey();
            boolean known = shape.declared().contains(key) || matchesAny(shape.patterns(), key);
            if (!known && shape.checked()) {
                ConfigPath parent = ConfigPath.of(new ArrayList<>(path));
                Optional<String> nearest = Suggestions.closest(key, shape.declared());
                out.add(ValidationResult.failure(ID, Severity.ERROR, parent.child(key), e.getValue().origin(),
                        "unknown key '" + key + "': no schema declares it"
                                + (parent.isRoot() ? "" : " under " + parent),
                        nearest.map(n -> "did you mean '" + n + "'?")
                                .orElse("remove the key, or declare it in the schema")));
                continue;
            }
            if (!(e.getValue() instanceof ConfigObject) && !(e.getValue() instanceof ConfigList)) {
                continue; // scalars have no keys
            }
            List<Located> childSchemas = new ArrayList<>(2);
            for (Located s : schemasHere) {
                JsonNode props = s.node().get("properties");
                if (props != null && props.has(key)) {
                    childSchemas.add(new Located(props.get(key), s.base(), s.document()));
                }
                JsonNode patternProps = s.node().get("patternProperties");
                if (patternProps != null && patternProps.isObject()) {
                    patternProps.fields().forEachRemaining(p -> compile(p.getKey())
                            .filter(rx -> rx.matcher(key).find())
                            .ifPresent(rx -> childSchemas.add(new Located(p.getValue(), s.base(), s.document()))));
                }
                JsonNode additional = s.node().get("additionalProperties");
                if (additional != null && additional.isObject() && (props == null || !props.has(key))) {
                    childSchemas.add(new Located(additional, s.base(), s.document()));
                }
            }
            path.add(key);
            check(e.getValue(), path, childSchemas, out);
            path.remove(path.size() - 1);
        }
    }

    private static boolean matchesAny(List<Pattern> patterns, String key) {
        for (Pattern p : patterns) {
            if (p.matcher(key).find()) {
                return true;
            }
        }
        return false;
    }

    private Optional<Pattern> compile(String regex) {
        return patterns.computeIfAbsent(regex, UnknownKeysRule::compileNow);
    }

    private static Optional<Pattern> compileNow(String regex) {
        try {
            return Optional.of(Pattern.compile(regex));
        } catch (PatternSyntaxException e) {
            return Optional.empty();
        }
    }

    /** Follows {@code $ref} and the combinators so that every schema that applies to a node is seen at once. */
    private List<Located> expand(List<Located> schemas) {
        if (schemas.size() == 1) {
            return expandOne(schemas.get(0));
        }
        List<Located> out = new ArrayList<>();
        for (Located s : schemas) {
            out.addAll(expandOne(s));
        }
        return out;
    }

    /** The expansion of one schema node never changes, so it is computed once per node (by identity). */
    private List<Located> expandOne(Located s) {
        IdentityKey key = new IdentityKey(s.node(), s.base());
        List<Located> cached = expansions.get(key);
        if (cached == null) {
            List<Located> out = new ArrayList<>();
            expand(s, out, new HashSet<>(), 0);
            cached = List.copyOf(out);
            expansions.putIfAbsent(key, cached);
        }
        return cached;
    }

    /**
     * An object compared by identity (a schema node's {@code equals} is a deep comparison), with the base URI it is
     * read against. Schema nodes and cached expansions are immutable, so identity is a sound key.
     */
    private static final class IdentityKey {
        private final Object target;
        private final String base;

        IdentityKey(Object target, String base) {
            this.target = target;
            this.base = base;
        }

        IdentityKey(Object target) {
            this(target, "");
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof IdentityKey k && k.target == target && k.base.equals(base);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(target) * 31 + base.hashCode();
        }
    }

    private void expand(Located s, List<Located> out, Set<String> seen, int depth) {
        if (s.node() == null || !s.node().isObject() || depth > MAX_REF_DEPTH) {
            return;
        }
        out.add(s);
        JsonNode ref = s.node().get("$ref");
        if (ref != null && ref.isTextual()) {
            String target = resolvedUris.computeIfAbsent(s.base() + '\n' + ref.textValue(),
                    k -> resolveUri(s.base(), ref.textValue()));
            if (seen.add(target)) {
                s.document().files().resolve(target).ifPresent(n ->
                        expand(new Located(n, SchemaFiles.stripFragment(target), s.document()), out, seen, depth + 1));
            }
        }
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            JsonNode list = s.node().get(combinator);
            if (list != null && list.isArray()) {
                list.forEach(sub -> expand(new Located(sub, s.base(), s.document()), out, seen, depth + 1));
            }
        }
    }

    static String resolveUri(String base, String ref) {
        try {
            if (ref.startsWith("#")) {
                return SchemaFiles.stripFragment(base) + ref;
            }
            return URI.create(SchemaFiles.stripFragment(base)).resolve(ref).toString();
        } catch (IllegalArgumentException e) {
            return ref;
        }
    }
}
