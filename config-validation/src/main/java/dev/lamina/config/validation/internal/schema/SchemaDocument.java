package dev.lamina.config.validation.internal.schema;

import java.nio.file.Path;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaException;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.resource.AllowSchemaLoader;

import dev.lamina.config.ConfigParseException;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.Origin;
import dev.lamina.config.SecretPolicy;

/**
 * One JSON Schema file, compiled once: draft 2020-12 unless its {@code $schema} names another draft, format
 * assertions on, every error collected, instance locations as JSON Pointers. {@code $ref}s are resolved (and a
 * missing one reported) when the schema is added, not at validation time.
 */
public final class SchemaDocument {

    private static final java.util.Set<String> LOCAL_SCHEMES = java.util.Set.of("file", "classpath", "resource");

    private final Path file;
    private final String uri;
    private final JsonNode tree;
    private final JsonSchema schema;
    private final SchemaFiles files = new SchemaFiles();
    private final java.util.List<String> secretPaths;
    private final SecretPolicy declaredSecrets;

    private SchemaDocument(Path file, String uri, JsonNode tree, JsonSchema schema) {
        this.file = file;
        this.uri = uri;
        this.tree = tree;
        this.schema = schema;
        files.put(uri, tree);
        this.secretPaths = SchemaSecrets.of(files, tree, uri);
        this.declaredSecrets = SecretPolicy.none().withPaths(secretPaths);
    }

    /** @return the path patterns this schema declares secret ({@code writeOnly} or {@code x-secret}) */
    public java.util.List<String> secretPaths() {
        return secretPaths;
    }

    /**
     * @param path a config path
     * @return {@code true} when it is, or lies below, a path this schema declares secret
     */
    public boolean declaresSecret(ConfigPath path) {
        return !secretPaths.isEmpty() && declaredSecrets.isDeclared(path);
    }

    /**
     * @param file a schema file (JSON, or YAML by extension)
     * @return the compiled schema
     * @throws dev.lamina.config.ConfigSourceException if it cannot be read
     * @throws ConfigParseException                    if it is not valid JSON/YAML or not a valid schema, or a
     *                                                 {@code $ref} cannot be resolved
     */
    public static SchemaDocument load(Path file) {
        Objects.requireNonNull(file, "schemaFile");
        Path absolute = file.toAbsolutePath().normalize();
        JsonNode tree = SchemaFiles.read(absolute);
        String uri = absolute.toUri().toString();
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(true)
                .failFast(false)
                .build();
        try {
            // Only local references: a schema must never make validation reach out to the network.
            JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                    builder -> builder.schemaLoaders(loaders -> loaders.add(new AllowSchemaLoader(
                            iri -> LOCAL_SCHEMES.contains(scheme(iri.toString()))))));
            JsonSchema schema = factory.getSchema(SchemaLocation.of(uri), tree, config);
            schema.initializeValidators();
            return new SchemaDocument(absolute, uri, tree, schema);
        } catch (JsonSchemaException | IllegalArgumentException | IllegalStateException e) {
            // The validator's messages name schema locations and keywords, never configuration values.
            throw new ConfigParseException(Origin.of(file.toString()), null,
                    "invalid JSON Schema: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new ConfigParseException(Origin.of(file.toString()), null,
                    "invalid JSON Schema (" + e.getClass().getSimpleName() + "): " + e.getMessage(), e);
        }
    }

    private static String scheme(String iri) {
        int colon = iri.indexOf(':');
        return colon < 0 ? "" : iri.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
    }

    /** @return the file, absolute */
    public Path file() {
        return file;
    }

    /** @return the file's name, used in rule ids ({@code schema:schema.json}) */
    public String name() {
        return file.getFileName().toString();
    }

    /** @return the file's URI, the base of relative {@code $ref}s */
    public String uri() {
        return uri;
    }

    JsonNode tree() {
        return tree;
    }

    JsonSchema schema() {
        return schema;
    }

    SchemaFiles files() {
        return files;
    }
}
