package dev.lamina.config.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.ConfigLoader;
import dev.lamina.config.ConfigParseException;
import dev.lamina.config.ConfigRenderer;
import dev.lamina.config.ConfigSources;
import dev.lamina.config.Configuration;
import dev.lamina.config.ConfigurationOptions;
import dev.lamina.config.Format;
import dev.lamina.config.RenderFormat;

/** A schema's {@code "writeOnly": true} and {@code "x-secret": true} make paths secret, whatever their names. */
class SchemaSecretPathsTest {

    private static final String PLANT = "schemaPlantK7x";

    @TempDir
    Path dir;

    private Path schema(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void writeOnlyAndXSecretAreFoundThroughPropertiesMapsListsRefsAndCombinators() throws Exception {
        schema("common.json", """
                {"$defs": {"dsn": {"type": "string", "writeOnly": true}}}
                """);
        Path file = schema("schema.json", """
                {"type": "object",
                 "properties": {
                   "db": {"type": "object", "properties": {
                       "url": {"$ref": "common.json#/$defs/dsn"},
                       "host": {"type": "string"},
                       "ssl": {"type": "object", "x-secret": true, "properties": {"cert": {"type": "string"}}}}},
                   "webhooks": {"type": "array", "items": {"type": "object",
                       "properties": {"signing": {"x-secret": true}, "url": {"type": "string"}}}},
                   "tenants": {"type": "object", "additionalProperties": {
                       "allOf": [{"$ref": "#/$defs/tenant"}]}},
                   "node": {"$ref": "#/$defs/node"},
                   "plain": {"type": "string", "writeOnly": false},
                   "a.b": {"type": "string", "writeOnly": true}},
                 "$defs": {
                   "tenant": {"properties": {"license": {"type": "string", "writeOnly": true}}},
                   "node": {"properties": {"child": {"$ref": "#/$defs/node"}, "seed": {"x-secret": true}}}}}
                """);
        assertThat(ValidationEngine.schemaSecretPaths(file)).containsExactly(
                "db.url", "db.ssl", "webhooks.*.signing", "tenants.*.license", "node.seed", "\"a.b\"");
        assertThat(ValidationEngine.builder().addSchema(file).build().secretPaths())
                .isEqualTo(ValidationEngine.schemaSecretPaths(file));
    }

    @Test
    void declaredPathsMaskEveryOutputOfALoadedConfiguration() throws Exception {
        Path file = schema("schema.yaml", """
                type: object
                properties:
                  service:
                    type: object
                    properties:
                      dsn: {type: string, writeOnly: true, minLength: 100}
                      name: {type: string}
                """);
        String yaml = "service:\n  dsn: " + PLANT + "\n  name: shop\n";
        ConfigurationOptions options = ConfigurationOptions.builder()
                .addSecretPaths(ValidationEngine.schemaSecretPaths(file).toArray(String[]::new)).build();
        Configuration config = new ConfigLoader(options).load(List.of(ConfigSources.string("app.yaml", Format.YAML,
                yaml)));
        assertThat(config.isSecret("service.dsn")).isTrue();
        assertThat(config.isSecret("service.name")).isFalse();
        assertThat(config.getString("service.dsn")).isEqualTo(PLANT);
        assertThat(config.toString()).doesNotContain(PLANT);
        for (RenderFormat f : RenderFormat.values()) {
            assertThat(ConfigRenderer.render(config, f, ConfigRenderer.Options.defaults())).doesNotContain(PLANT);
        }
        assertThat(config.explain("service.dsn").toString()).doesNotContain(PLANT);
    }

    @Test
    void schemaFindingsNeverQuoteAWriteOnlyValueEvenWhenTheConfigurationWasLoadedWithoutIt() throws Exception {
        Path file = schema("schema.json", """
                {"type": "object", "properties": {"service": {"type": "object", "properties": {
                  "locator": {"type": "string", "writeOnly": true, "pattern": "^postgres://", "enum": ["a", "b"]}}}}}
                """);
        Configuration config = TestConfigs.yaml("service:\n  locator: " + PLANT + "\n");
        assertThat(config.isSecret("service.locator")).isFalse(); // the name says nothing
        ValidationReport report = ValidationEngine.builder().addSchema(file).build().validateConfig(config, "dev");
        assertThat(report.overallValid()).isFalse();
        assertThat(report.failures()).isNotEmpty();
        assertThat(report.toText()).doesNotContain(PLANT).contains("value not shown: secret");
        assertThat(report.toJson()).doesNotContain(PLANT);
    }

    /** The schema shown in docs/security.md ("Masking") declares what the page says it does. */
    @Test
    void theSecurityPagesSchemaExampleDeclaresWhatThePageSays() throws Exception {
        String page = null;
        for (Path p = Path.of("").toAbsolutePath(); p != null && page == null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("docs/security.md"))) {
                page = Files.readString(p.resolve("docs/security.md"));
            }
        }
        assertThat(page).as("docs/security.md above the working directory").isNotNull();
        int start = page.indexOf("```json\n", page.indexOf("## Masking"));
        String json = page.substring(start + 8, page.indexOf("```", start + 8));
        assertThat(ValidationEngine.schemaSecretPaths(schema("doc-schema.json", json)))
                .containsExactly("reporting.endpoint", "tenants.*.license");
        assertThat(page).contains("(`reporting.endpoint`, `tenants.*.license`)");
    }

    @Test
    void badSchemaFilesFailNamingTheFile() throws Exception {
        Path broken = schema("broken.json", "{\"properties\": ");
        assertThatThrownBy(() -> ValidationEngine.schemaSecretPaths(broken))
                .isInstanceOf(ConfigParseException.class).hasMessageContaining("broken.json");
        assertThatThrownBy(() -> ValidationEngine.schemaSecretPaths(dir.resolve("missing.json")))
                .hasMessageContaining("schema file not found");
        // A $ref that cannot be resolved declares nothing here (the validator reports it when the schema is added).
        Path dangling = schema("dangling.json", "{\"properties\": {\"a\": {\"$ref\": \"nowhere.json\"}}}");
        assertThat(ValidationEngine.schemaSecretPaths(dangling)).isEmpty();
    }
}
