package dev.lamina.config.flags.internal.compile;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.flags.FlagDefinitionException;
import dev.lamina.config.flags.FlagType;
import dev.lamina.config.flags.FlagValue;
import dev.lamina.config.flags.Reason;
import dev.lamina.config.flags.Variant;
import dev.lamina.config.flags.internal.eval.CompiledExperiment;
import dev.lamina.config.flags.internal.eval.CompiledFlag;
import dev.lamina.config.flags.internal.eval.CompiledFlags;
import dev.lamina.config.flags.internal.eval.CompiledVariant;
import dev.lamina.config.flags.internal.eval.Prerequisite;
import dev.lamina.config.flags.internal.eval.Rule;
import dev.lamina.config.flags.internal.eval.Stickiness;
import dev.lamina.config.flags.internal.eval.VariantSet;
import dev.lamina.config.flags.internal.match.AttributeRef;
import dev.lamina.config.flags.internal.match.Constraint;
import dev.lamina.config.flags.internal.match.Constraints;
import dev.lamina.config.spi.Suggestions;

/**
 * Compiles the {@code feature_flags:} and {@code experiments:} sections of a configuration root into
 * {@link CompiledFlags}. Every problem is collected (with origin and path) and reported in one
 * {@link FlagDefinitionException}; nothing is returned unless the whole definition is valid.
 */
public final class FlagCompiler {

    /** The metric counted per evaluation. */
    public static final String METRIC = "lamina.flags.evaluations";
    /** The {@code flag} tag used for evaluations of unknown flags (keeps the tag's cardinality bounded). */
    public static final String UNKNOWN_FLAG_TAG = "_unknown";

    private static final Set<String> FLAG_KEYS = NodeReader.keys("enabled", "description", "rollout_percentage", "stickiness",
            "group_id", "targeting", "rules", "depends_on", "schedule", "variants", "type", "default_variant", "metadata");
    private static final Set<String> RULE_KEYS = NodeReader.keys("name", "constraints", "rollout_percentage", "stickiness",
            "variant_stickiness", "group_id", "variants", "variant");
    private static final Set<String> SCHEDULE_KEYS = NodeReader.keys("start", "end");
    private static final Set<String> DEPENDENCY_KEYS = NodeReader.keys("flag", "enabled", "variants");

    /** Rule and prerequisite indices are packed into 12 bits of a decision (see {@code Decisions}). */
    static final int MAX_ITEMS = 4000;

    private final NodeReader in = new NodeReader();
    private final Clock clock;
    private final ConstraintCompiler constraintCompiler;
    private final VariantCompiler variantCompiler;
    private final ExperimentCompiler experimentCompiler;

    private record Dependency(String flag, List<String> variants, ConfigNode node, ConfigPath path) {
    }

    private FlagCompiler(Clock clock) {
        this.clock = clock;
        this.constraintCompiler = new ConstraintCompiler(in, clock);
        this.variantCompiler = new VariantCompiler(in);
        this.experimentCompiler = new ExperimentCompiler(in, clock);
    }

    /**
     * @param root     the configuration root
     * @param clock    the clock for schedules, windows and date operators
     * @param registry where to count evaluations, or {@code null}
     * @return the compiled flags
     * @throws FlagDefinitionException listing every problem when a definition is invalid
     */
    public static CompiledFlags compile(ConfigObject root, Clock clock, MeterRegistry registry) {
        return new FlagCompiler(clock).run(root, registry);
    }

    private CompiledFlags run(ConfigObject root, MeterRegistry registry) {
        Map<String, CompiledFlag> flags = new LinkedHashMap<>();
        Map<String, List<Dependency>> dependencies = new LinkedHashMap<>();
        ConfigPath flagsPath = ConfigPath.of("feature_flags");
        ConfigObject flagsNode = section(root, "feature_flags");
        if (flagsNode != null) {
            flagsNode.entries().forEach((key, node) -> {
                List<Dependency> deps = new ArrayList<>();
                CompiledFlag f = flag(key, node, flagsPath.child(key), deps);
                if (f != null) {
                    flags.put(key, f);
                    dependencies.put(key, deps);
                }
            });
        }
        checkDependencies(flags, dependencies, flagsNode == null ? Set.of() : flagsNode.entries().keySet());
        Map<String, CompiledExperiment> compiledExperiments = experimentCompiler.compile(section(root, "experiments"));
        if (!in.problems().isEmpty()) {
            throw new FlagDefinitionException(in.problems());
        }
        for (CompiledFlag f : flags.values()) {
            f.link(flags, counters(registry, f.key()));
        }
        Counter notFound = registry == null ? null
                : counter(registry, UNKNOWN_FLAG_TAG, Reason.FLAG_NOT_FOUND);
        return new CompiledFlags(flags, compiledExperiments, notFound);
    }

    private ConfigObject section(ConfigObject root, String name) {
        ConfigNode node = root.entries().get(name);
        if (node == null || node instanceof ConfigNull) {
            return null;
        }
        return in.object(node, ConfigPath.of(name));
    }

    private static Counter[] counters(MeterRegistry registry, String flag) {
        if (registry == null) {
            return null;
        }
        Reason[] reasons = Reason.values();
        Counter[] out = new Counter[reasons.length];
        for (Reason r : reasons) {
            out[r.ordinal()] = counter(registry, flag, r);
        }
        return out;
    }

    private static Counter counter(MeterRegistry registry, String flag, Reason reason) {
        return Counter.builder(METRIC)
                .description("Feature flag evaluations by flag and reason")
                .tag("flag", flag)
                .tag("reason", reason.name())
                .register(registry);
    }

    // ---------------------------------------------------------------- flags

    private CompiledFlag flag(String key, ConfigNode node, ConfigPath path, List<Dependency> deps) {
        if (key.isBlank()) {
            in.problem(node, path, "a flag key must not be blank");
            return null;
        }
        ConfigObject o = in.object(node, path);
        if (o == null) {
            return null;
        }
        int before = in.problems().size();
        in.checkKeys(o, path, FLAG_KEYS);
        Map<String, ConfigNode> e = o.entries();
        boolean enabled = e.containsKey("enabled") ? NodeReader.orElse(in.bool(e.get("enabled"), path.child("enabled")), true) : true;
        String description = e.containsKey("description")
                ? NodeReader.orElse(in.text(e.get("description"), path.child("description")), "") : "";
        double rollout = e.containsKey("rollout_percentage")
                ? NodeReader.orElse(in.percentage(e.get("rollout_percentage"), path.child("rollout_percentage")), 100.0) : 100.0;
        Stickiness stickiness = e.containsKey("stickiness")
                ? in.stickiness(e.get("stickiness"), path.child("stickiness")) : Stickiness.DEFAULT;
        String group = e.containsKey("group_id") ? NodeReader.orElse(in.string(e.get("group_id"), path.child("group_id")), key) : key;
        List<Constraint> targeting = e.containsKey("targeting")
                ? targeting(e.get("targeting"), path.child("targeting")) : List.of();
        FlagType type = null;
        if (e.containsKey("type")) {
            String t = in.string(e.get("type"), path.child("type"));
            type = FlagType.byConfigName(t).orElse(null);
            if (t != null && type == null) {
                in.problem(e.get("type"), path.child("type"), "unknown flag type '" + t + "'"
                        + Suggestions.didYouMean(t, List.of("boolean", "string", "integer", "double", "object"))
                        + "; allowed: boolean, string, integer, double, object");
            }
        }
        VariantSet variants = e.containsKey("variants")
                ? variantCompiler.variants(e.get("variants"), path.child("variants"), key, stickiness, type)
                : new VariantSet(List.of(), key, stickiness);
        CompiledVariant defaultVariant = null;
        if (e.containsKey("default_variant")) {
            String dv = in.string(e.get("default_variant"), path.child("default_variant"));
            defaultVariant = dv == null ? null : variants.byName(dv);
            if (dv != null && defaultVariant == null) {
                in.problem(e.get("default_variant"), path.child("default_variant"), "unknown variant '" + dv + "'"
                        + Suggestions.didYouMean(dv, variants.names()) + "; the default variant must be one of 'variants'");
            }
        }
        Map<String, FlagValue> metadata = e.containsKey("metadata")
                ? metadata(e.get("metadata"), path.child("metadata")) : Map.of();
        List<Rule> rules = new ArrayList<>();
        boolean explicitRules = e.containsKey("rules");
        if (explicitRules) {
            ConfigList l = in.list(e.get("rules"), path.child("rules"));
            if (l != null && l.size() > MAX_ITEMS) {
                in.problem(l, path.child("rules"), "at most " + MAX_ITEMS + " rules per flag");
                l = null;
            }
            if (l != null) {
                for (int i = 0; i < l.size(); i++) {
                    Rule r = rule(l.items().get(i), path.child("rules").child(i), key, rollout, stickiness, group,
                            variants, type);
                    if (r != null) {
                        rules.add(r);
                    }
                }
            }
        } else {
            rules.add(new Rule("rollout", List.of(), rollout, stickiness, group, null));
        }
        List<Prerequisite> prerequisites = e.containsKey("depends_on")
                ? dependsOn(e.get("depends_on"), path.child("depends_on"), deps) : List.of();
        long start = Long.MIN_VALUE;
        long end = Long.MAX_VALUE;
        if (e.containsKey("schedule")) {
            Instant[] window = window(e.get("schedule"), path.child("schedule"));
            if (window != null) {
                start = window[0] == null ? Long.MIN_VALUE : window[0].toEpochMilli();
                end = window[1] == null ? Long.MAX_VALUE : window[1].toEpochMilli();
            }
        }
        if (in.problems().size() > before) {
            return null;
        }
        CompiledFlag compiled = new CompiledFlag(key, description, enabled, rollout, start, end, clock, prerequisites,
                targeting, rules, explicitRules, variants);
        compiled.typing(type, defaultVariant, metadata, Trees.unwrap(node));
        return compiled;
    }

    private Map<String, FlagValue> metadata(ConfigNode node, ConfigPath path) {
        ConfigObject o = in.object(node, path);
        if (o == null) {
            return Map.of();
        }
        Map<String, FlagValue> out = new LinkedHashMap<>();
        o.entries().forEach((k, v) -> {
            if (v instanceof ConfigScalar s) {
                out.put(k, switch (s.type()) {
                    case BOOLEAN -> new FlagValue.BooleanValue(Boolean.parseBoolean(s.text()));
                    case NUMBER -> s.text().matches("-?\\d{1,18}") ? new FlagValue.IntegerValue(Long.parseLong(s.text()))
                            : new FlagValue.DoubleValue(Double.parseDouble(s.text()));
                    case STRING -> new FlagValue.StringValue(s.text());
                });
            } else {
                in.problem(v, path.child(k), "metadata values must be strings, numbers or booleans, found "
                        + NodeReader.article(v));
            }
        });
        return out;
    }

    private List<Constraint> targeting(ConfigNode node, ConfigPath path) {
        ConfigObject o = in.object(node, path);
        if (o == null) {
            return List.of();
        }
        List<Constraint> out = new ArrayList<>();
        o.entries().forEach((attribute, valuesNode) -> {
            List<String> values = in.texts(valuesNode, path.child(attribute));
            if (values != null) {
                out.add(Constraints.in(new AttributeRef(attribute), values, false, false, false));
            }
        });
        return out;
    }

    private Rule rule(ConfigNode node, ConfigPath path, String flagKey, double flagRollout, Stickiness flagStickiness,
                      String flagGroup, VariantSet flagVariants, FlagType type) {
        ConfigObject o = in.object(node, path);
        if (o == null) {
            return null;
        }
        in.checkKeys(o, path, RULE_KEYS);
        Map<String, ConfigNode> e = o.entries();
        String name = e.containsKey("name") ? NodeReader.orElse(in.string(e.get("name"), path.child("name")), path.last())
                : "rules[" + path.last() + "]";
        List<Constraint> constraints = new ArrayList<>();
        if (e.containsKey("constraints")) {
            ConfigList l = in.list(e.get("constraints"), path.child("constraints"));
            if (l != null) {
                for (int i = 0; i < l.size(); i++) {
                    Constraint c = constraintCompiler.constraint(l.items().get(i), path.child("constraints").child(i));
                    if (c != null) {
                        constraints.add(c);
                    }
                }
            }
        }
        double rollout = e.containsKey("rollout_percentage")
                ? NodeReader.orElse(in.percentage(e.get("rollout_percentage"), path.child("rollout_percentage")), flagRollout)
                : flagRollout;
        Stickiness stickiness = e.containsKey("stickiness")
                ? in.stickiness(e.get("stickiness"), path.child("stickiness")) : flagStickiness;
        Stickiness variantStickiness = e.containsKey("variant_stickiness")
                ? in.stickiness(e.get("variant_stickiness"), path.child("variant_stickiness")) : stickiness;
        String group = e.containsKey("group_id") ? NodeReader.orElse(in.string(e.get("group_id"), path.child("group_id")), flagGroup)
                : flagGroup;
        VariantSet variants = e.containsKey("variants")
                ? variantCompiler.variants(e.get("variants"), path.child("variants"), group, variantStickiness, type) : null;
        CompiledVariant serve = null;
        if (e.containsKey("variant")) {
            String v = in.string(e.get("variant"), path.child("variant"));
            serve = v == null ? null : flagVariants.byName(v);
            if (v != null && serve == null) {
                in.problem(e.get("variant"), path.child("variant"), "unknown variant '" + v + "'"
                        + Suggestions.didYouMean(v, flagVariants.names()) + "; a rule serves one of the flag's 'variants'");
            }
            if (variants != null) {
                in.problem(e.get("variant"), path.child("variant"), "a rule has either 'variant' or 'variants', not both");
            }
        }
        return new Rule(name, constraints, rollout, stickiness, group, variants, serve);
    }

    private List<Prerequisite> dependsOn(ConfigNode node, ConfigPath path, List<Dependency> deps) {
        ConfigList l = in.list(node, path);
        List<Prerequisite> out = new ArrayList<>();
        if (l != null && l.size() > MAX_ITEMS) {
            in.problem(l, path, "at most " + MAX_ITEMS + " prerequisites per flag");
            return out;
        }
        if (l == null) {
            return out;
        }
        for (int i = 0; i < l.size(); i++) {
            ConfigPath p = path.child(i);
            ConfigNode item = l.items().get(i);
            if (item instanceof ConfigScalar) {
                String flag = in.string(item, p);
                if (flag != null) {
                    out.add(new Prerequisite(flag, true, List.of()));
                    deps.add(new Dependency(flag, List.of(), item, p));
                }
                continue;
            }
            ConfigObject o = in.object(item, p);
            if (o == null) {
                continue;
            }
            in.checkKeys(o, p, DEPENDENCY_KEYS);
            if (!o.entries().containsKey("flag")) {
                in.problem(o, p, "a prerequisite needs 'flag'");
                continue;
            }
            String flag = in.string(o.entries().get("flag"), p.child("flag"));
            boolean enabled = !o.entries().containsKey("enabled")
                    || NodeReader.orElse(in.bool(o.entries().get("enabled"), p.child("enabled")), true);
            List<String> variants = o.entries().containsKey("variants")
                    ? NodeReader.orElse(in.texts(o.entries().get("variants"), p.child("variants")), List.of()) : List.of();
            if (flag != null) {
                out.add(new Prerequisite(flag, enabled, variants));
                deps.add(new Dependency(flag, variants, o.entries().get("flag"), p.child("flag")));
            }
        }
        return out;
    }

    private Instant[] window(ConfigNode node, ConfigPath path) {
        ConfigObject o = in.object(node, path);
        if (o == null) {
            return null;
        }
        in.checkKeys(o, path, SCHEDULE_KEYS);
        Instant start = o.entries().containsKey("start") ? in.instant(o.entries().get("start"), path.child("start")) : null;
        Instant end = o.entries().containsKey("end") ? in.instant(o.entries().get("end"), path.child("end")) : null;
        if (start != null && end != null && !end.isAfter(start)) {
            in.problem(o.entries().get("end"), path.child("end"), "the end must be after the start");
            return null;
        }
        return new Instant[] {start, end};
    }

    private void checkDependencies(Map<String, CompiledFlag> flags, Map<String, List<Dependency>> dependencies,
                                   Set<String> declared) {
        dependencies.forEach((key, deps) -> {
            for (Dependency d : deps) {
                CompiledFlag parent = flags.get(d.flag());
                if (parent == null && declared.contains(d.flag())) {
                    continue; // the parent has problems of its own, already reported
                }
                if (parent == null) {
                    in.problem(d.node(), d.path(), "unknown prerequisite flag '" + d.flag() + "'"
                            + Suggestions.didYouMean(d.flag(), flags.keySet()));
                    continue;
                }
                for (String v : d.variants()) {
                    if (!Variant.DISABLED_NAME.equals(v) && !declaresVariant(parent, v)) {
                        in.problem(d.node(), d.path(), "unknown variant '" + v + "' of flag '" + d.flag() + "'"
                                + Suggestions.didYouMean(v, parent.variants().names()));
                    }
                }
            }
        });
        // Cycle detection: depth-first search with colours; each cycle is reported once, at its first flag.
        Map<String, Integer> state = new HashMap<>();
        for (String key : dependencies.keySet()) {
            List<String> stack = new ArrayList<>();
            visit(key, dependencies, state, stack);
        }
    }

    private static boolean declaresVariant(CompiledFlag parent, String variant) {
        return parent.variants().has(variant) || parent.declaresRuleVariant(variant);
    }

    private void visit(String key, Map<String, List<Dependency>> deps, Map<String, Integer> state, List<String> stack) {
        Integer s = state.get(key);
        if (s != null && s == 2) {
            return;
        }
        if (s != null && s == 1) {
            List<String> cycle = new ArrayList<>(stack.subList(stack.indexOf(key), stack.size()));
            cycle.add(key);
            String from = stack.get(stack.size() - 1);
            Dependency d = deps.get(from).stream().filter(x -> x.flag().equals(key)).findFirst().orElseThrow();
            in.problem(d.node(), d.path(), "prerequisite cycle: " + String.join(" -> ", cycle));
            return;
        }
        if (!deps.containsKey(key)) {
            return;
        }
        state.put(key, 1);
        stack.add(key);
        for (Dependency d : deps.get(key)) {
            visit(d.flag(), deps, state, stack);
        }
        stack.remove(stack.size() - 1);
        state.put(key, 2);
    }
}
