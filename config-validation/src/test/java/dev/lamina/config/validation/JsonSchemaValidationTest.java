package dev.lamina.config.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.ConfigParseException;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigSourceException;
import dev.lamina.config.Configuration;

class JsonSchemaValidationTest {

    private static final String SECRET = "hunter2-plain";

    @TempDir
    Path dir;

    private static Path refsSchema() {
        try {
            return Path.of(Objects.requireNonNull(
                    JsonSchemaValidationTest.class.getResource("/schemas/refs/schema.json")).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ValidationReport validate(String yaml) {
        return ValidationEngine.builder().addSchema(refsSchema()).build()
                .validateConfig(TestConfigs.yaml("app.yaml", yaml), "dev");
    }

    private static ValidationResult at(ValidationReport report, String path, String messagePart) {
        return report.failures().stream()
                .filter(r -> r.path().equals(ConfigPath.parse(path)) && r.message().contains(messagePart))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no failure at " + path + " containing '" + messagePart
                        + "' in " + report.failures()));
    }

    @Test
    void listsEveryViolationWithItsPathAndLine() {
        ValidationReport report = validate("""
                server:
                  host: api.example.com
                  port: 70000
                database:
                  host: db
                  password: "ENC[v1,AES256_GCM,kid:k1,iv:aaaa,data:bbbb,tag:cccc]"
                  port: 0
                features:
                  - search
                  - karaoke
                """);

        assertThat(report.overallValid()).isFalse();
        assertThat(report.failures()).hasSize(3);
        assertThat(at(report, "server.port", "maximum").origin().line()).isEqualTo(3);
        assertThat(at(report, "database.port", "minimum").origin().line()).isEqualTo(7);
        assertThat(at(report, "features[1]", "enumeration").origin().line()).isEqualTo(10);
        assertThat(report.failures()).allSatisfy(r -> {
            assertThat(r.ruleId()).isEqualTo("schema:schema.json");
            assertThat(r.origin().source()).isEqualTo("app.yaml");
        });
    }

    @Test
    void followsRefIntoAnotherFile() {
        ValidationReport report = validate("""
                server: {port: 70000}
                database: {host: db, password: "ENC[v1,AES256_GCM,kid:k1,iv:aaaa,data:bbbb,tag:cccc]", pool: {min_size: 1, max_sise: 5}}
                """);

        assertThat(at(report, "server.port", "maximum value of 65535").suggestedFix()).contains("use a value of at most 65535");
        ValidationResult typo = at(report, "database.pool.max_sise", "not defined in the schema");
        assertThat(typo.suggestedFix()).contains("did you mean 'max_size'?");
    }

    @Test
    void neverQuotesTheValueOfSecretPath() {
        ValidationReport report = validate("""
                server: {port: 8080}
                database:
                  host: db
                  password: %s
                """.formatted(SECRET));

        ValidationResult pattern = at(report, "database.password", "'pattern'");
        assertThat(pattern.message()).contains("value not shown: secret");
        at(report, "database.password", "at least 16 characters");
        assertThat(report.toJson()).doesNotContain(SECRET);
        assertThat(report.toText()).doesNotContain(SECRET);
        assertThat(report.results()).allSatisfy(r -> {
            assertThat(r.message()).doesNotContain(SECRET);
            assertThat(r.suggestedFix().orElse("")).doesNotContain(SECRET);
        });
    }

    @Test
    void reportsMissingRequiredKeyAtItsPathWithParentOrigin() {
        ValidationReport report = validate("""
                server: {port: 8080}
                database:
                  host: db
                """);

        ValidationResult missing = at(report, "database.password", "required property 'password' not found");
        // The origin of the object that lacks the key: a block mapping starts at its first key.
        assertThat(missing.origin().line()).isEqualTo(3);
        assertThat(missing.suggestedFix()).contains("add the key 'password' under database");
    }

    @Test
    void stringThatIsCleanIntegerSatisfiesIntegerType() {
        ValidationReport report = validate("""
                server: {port: "8080"}
                database: {host: db, password: "ENC[v1,AES256_GCM,kid:k1,iv:aaaa,data:bbbb,tag:cccc]"}
                """);

        assertThat(report.failures()).isEmpty();
    }

    @Test
    void convertedStringIsStillCheckedAgainstBounds() {
        ValidationReport report = validate("""
                server: {port: "99999"}
                database: {host: db, password: "ENC[v1,AES256_GCM,kid:k1,iv:aaaa,data:bbbb,tag:cccc]"}
                """);

        assertThat(at(report, "server.port", "maximum").origin().line()).isEqualTo(1);
    }

    @Test
    void stringThatIsNotCleanIntegerFailsTypeWithFix() {
        ValidationReport report = validate("""
                server: {port: "8080x"}
                database: {host: db, password: "ENC[v1,AES256_GCM,kid:k1,iv:aaaa,data:bbbb,tag:cccc]"}
                """);

        assertThat(at(report, "server.port", "string found, integer expected").suggestedFix())
                .contains("write a value of type integer");
    }

    @Test
    void acceptsDraft07Schemas() throws IOException {
        Path schema = Files.writeString(dir.resolve("legacy.json"), """
                {"$schema": "http://json-schema.org/draft-07/schema#",
                 "properties": {"workers": {"type": "integer", "minimum": 1}},
                 "required": ["workers"]}
                """);
        Configuration config = TestConfigs.yaml("workers: 0");

        ValidationReport report = ValidationEngine.builder().addSchema(schema).build().validateConfig(config, "dev");

        assertThat(at(report, "workers", "minimum").ruleId()).isEqualTo("schema:legacy.json");
    }

    @Test
    void findsYamlSchemaInConfigDirectoryByConvention() throws IOException {
        Files.writeString(dir.resolve("schema.yaml"), """
                type: object
                properties:
                  replicas: {type: integer, maximum: 10}
                """);
        ValidationEngine engine = ValidationEngine.builder().addSchemasFromDirectory(dir).build();

        assertThat(engine.schemaCount()).isEqualTo(1);
        assertThat(at(engine.validateConfig(TestConfigs.yaml("replicas: 11"), "dev"), "replicas", "maximum")
                .ruleId()).isEqualTo("schema:schema.yaml");
    }

    @Test
    void directoryWithoutConventionalSchemaAddsNothing() {
        ValidationEngine engine = ValidationEngine.builder().addSchemasFromDirectory(dir).build();

        assertThat(engine.schemaCount()).isZero();
        assertThat(engine.rules()).isEmpty();
    }

    @Test
    void rejectsSchemaThatIsNotJsonWithFileAndLine() throws IOException {
        Path schema = Files.writeString(dir.resolve("broken.json"), "{\n  \"type\": \"object\",\n  oops\n}");

        assertThatThrownBy(() -> ValidationEngine.builder().addSchema(schema).build())
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("broken.json:3")
                .hasMessageContaining("schema is not valid JSON");
    }

    @Test
    void rejectsSchemaWithUnresolvableRefWhenAdded() throws IOException {
        Path schema = Files.writeString(dir.resolve("dangling.json"), """
                {"properties": {"port": {"$ref": "missing.json#/$defs/port"}}}
                """);

        assertThatThrownBy(() -> ValidationEngine.builder().addSchema(schema).build())
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("dangling.json")
                .hasMessageContaining("invalid JSON Schema");
    }

    @Test
    void refusesRemoteRefsSoValidationNeverReachesTheNetwork() throws IOException {
        Path schema = Files.writeString(dir.resolve("remote.json"), """
                {"properties": {"port": {"$ref": "http://schemas.example.invalid/port.json"}}}
                """);

        assertThatThrownBy(() -> ValidationEngine.builder().addSchema(schema).build())
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("remote.json")
                .hasMessageContaining("not allowed");
    }

    @Test
    void reportsMissingSchemaFileAsSourceError() {
        assertThatThrownBy(() -> ValidationEngine.builder().addSchema(dir.resolve("nope.json")).build())
                .isInstanceOf(ConfigSourceException.class)
                .hasMessageContaining("nope.json")
                .hasMessageContaining("schema file not found");
    }

    @Test
    void strictModeReportsUnknownKeyWithNearestKnownKey() {
        ValidationEngine engine = ValidationEngine.builder().addSchema(refsSchema()).strictMode(true).build();

        ValidationReport report = engine.validateConfig(TestConfigs.yaml("app.yaml", """
                server: {port: 8080}
                database:
                  hots: db
                  host: db
                  password: "ENC[v1,AES256_GCM,kid:k1,iv:aaaa,data:bbbb,tag:cccc]"
                featurez: []
                """), "dev");

        ValidationResult hots = at(report, "database.hots", "unknown key 'hots'");
        assertThat(hots.ruleId()).isEqualTo("schema.unknown-key");
        assertThat(hots.origin().line()).isEqualTo(3);
        assertThat(hots.suggestedFix()).contains("did you mean 'host'?");
        assertThat(at(report, "featurez", "unknown key").suggestedFix()).contains("did you mean 'features'?");
    }

    @Test
    void withoutStrictModeUnknownKeysAreAllowedWhereSchemaAllowsThem() {
        ValidationReport report = validate("""
                server: {port: 8080}
                database: {hots: db, host: db, password: "ENC[v1,AES256_GCM,kid:k1,iv:aaaa,data:bbbb,tag:cccc]"}
                """);

        assertThat(report.failures()).isEmpty();
    }

    @Test
    void strictModeLeavesMapLikeObjectsAlone() throws IOException {
        Path schema = Files.writeString(dir.resolve("maps.json"), """
                {"type": "object",
                 "properties": {"limits": {"type": "object", "additionalProperties": {"type": "integer"}}}}
                """);
        ValidationEngine engine = ValidationEngine.builder().addSchema(schema).strictMode(true).build();

        List<ValidationResult> failures = engine.validateConfig(
                TestConfigs.yaml("limits: {premium: 6, free: 1}"), "dev").failures();

        assertThat(failures).isEmpty();
    }
}
