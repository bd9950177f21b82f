package dev.lamina.config.validation.internal.report;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.lamina.config.Origin;
import dev.lamina.config.validation.Severity;
import dev.lamina.config.validation.ValidationReport;
import dev.lamina.config.validation.ValidationResult;

/**
 * Renders reports as JSON (for CI) and text (for people). Only the report's own fields are written, and result
 * messages are already free of secret values, so nothing here can leak one.
 */
public final class ReportRenderer {

    /** The {@code format} field of the JSON document; bumped when the shape changes incompatibly. */
    public static final String JSON_FORMAT = "lamina-validation-report/1";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The style of every JSON document Lamina prints ({@code render --format json}): {@code "key": value}. */
    private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter()
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("").withArrayEmptySeparator(""));

    private ReportRenderer() {
    }

    /**
     * @param report the report
     * @return pretty-printed JSON
     */
    public static String json(ValidationReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", JSON_FORMAT);
        root.put("config", report.configName());
        report.environment().ifPresentOrElse(e -> root.put("environment", e), () -> root.putNull("environment"));
        root.put("overallValid", report.overallValid());
        root.put("rulesRun", report.rulesRun());
        root.put("durationMillis", report.duration().toNanos() / 1_000_000.0);
        ObjectNode counts = root.putObject("counts");
        report.countsBySeverity().forEach((s, n) -> counts.put(name(s), n));
        ObjectNode applied = root.putObject("appliedFrameworks");
        report.appliedFrameworks().forEach(applied::put);
        ObjectNode scores = root.putObject("complianceScores");
        report.complianceScores().forEach(scores::put);
        ArrayNode results = root.putArray("results");
        for (ValidationResult r : report.results()) {
            ObjectNode o = results.addObject();
            o.put("ruleId", r.ruleId());
            o.put("severity", name(r.severity()));
            o.put("valid", r.valid());
            o.put("message", r.message());
            o.put("path", r.path().toString());
            Origin origin = r.origin();
            if (origin.equals(Origin.UNKNOWN)) {
                o.putNull("source");
            } else {
                o.put("source", origin.source());
            }
            putPosition(o, "line", origin.line());
            putPosition(o, "column", origin.column());
            r.suggestedFix().ifPresentOrElse(f -> o.put("suggestedFix", f), () -> o.putNull("suggestedFix"));
        }
        try {
            return MAPPER.writer(PRINTER).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            // Only our own in-memory tree is written; this cannot happen short of a Jackson bug.
            throw new IllegalStateException("cannot render the validation report as JSON", e);
        }
    }

    private static void putPosition(ObjectNode o, String field, int value) {
        if (value > 0) {
            o.put(field, value);
        } else {
            o.putNull(field);
        }
    }

    /**
     * @param report the report
     * @return two or three lines: verdict, counts and timing, compliance scores when any
     */
    public static String summary(ValidationReport report) {
        StringBuilder sb = new StringBuilder();
        sb.append("Validation of ").append(report.configName());
        report.environment().ifPresent(e -> sb.append(" (environment ").append(e).append(')'));
        sb.append(": ").append(report.overallValid() ? "VALID" : "INVALID").append('\n');
        Map<Severity, Integer> counts = report.countsBySeverity();
        sb.append("  ").append(counts.entrySet().stream()
                        .map(e -> plural(e.getValue(), name(e.getKey())))
                        .collect(Collectors.joining(", ")))
                .append("; ").append(plural(report.rulesRun(), "rule")).append(" in ")
                .append(String.format(Locale.ROOT, "%.1f ms", report.duration().toNanos() / 1_000_000.0))
                .append('\n');
        if (report.appliedFrameworks().isEmpty()) {
            sb.append("  compliance frameworks: none declared (declare them with compliance: {frameworks: [...]}, a "
                    + "region, a tenant, or --packs)\n");
        } else {
            report.appliedFrameworks().forEach((f, why) -> sb.append("  framework ").append(f).append(": ")
                    .append(why).append('\n'));
        }
        if (!report.complianceScores().isEmpty()) {
            sb.append("  compliance: ").append(report.complianceScores().entrySet().stream()
                    .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.0f%%", e.getValue()))
                    .collect(Collectors.joining(", "))).append('\n');
        }
        return sb.toString();
    }

    /**
     * @param report the report
     * @return the summary followed by every failure, most severe first, each with location and fix
     */
    public static String text(ValidationReport report) {
        StringBuilder sb = new StringBuilder(summary(report));
        List<ValidationResult> failures = report.failures().stream()
                .sorted(Comparator.comparing(ValidationResult::severity))
                .toList();
        // One line per finding, location first, so editors and CI annotators can jump to it.
        for (ValidationResult r : failures) {
            sb.append('\n').append(r.describe()).append("  [").append(name(r.severity())).append(' ')
                    .append(r.ruleId()).append(']');
        }
        if (!failures.isEmpty()) {
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String name(Severity s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    private static String plural(int n, String word) {
        if (n == 1) {
            return n + " " + word;
        }
        return n + " " + (word.equals("info") || word.equals("critical") ? word : word + "s");
    }
}
