package dev.lamina.config.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.lamina.config.ConfigSources;
import dev.lamina.config.Layer;
import dev.lamina.config.ParseLimits;
import dev.lamina.config.validation.examples.MusicStreamingPack;
import dev.lamina.config.validation.rules.RulePacks;

/**
 * Every pack, the example-domain schema ({@code src/test/resources/music/schema.json}) and strict mode against the
 * shipped example configuration ({@code examples/config}), layered as the manager layers it (production extends
 * staging).
 */
class ExampleDomainValidationTest {

    private static final Path EXAMPLES = Path.of("..", "examples", "config");

    private static Path schema() {
        try {
            return Path.of(Objects.requireNonNull(
                    ExampleDomainValidationTest.class.getResource("/music/schema.json")).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ValidationEngine fullEngine() {
        return ValidationEngine.builder().addRules(RulePacks.all()).addRules(MusicStreamingPack.rules())
                .addSchema(schema()).strictMode(true).build();
    }

    private static List<String> files(String environment) {
        List<String> files = new ArrayList<>(List.of("base.yaml"));
        if (environment.equals("production")) {
            files.add("staging.yaml"); // environments.yaml: production extends staging
        }
        files.add(environment + ".yaml");
        return files;
    }

    private static ValidationReport validate(String environment, List<Layer> layers) {
        return fullEngine().validateConfig(TestConfigs.load(layers),
                ValidationContext.forEnvironment(environment + "_config", environment).withWrittenLayers(layers));
    }

    @ParameterizedTest(name = "the {0} example passes every pack, the schema and strict mode")
    @ValueSource(strings = {"development", "staging", "production"})
    void exampleConfigurationPasses(String environment) {
        List<Layer> layers = new ArrayList<>();
        for (String file : files(environment)) {
            layers.addAll(ConfigSources.file(EXAMPLES.resolve(file)).read(ParseLimits.DEFAULTS));
        }

        ValidationReport report = validate(environment, layers);

        assertThat(report.failures()).filteredOn(ValidationResult::isBlocking).isEmpty();
        assertThat(report.overallValid()).isTrue();
        assertThat(report.complianceScores()).containsEntry("GDPR", 100.0);
    }

    @Test
    void mistakesInTheExampleAreEachReportedWithFileAndLine() throws IOException {
        String base = Files.readString(EXAMPLES.resolve("base.yaml"))
                .replace("high: 256", "high: 384")
                .replace("logs_days: 365", "logs_days: 400")
                .replace("recycle_timeout: 3600s", "recycle_timout: 3600s");
        String production = Files.readString(EXAMPLES.resolve("production.yaml"))
                .replace("min_replicas: 6", "min_replicas: 90");
        List<Layer> layers = List.of(TestConfigs.layer("base.yaml", base),
                TestConfigs.layer("staging.yaml", Files.readString(EXAMPLES.resolve("staging.yaml"))),
                TestConfigs.layer("production.yaml", production));

        ValidationReport report = validate("production", layers);

        assertThat(report.overallValid()).isFalse();
        assertThat(report.failures()).filteredOn(ValidationResult::isBlocking)
                .extracting(r -> r.ruleId() + " " + r.describe())
                .containsExactlyInAnyOrder(
                        "streaming.bitrate-order base.yaml:" + lineOf(base, "high: 384")
                                + ":13 music_streaming.audio_quality.bitrates_kbps.high: bitrate of 'high' (384) is"
                                + " above 'premium' (320) (fix: keep premium >= high >= normal >= low)",
                        "compliance.gdpr.retention-limits base.yaml:" + lineOf(base, "logs_days: 400")
                                + ":16 gdpr_compliance.retention.logs_days: retention of logs is 400 days, above the"
                                + " documented maximum of 365 (fix: set it to at most 365 days)",
                        "schema.unknown-key base.yaml:" + lineOf(base, "recycle_timout")
                                + ":21 database.pool.recycle_timout: unknown key 'recycle_timout': no schema declares"
                                + " it under database.pool (fix: did you mean 'recycle_timeout'?)",
                        "performance.replica-bounds production.yaml:" + lineOf(production, "min_replicas: 90")
                                + ":17 auto_scaling.min_replicas: min_replicas 90 is above max_replicas 60"
                                + " (fix: make min_replicas <= max_replicas)");
    }

    private static int lineOf(String text, String fragment) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(fragment)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line contains " + fragment);
    }
}
