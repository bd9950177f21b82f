package dev.lamina.config.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lamina.config.ConfigPath;
import dev.lamina.config.Origin;

class ReportRenderingTest {

    private static final ValidationReport REPORT = new ValidationReport("staging_config", Optional.of("staging"),
            List.of(
                    ValidationResult.failure("acme.warn", Severity.WARNING, ConfigPath.parse("cache.ttl"),
                            Origin.of("staging.yaml", 4, 8), "TTL is long", null),
                    ValidationResult.failure("acme.limit", Severity.ERROR, ConfigPath.parse("plans.premium.max_streams"),
                            Origin.of("staging.yaml", 12, 18), "at most 6 concurrent streams", "set 6"),
                    ValidationResult.passed("acme.ok", Severity.INFO, "all good")),
            Map.of("GDPR", 100.0), 3, Duration.ofMillis(2));

    @Test
    void jsonCarriesVerdictCountsScoresAndEveryResultWithLocation() throws Exception {
        JsonNode json = new ObjectMapper().readTree(REPORT.toJson());

        assertThat(json.get("format").asText()).isEqualTo("lamina-validation-report/1");
        assertThat(json.get("config").asText()).isEqualTo("staging_config");
        assertThat(json.get("environment").asText()).isEqualTo("staging");
        assertThat(json.get("overallValid").asBoolean()).isFalse();
        assertThat(json.get("rulesRun").asInt()).isEqualTo(3);
        assertThat(json.get("counts").get("error").asInt()).isEqualTo(1);
        assertThat(json.get("counts").get("warning").asInt()).isEqualTo(1);
        assertThat(json.get("complianceScores").get("GDPR").asDouble()).isEqualTo(100.0);
        JsonNode limit = json.get("results").get(1);
        assertThat(limit.get("ruleId").asText()).isEqualTo("acme.limit");
        assertThat(limit.get("severity").asText()).isEqualTo("error");
        assertThat(limit.get("path").asText()).isEqualTo("plans.premium.max_streams");
        assertThat(limit.get("source").asText()).isEqualTo("staging.yaml");
        assertThat(limit.get("line").asInt()).isEqualTo(12);
        assertThat(limit.get("column").asInt()).isEqualTo(18);
        assertThat(limit.get("suggestedFix").asText()).isEqualTo("set 6");
        assertThat(json.get("results").get(2).get("source").isNull()).isTrue();
    }

    @Test
    void textListsFailuresMostSevereFirstWithLocationAndFix() {
        String text = REPORT.toText();

        assertThat(text).startsWith("Validation of staging_config (environment staging): INVALID\n");
        assertThat(text).contains("compliance: GDPR 100%");
        assertThat(text.indexOf("[error acme.limit]")).isLessThan(text.indexOf("[warning acme.warn]"));
        assertThat(text).contains("\nstaging.yaml:12:18 plans.premium.max_streams: at most 6 concurrent streams"
                + " (fix: set 6)  [error acme.limit]\n");
        assertThat(text).doesNotContain("acme.ok");
    }

    @Test
    void resultDescribeLeadsWithLocation() {
        assertThat(REPORT.results().get(1).describe())
                .isEqualTo("staging.yaml:12:18 plans.premium.max_streams: at most 6 concurrent streams (fix: set 6)");
    }
}
