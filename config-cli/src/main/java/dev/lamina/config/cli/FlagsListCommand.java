package dev.lamina.config.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.Configuration;
import dev.lamina.config.Origin;
import dev.lamina.config.flags.EvaluationContext;
import dev.lamina.config.flags.ExperimentSummary;
import dev.lamina.config.flags.FlagDefinitions;
import dev.lamina.config.flags.FlagEvaluator;
import dev.lamina.config.flags.FlagSummary;
import dev.lamina.config.flags.Reason;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code configctl flags list}: every flag with its state, rollout and whom it targets, then every experiment with
 * its state, split and window, as a text table or JSON.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the feature flags (state, rollout, targeting) and experiments (state, split, window) "
                + "of an environment.")
final class FlagsListCommand implements Callable<Integer> {

    /** States a flag can be in regardless of who asks. */
    static final String ON = "on";
    static final String OFF = "off";
    static final String SCHEDULED_OFF = "scheduled-off";

    @Spec
    private CommandSpec spec;

    @Mixin
    private SourceOptions source;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            converter = ReportFormat.Converter.class, completionCandidates = ReportFormat.Names.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private ReportFormat format;

    @Option(names = "--at", paramLabel = "TIME", converter = InstantConverter.class,
            description = "Judge schedules and experiment windows at this time (ISO-8601 with offset) "
                    + "instead of now.")
    private Instant at;

    @Override
    public Integer call() {
        Configuration config = source.load();
        Clock clock = at == null ? Clock.systemUTC() : Clock.fixed(at, ZoneOffset.UTC);
        FlagEvaluator flags = FlagDefinitions.compile(config, clock);
        Instant now = clock.instant();
        List<FlagRow> flagRows = flagRows(config, flags);
        List<ExperimentRow> experimentRows = flags.experiments().stream().map(e -> ExperimentRow.of(e, now)).toList();
        PrintWriter out = spec.commandLine().getOut();
        if (format == ReportFormat.JSON) {
            printJson(out, flagRows, experimentRows);
        } else {
            printText(out, flagRows, experimentRows);
        }
        return ExitCodes.OK;
    }

    private static List<FlagRow> flagRows(Configuration config, FlagEvaluator flags) {
        ConfigObject definitions = config.root().get("feature_flags")
                .filter(ConfigObject.class::isInstance).map(ConfigObject.class::cast)
                .orElse(ConfigObject.empty(Origin.UNKNOWN));
        TargetingSummary targeting = new TargetingSummary(config);
        List<FlagRow> rows = new ArrayList<>();
        for (FlagSummary f : flags.flags()) {
            // Kill switch and schedule are decided before anything about the caller, so an empty context tells them.
            Reason r = flags.evaluate(f.key(), EvaluationContext.empty()).reason();
            String state = r == Reason.DISABLED ? OFF : r == Reason.SCHEDULED_OFF ? SCHEDULED_OFF : ON;
            Optional<ConfigNode> definition = definitions.get(f.key());
            String summary = definition.filter(ConfigObject.class::isInstance)
                    .map(d -> targeting.describe((ConfigObject) d, ConfigPath.of("feature_flags", f.key()),
                            f.variants()))
                    .orElse("everyone");
            rows.add(new FlagRow(f, state, summary));
        }
        return rows;
    }

    private static void printText(PrintWriter out, List<FlagRow> flags, List<ExperimentRow> experiments) {
        if (flags.isEmpty()) {
            out.println("no feature flags");
        } else {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"FLAG", "STATE", "ROLLOUT", "TARGETING"});
            for (FlagRow f : flags) {
                rows.add(new String[] {f.summary().key(), f.state(), percent(f.summary().rolloutPercentage()) + "%",
                    f.targeting()});
            }
            Table.print(out, rows);
        }
        out.println();
        if (experiments.isEmpty()) {
            out.println("no experiments");
        } else {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"EXPERIMENT", "STATE", "SPLIT", "WINDOW"});
            for (ExperimentRow e : experiments) {
                List<String> split = new ArrayList<>();
                e.split().forEach((variant, pct) -> split.add(variant + " " + pct + "%"));
                rows.add(new String[] {e.summary().key(), e.state(), String.join(", ", split), e.window()});
            }
            Table.print(out, rows);
        }
        out.flush();
    }

    private static void printJson(PrintWriter out, List<FlagRow> flags, List<ExperimentRow> experiments) {
        ObjectNode doc = JsonOutput.object();
        ArrayNode flagArray = doc.putArray("flags");
        for (FlagRow row : flags) {
            FlagSummary f = row.summary();
            ObjectNode o = flagArray.addObject();
            o.put("flag", f.key());
            o.put("description", f.description());
            o.put("enabled", f.enabled());
            o.put("state", row.state());
            o.put("rollout", new BigDecimal(percent(f.rolloutPercentage())));
            o.put("targeting", row.targeting());
            o.put("rules", f.ruleCount());
            f.variants().forEach(o.putArray("variants")::add);
            f.dependsOn().forEach(o.putArray("depends_on")::add);
        }
        ArrayNode experimentArray = doc.putArray("experiments");
        for (ExperimentRow row : experiments) {
            ExperimentSummary e = row.summary();
            ObjectNode o = experimentArray.addObject();
            o.put("experiment", e.key());
            o.put("description", e.description());
            o.put("enabled", e.enabled());
            o.put("state", row.state());
            ObjectNode split = o.putObject("split");
            row.split().forEach((variant, pct) -> split.put(variant, new BigDecimal(pct)));
            o.put("start", e.start().map(Instant::toString).orElse(null));
            o.put("end", e.end().map(Instant::toString).orElse(null));
            o.put("exclusion_group", e.exclusionGroup().orElse(null));
            e.successMetrics().forEach(o.putArray("success_metrics")::add);
        }
        JsonOutput.print(out, doc);
    }

    /** @return {@code 25} for 25.0, {@code 12.5} for 12.5: as short as the number allows */
    static String percent(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** A flag's line. */
    private record FlagRow(FlagSummary summary, String state, String targeting) {
    }

    /** An experiment's line; the split in percent, in declaration order. */
    private record ExperimentRow(ExperimentSummary summary, String state, Map<String, String> split, String window) {

        static ExperimentRow of(ExperimentSummary e, Instant now) {
            String state;
            if (!e.enabled()) {
                state = "disabled";
            } else if (e.start().isPresent() && now.isBefore(e.start().get())) {
                state = "not-started";
            } else if (e.end().isPresent() && !now.isBefore(e.end().get())) {
                state = "ended";
            } else {
                state = "running";
            }
            Map<String, String> split = new LinkedHashMap<>();
            e.basisPoints().forEach((variant, bp) -> split.put(variant,
                    BigDecimal.valueOf(bp).movePointLeft(2).stripTrailingZeros().toPlainString()));
            String window = e.start().isEmpty() && e.end().isEmpty() ? "always"
                    : e.start().map(Instant::toString).orElse("…") + " .. " + e.end().map(Instant::toString).orElse("…");
            return new ExperimentRow(e, state, split, window);
        }
    }
}
