package dev.lamina.config.validation.internal.schema;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import dev.lamina.config.ConfigParseException;
import dev.lamina.config.ConfigSourceException;
import dev.lamina.config.Origin;

/**
 * Reads schema documents (JSON or YAML by extension) and keeps them by URI, so that strict mode and "did you mean"
 * suggestions can follow {@code $ref}s between files the way the validator does.
 */
final class SchemaFiles {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new YAMLMapper();

    private final Map<String, Optional<JsonNode>> byUri = new ConcurrentHashMap<>();
    private final Map<String, Optional<JsonNode>> byReference = new ConcurrentHashMap<>();

    static boolean isYaml(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /**
     * @param file a schema file
     * @return its tree
     * @throws ConfigSourceException if it cannot be read
     * @throws ConfigParseException  if it is not JSON/YAML
     */
    static JsonNode read(Path file) {
        String source = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigSourceException(Origin.of(source), null, "schema file not found");
        } catch (IOException e) {
            throw new ConfigSourceException(Origin.of(source), null,
                    "cannot read schema file (" + e.getClass().getSimpleName() + ")", e);
        }
        try {
            JsonNode tree = (isYaml(file) ? YAML : JSON).readTree(bytes);
            if (tree == null || !(tree.isObject() || tree.isBoolean())) {
                throw new ConfigParseException(Origin.of(source), null,
                        "a JSON Schema must be an object or a boolean");
            }
            return tree;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            Origin origin = loc == null || loc.getLineNr() < 1 ? Origin.of(source)
                    : Origin.of(source, loc.getLineNr(), loc.getColumnNr() < 1 ? -1 : loc.getColumnNr());
            // Schema files hold no configuration values, so the parser's own reason is safe to show.
            throw new ConfigParseException(origin, null, "schema is not valid "
                    + (isYaml(file) ? "YAML" : "JSON") + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ConfigSourceException(Origin.of(source), null, "cannot read schema file", e);
        }
    }

    /**
     * Registers a document already read.
     *
     * @param uri  its absolute URI
     * @param tree its tree
     */
    void put(String uri, JsonNode tree) {
        byUri.put(stripFragment(uri), Optional.of(tree));
    }

    /**
     * @param uri an absolute URI (fragment ignored)
     * @return the document, or empty when it cannot be read locally (only {@code file:} URIs are read)
     */
    Optional<JsonNode> document(String uri) {
        return byUri.computeIfAbsent(stripFragment(uri), u -> {
            try {
                URI parsed = URI.create(u);
                if (!"file".equalsIgnoreCase(parsed.getScheme())) {
                    return Optional.empty();
                }
                return Optional.of(read(Path.of(parsed)));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * @param uri an absolute URI with an optional JSON Pointer fragment
     * @return the node it designates, or empty when the document or pointer cannot be resolved
     */
    Optional<JsonNode> resolve(String uri) {
        // Schemas are immutable once read, so a resolved reference never changes.
        return byReference.computeIfAbsent(uri, this::resolveNow);
    }

    private Optional<JsonNode> resolveNow(String uri) {
        int hash = uri.indexOf('#');
        String fragment = hash < 0 ? "" : uri.substring(hash + 1);
        Optional<JsonNode> doc = document(uri);
        if (doc.isEmpty()) {
            return Optional.empty();
        }
        if (fragment.isEmpty()) {
            return doc;
        }
        if (!fragment.startsWith("/")) {
            return Optional.empty(); // a plain-name anchor; not followed
        }
        try {
            JsonNode at = doc.get().at(decode(fragment));
            return at.isMissingNode() ? Optional.empty() : Optional.of(at);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String decode(String fragment) {
        return java.net.URLDecoder.decode(fragment.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    }

    static String stripFragment(String uri) {
        int hash = uri.indexOf('#');
        return hash < 0 ? uri : uri.substring(0, hash);
    }
}
