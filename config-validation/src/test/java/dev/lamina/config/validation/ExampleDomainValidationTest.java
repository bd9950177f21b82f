package dev.lamina.config.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;

import dev.lamina.config.Layer;
import dev.lamina.config.validation.rules.RulePacks;

/** All packs, the example-domain schema and strict mode against a representative production configuration. */
class ExampleDomainValidationTest {

    private static Path resource(String name) {
        try {
            return Path.of(Objects.requireNonNull(ExampleDomainValidationTest.class.getResource(name)).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Layer production(String text) {
        return TestConfigs.layer("production.yaml", text);
    }

    private static ValidationReport validate(Layer layer) {
        return fullEngine().validateConfig(TestConfigs.load(List.of(layer)),
                ValidationContext.forEnvironment("production_config", "production").withWrittenLayers(List.of(layer)));
    }

    private static ValidationEngine fullEngine() {
        return new ValidationEngine().addRules(RulePacks.all()).addSchema(resource("/music/schema.json"))
                .setStrictMode(true);
    }

    @Test
    void representativeProductionConfigurationPassesEveryPackAndTheSchema() throws IOException {
        ValidationReport report = validate(production(Files.readString(resource("/music/production.yaml"))));

        assertThat(report.environment()).contains("production");
        assertThat(report.failures()).filteredOn(ValidationResult::isBlocking).isEmpty();
        assertThat(report.overallValid()).isTrue();
        assertThat(report.complianceScores()).containsEntry("GDPR", 100.0);
    }

    @Test
    void productionConfigurationWithMistakesListsEachWithItsLine() throws IOException {
        String text = Files.readString(resource("/music/production.yaml"))
                .replace("high: 256", "high: 384")
                .replace("min_replicas: 3", "min_replicas: 30")
                .replace("logs_days: 365", "logs_days: 400");
        ValidationReport report = validate(production(text));

        assertThat(report.overallValid()).isFalse();
        assertThat(report.failures()).filteredOn(ValidationResult::isBlocking)
                .extracting(r -> r.ruleId() + "@" + r.path() + ":" + r.origin().line())
                .containsExactlyInAnyOrder(
                        "streaming.bitrate-order@music_streaming.audio_quality.bitrates.high:12",
                        "compliance.gdpr.retention-limits@gdpr_compliance.data_retention.logs_days:44",
                        "performance.replica-bounds@auto_scaling.min_replicas:50");
    }
}
