package dev.lamina.config.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.lamina.config.ConfigPath;
import dev.lamina.config.Configuration;
import dev.lamina.config.SecretPolicy;
import dev.lamina.config.spi.Suggestions;
import dev.lamina.config.flags.AssignmentReason;
import dev.lamina.config.flags.EvaluationContext;
import dev.lamina.config.flags.ExperimentAssignment;
import dev.lamina.config.flags.ExperimentSummary;
import dev.lamina.config.flags.FlagDefinitions;
import dev.lamina.config.flags.FlagEvaluation;
import dev.lamina.config.flags.FlagResolution;
import dev.lamina.config.flags.FlagType;
import dev.lamina.config.flags.FlagValue;
import dev.lamina.config.flags.FlagEvaluator;
import dev.lamina.config.flags.FlagSummary;
import dev.lamina.config.flags.Reason;
import dev.lamina.config.flags.Variant;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code configctl flags eval}: evaluates one flag, or assigns one experiment, for a context given as JSON, and prints
 * the result with its reason as one JSON document. Evaluation never fails: an unknown key is a result
 * ({@code FLAG_NOT_FOUND}, {@code EXPERIMENT_NOT_FOUND}) with exit code 0 and a note on stderr.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a flag (--flag) or assign an experiment (--experiment) for a context; "
                + "prints JSON with the result and the reason.")
final class FlagsEvalCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SourceOptions source;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Target target;

    @Option(names = "--context", paramLabel = "JSON", defaultValue = "{}",
            description = "The context as a JSON object: user_id, session_id, remote_address, app_name, environment, "
                    + "current_time, and any other attribute, e.g. '{\"user_id\":\"1\",\"region\":\"EU\"}' "
                    + "(default: ${DEFAULT-VALUE}).")
    private String context;

    @Option(names = "--at", paramLabel = "TIME", converter = InstantConverter.class,
            description = "Evaluate as if it were this time (ISO-8601 with offset): schedules, experiment windows, "
                    + "and date constraints when the context has no current_time. Default: now.")
    private Instant at;

    /** Exactly one of the two. */
    static final class Target {
        @Option(names = "--flag", paramLabel = "KEY", required = true, description = "The flag to evaluate.")
        String flag;

        @Option(names = "--experiment", paramLabel = "KEY", required = true,
                description = "The experiment to assign.")
        String experiment;
    }

    @Override
    public Integer call() {
        // The context is checked before loading, so a typo in it is reported as a usage error straight away.
        EvaluationContext ctx;
        try {
            ctx = ContextJson.parse(context);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--context': " + e.getMessage());
        }
        Configuration config = source.load();
        FlagEvaluator flags = FlagDefinitions.compile(config,
                at == null ? Clock.systemUTC() : Clock.fixed(at, ZoneOffset.UTC));
        PrintWriter out = spec.commandLine().getOut();
        if (target.flag != null) {
            FlagEvaluation e = flags.evaluate(target.flag, ctx);
            ObjectNode json = flagJson(e, config);
            flags.declaredType(target.flag).ifPresent(t ->
                    typed(json, flags.resolve(target.flag, ctx), t, config));
            // A json payload that is not JSON (or a number payload that is not a number): OpenFeature answers
            // PARSE_ERROR to a typed evaluation of it, so say so here rather than show the text as if it were fine.
            if (json.get("payload") instanceof ObjectNode payload) {
                flags.resolve(target.flag, ctx).payloadProblem(FlagType.OBJECT)
                        .ifPresent(problem -> payload.put("parseError", problem));
            }
            JsonOutput.print(out, json);
            if (e.reason() == Reason.FLAG_NOT_FOUND) {
                note("flag", target.flag, flags.flags().stream().map(FlagSummary::key).toList());
            }
        } else {
            ExperimentAssignment a = flags.assign(target.experiment, ctx);
            JsonOutput.print(out, experimentJson(a));
            if (a.reason() == AssignmentReason.EXPERIMENT_NOT_FOUND) {
                note("experiment", target.experiment, flags.experiments().stream().map(ExperimentSummary::key).toList());
            }
        }
        return ExitCodes.OK;
    }

    /**
     * {@code {"flag","enabled","variant","reason","rule","bucket"}}, then {@code "prerequisite"} for
     * {@code PREREQUISITE_FAILED} and {@code "payload"} when the variant carries one ({@code "parseError"} in it
     * when a {@code json} or {@code number} payload does not parse).
     */
    static ObjectNode flagJson(FlagEvaluation e, Configuration config) {
        ObjectNode o = JsonOutput.object();
        o.put("flag", e.flag());
        o.put("enabled", e.enabled());
        o.put("variant", e.variant().map(Variant::name).orElse(null));
        o.put("reason", e.reason().name());
        o.put("rule", e.matchedRule().orElse(null));
        if (e.bucket().isPresent()) {
            o.put("bucket", e.bucket().getAsInt());
        } else {
            o.putNull("bucket");
        }
        e.failedPrerequisite().ifPresent(p -> o.put("prerequisite", p));
        e.variant().flatMap(Variant::payload).ifPresent(p -> {
            ObjectNode payload = o.putObject("payload");
            payload.put("type", p.type());
            // The evaluation does not say where in the flag the payload was written, so the payload is masked when
            // the configuration holds any secret in the flag's definition (a secret key, a decrypted value).
            boolean secret = holdsSecret(config, ConfigPath.of("feature_flags", e.flag()));
            payload.put("value", secret ? SecretPolicy.MASK : p.value());
        });
        return o;
    }

    private static boolean holdsSecret(Configuration config, ConfigPath flag) {
        if (config.isSecret(flag.toString())) {
            return true;
        }
        return config.leafPaths().stream().anyMatch(p -> p.startsWith(flag) && config.isSecret(p.toString()));
    }

    /**
     * For a typed flag: {@code "type"}, {@code "value"} (the typed value served, {@code null} when the caller's
     * default would apply: disabled, or off without a default variant) and {@code "openFeatureReason"}.
     */
    static void typed(ObjectNode o, FlagResolution r, FlagType type, Configuration config) {
        o.put("type", type.configName());
        java.util.Optional<FlagValue> v = r.valueAs(type);
        if (v.isEmpty()) {
            o.putNull("value");
        } else if (holdsSecret(config, ConfigPath.of("feature_flags", r.flag()))) {
            o.put("value", SecretPolicy.MASK);
        } else {
            o.set("value", json(v.get()));
        }
        o.put("openFeatureReason", r.openFeatureReason());
    }

    private static com.fasterxml.jackson.databind.JsonNode json(FlagValue v) {
        com.fasterxml.jackson.databind.node.JsonNodeFactory f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        if (v instanceof FlagValue.BooleanValue b) {
            return f.booleanNode(b.value());
        }
        if (v instanceof FlagValue.StringValue s) {
            return f.textNode(s.value());
        }
        if (v instanceof FlagValue.IntegerValue i) {
            return f.numberNode(i.value());
        }
        if (v instanceof FlagValue.DoubleValue d) {
            return f.numberNode(d.value());
        }
        return json(((FlagValue.ObjectValue) v).value());
    }

    private static com.fasterxml.jackson.databind.JsonNode json(dev.lamina.config.ConfigNode n) {
        com.fasterxml.jackson.databind.node.JsonNodeFactory f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        if (n instanceof dev.lamina.config.ConfigObject o) {
            ObjectNode out = f.objectNode();
            o.entries().forEach((k, c) -> out.set(k, json(c)));
            return out;
        }
        if (n instanceof dev.lamina.config.ConfigList l) {
            com.fasterxml.jackson.databind.node.ArrayNode out = f.arrayNode();
            l.items().forEach(c -> out.add(json(c)));
            return out;
        }
        if (n instanceof dev.lamina.config.ConfigScalar s) {
            return switch (s.type()) {
                case BOOLEAN -> f.booleanNode(Boolean.parseBoolean(s.text()));
                case NUMBER -> f.numberNode(new java.math.BigDecimal(s.text()));
                case STRING -> f.textNode(s.text());
            };
        }
        return f.nullNode();
    }

    /** {@code {"experiment","variant","reason","bucket"}}, then {@code "exclusionGroup"} when it excluded the context. */
    static ObjectNode experimentJson(ExperimentAssignment a) {
        ObjectNode o = JsonOutput.object();
        o.put("experiment", a.experiment());
        o.put("variant", a.variant().orElse(null));
        o.put("reason", a.reason().name());
        if (a.bucket().isPresent()) {
            o.put("bucket", a.bucket().getAsInt());
        } else {
            o.putNull("bucket");
        }
        a.exclusionGroup().ifPresent(g -> o.put("exclusionGroup", g));
        return o;
    }

    /** Tells a person on stderr what a script reads from the reason: the key is not defined, and what is. */
    private void note(String kind, String key, List<String> known) {
        PrintWriter err = spec.commandLine().getErr();
        // Core's suggestion, so that configctl suggests exactly as Lamina's own messages do.
        String closest = Suggestions.closest(key, known).map(k -> "; did you mean '" + k + "'?").orElse("");
        err.println("configctl: no " + kind + " '" + key + "' in " + source.directory() + " for environment '"
                + source.environment() + "'" + closest + (known.isEmpty() ? " (none defined)" : ""));
        err.flush();
    }
}
