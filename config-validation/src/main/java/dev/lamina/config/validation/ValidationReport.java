package dev.lamina.config.validation;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.lamina.config.validation.internal.report.ReportRenderer;

/**
 * The outcome of one validation run: every result of every rule that ran, in rule order, with counts by severity,
 * compliance scores, how many rules ran and how long it took.
 *
 * <p>Immutable and thread-safe. {@link #toJson()} and {@link #toText()} render it for CI and for people; neither
 * contains a secret value, since no result message does.
 *
 * @param configName       the configuration's name
 * @param environment      the environment validated for, when known
 * @param results          every result, failures and passed checks, in the order the rules ran
 * @param complianceScores per compliance framework ({@code GDPR}, {@code SOX}, …), the percentage (0–100) of its
 *                         rules that ran and passed; only frameworks with at least one rule that ran
 * @param rulesRun         how many rules ran (rules scoped to another environment or framework do not count)
 * @param duration         how long the run took
 * @param appliedFrameworks the compliance frameworks whose rules applied, each with why ({@code declared in
 *                          staging.yaml:3:16}, {@code declared by region EU (…)}, {@code requested with --packs});
 *                          empty when no framework was declared or requested, so no compliance rule ran
 */
public record ValidationReport(String configName, Optional<String> environment, List<ValidationResult> results,
                               Map<String, Double> complianceScores, int rulesRun, Duration duration,
                               Map<String, String> appliedFrameworks) {

    /**
     * Copies the collections and checks the components.
     *
     * @throws NullPointerException     if a component is {@code null}
     * @throws IllegalArgumentException if {@code rulesRun} or the duration is negative
     */
    public ValidationReport {
        Objects.requireNonNull(configName, "configName");
        Objects.requireNonNull(environment, "environment");
        results = List.copyOf(results);
        complianceScores = Collections.unmodifiableMap(new LinkedHashMap<>(complianceScores));
        appliedFrameworks = Collections.unmodifiableMap(new LinkedHashMap<>(appliedFrameworks));
        Objects.requireNonNull(duration, "duration");
        if (rulesRun < 0 || duration.isNegative()) {
            throw new IllegalArgumentException("rulesRun and duration must not be negative");
        }
    }

    /**
     * A report without applied frameworks.
     *
     * @param configName       the configuration's name
     * @param environment      the environment, when known
     * @param results          every result
     * @param complianceScores the scores per framework
     * @param rulesRun         how many rules ran
     * @param duration         how long the run took
     */
    public ValidationReport(String configName, Optional<String> environment, List<ValidationResult> results,
                            Map<String, Double> complianceScores, int rulesRun, Duration duration) {
        this(configName, environment, results, complianceScores, rulesRun, duration, Map.of());
    }

    /** @return {@code true} when no result failed with severity {@link Severity#ERROR} or {@link Severity#CRITICAL} */
    public boolean overallValid() {
        return results.stream().noneMatch(ValidationResult::isBlocking);
    }

    /** @return the failed results, in order */
    public List<ValidationResult> failures() {
        return results.stream().filter(r -> !r.valid()).toList();
    }

    /** @return the number of failed results per severity, every severity present (zero when none), most severe first */
    public Map<Severity, Integer> countsBySeverity() {
        EnumMap<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0);
        }
        for (ValidationResult r : results) {
            if (!r.valid()) {
                counts.merge(r.severity(), 1, Integer::sum);
            }
        }
        return Collections.unmodifiableMap(counts);
    }

    /**
     * @param severity a severity
     * @return the number of failed results of exactly that severity
     */
    public int count(Severity severity) {
        return countsBySeverity().get(severity);
    }

    /**
     * @param framework a framework name ({@code GDPR}, {@code ISO 27001}, …)
     * @return its score (0–100), or empty when none of its rules ran
     */
    public Optional<Double> complianceScore(String framework) {
        return Optional.ofNullable(complianceScores.get(ValidationContext.normaliseFramework(framework)));
    }

    /**
     * Renders the report as a JSON document for CI (format described in {@code docs/validation.md}).
     *
     * @return pretty-printed JSON
     */
    public String toJson() {
        return ReportRenderer.json(this);
    }

    /**
     * Renders the report for people: the summary, then one block per failure, most severe first.
     *
     * @return multi-line text ending with a newline
     */
    public String toText() {
        return ReportRenderer.text(this);
    }

    /** @return the short human summary (verdict, counts, duration, compliance scores), as {@code getValidationSummary} */
    public String summary() {
        return ReportRenderer.summary(this);
    }
}
