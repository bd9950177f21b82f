package dev.lamina.config.flags.internal.compile;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.flags.FlagDefinitionException;
import dev.lamina.config.flags.Reason;
import dev.lamina.config.flags.Variant;
import dev.lamina.config.flags.VariantPayload;
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
import dev.lamina.config.flags.internal.match.Operator;
import dev.lamina.config.flags.internal.value.CidrBlock;
import dev.lamina.config.flags.internal.value.Numbers;
import dev.lamina.config.flags.internal.value.SemanticVersion;
import dev.lamina.config.flags.internal.value.Timestamps;

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

    private static final Set<String> FLAG_KEYS = ordered("enabled", "description", "rollout_percentage", "stickiness",
            "group_id", "targeting", "rules", "depends_on", "schedule", "variants");
    private static final Set<String> RULE_KEYS = ordered("name", "constraints", "rollout_percentage", "stickiness",
            "variant_stickiness", "group_id", "variants");
    private static final Set<String> CONSTRAINT_KEYS = ordered("attribute", "operator", "values", "value", "inverted",
            "case_insensitive");
    private static final Set<String> VARIANT_KEYS = ordered("name", "weight", "payload", "overrides");
    private static final Set<String> PAYLOAD_KEYS = ordered("type", "value");
    private static final Set<String> OVERRIDE_KEYS = ordered("attribute", "values");
    private static final Set<String> SCHEDULE_KEYS = ordered("start", "end");
    private static final Set<String> DEPENDENCY_KEYS = ordered("flag", "enabled", "variants");
    private static final Set<String> EXPERIMENT_KEYS = ordered("description", "enabled", "start_date", "end_date",
            "traffic_split", "configurations", "success_metrics", "stickiness", "exclusion_group", "exclusion_range");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final NodeReader in = new NodeReader();
    private final Clock clock;

    private record Dependency(String flag, List<String> variants, ConfigNode node, ConfigPath path) {
    }

    private record Range(String experiment, double start, double end, ConfigNode node, ConfigPath path) {
    }

    private FlagCompiler(Clock clock) {
        this.clock = clock;
    }

    private static Set<String> ordered(String... keys) {
        return new LinkedHashSet<>(List.of(keys));
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
        Map<String, CompiledExperiment> experiments = new LinkedHashMap<>();
        ConfigObject experimentsNode = section(root, "experiments");
        List<Range> ranges = new ArrayList<>();
        Map<String, String> groups = new HashMap<>();
        if (experimentsNode != null) {
            ConfigPath base = ConfigPath.of("experiments");
            experimentsNode.entries().forEach((key, node) -> {
                CompiledExperiment e = experiment(key, node, base.child(key), ranges, groups);
                if (e != null) {
                    experiments.put(key, e);
                }
            });
        }
        checkExclusionRanges(ranges, groups);
        if (!in.problems().isEmpty()) {
            throw new FlagDefinitionException(in.problems());
        }
        for (CompiledFlag f : flags.values()) {
            f.link(flags, counters(registry, f.key()));
        }
        Counter notFound = registry == null ? null
                : counter(registry, UNKNOWN_FLAG_TAG, Reason.FLAG_NOT_FOUND);
        return new CompiledFlags(flags, experiments, notFound);
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
        boolean enabled = e.containsKey("enabled") ? orElse(in.bool(e.get("enabled"), path.child("enabled")), true) : true;
        String description = e.containsKey("description")
                ? orElse(in.text(e.get("description"), path.child("description")), "") : "";
        double rollout = e.containsKey("rollout_percentage")
                ? orElse(in.percentage(e.get("rollout_percentage"), path.child("rollout_percentage")), 100.0) : 100.0;
        Stickiness stickiness = e.containsKey("stickiness")
                ? stickiness(e.get("stickiness"), path.child("stickiness")) : Stickiness.DEFAULT;
        String group = e.containsKey("group_id") ? orElse(in.string(e.get("group_id"), path.child("group_id")), key) : key;
        List<Constraint> targeting = e.containsKey("targeting")
                ? targeting(e.get("targeting"), path.child("targeting")) : List.of();
        VariantSet variants = e.containsKey("variants")
                ? variants(e.get("variants"), path.child("variants"), key, stickiness) : new VariantSet(List.of(), key, stickiness);
        List<Rule> rules = new ArrayList<>();
        boolean explicitRules = e.containsKey("rules");
        if (explicitRules) {
            ConfigList l = in.list(e.get("rules"), path.child("rules"));
            if (l != null) {
                for (int i = 0; i < l.size(); i++) {
                    Rule r = rule(l.items().get(i), path.child("rules").child(i), key, rollout, stickiness, group);
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
        return new CompiledFlag(key, description, enabled, rollout, start, end, clock, prerequisites, targeting, rules,
                explicitRules, variants);
    }

    private static <T> T orElse(T value, T fallback) {
        return value == null ? fallback : value;
    }

    private Stickiness stickiness(ConfigNode node, ConfigPath path) {
        String s = in.string(node, path);
        return s == null ? Stickiness.DEFAULT : Stickiness.of(s);
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
                      String flagGroup) {
        ConfigObject o = in.object(node, path);
        if (o == null) {
            return null;
        }
        in.checkKeys(o, path, RULE_KEYS);
        Map<String, ConfigNode> e = o.entries();
        String name = e.containsKey("name") ? orElse(in.string(e.get("name"), path.child("name")), path.last())
                : "rules[" + path.last() + "]";
        List<Constraint> constraints = new ArrayList<>();
        if (e.containsKey("constraints")) {
            ConfigList l = in.list(e.get("constraints"), path.child("constraints"));
            if (l != null) {
                for (int i = 0; i < l.size(); i++) {
                    Constraint c = constraint(l.items().get(i), path.child("constraints").child(i));
                    if (c != null) {
                        constraints.add(c);
                    }
                }
            }
        }
        double rollout = e.containsKey("rollout_percentage")
                ? orElse(in.percentage(e.get("rollout_percentage"), path.child("rollout_percentage")), flagRollout)
                : flagRollout;
        Stickiness stickiness = e.containsKey("stickiness")
                ? stickiness(e.get("stickiness"), path.child("stickiness")) : flagStickiness;
        Stickiness variantStickiness = e.containsKey("variant_stickiness")
                ? stickiness(e.get("variant_stickiness"), path.child("variant_stickiness")) : stickiness;
        String group = e.containsKey("group_id") ? orElse(in.string(e.get("group_id"), path.child("group_id")), flagGroup)
                : flagGroup;
        VariantSet variants = e.containsKey("variants")
                ? variants(e.get("variants"), path.child("variants"), group, variantStickiness) : null;
        return new Rule(name, constraints, rollout, stickiness, group, variants);
    }

    private Constraint constraint(ConfigNode node, ConfigPath path) {
        ConfigObject o = in.object(node, path);
        if (o == null) {
            return null;
        }
        in.checkKeys(o, path, CONSTRAINT_KEYS);
        Map<String, ConfigNode> e = o.entries();
        if (!e.containsKey("attribute") || !e.containsKey("operator")) {
            in.problem(o, path, "a constraint needs 'attribute' and 'operator'");
            return null;
        }
        String attribute = in.string(e.get("attribute"), path.child("attribute"));
        String opName = in.string(e.get("operator"), path.child("operator"));
        if (attribute == null || opName == null) {
            return null;
        }
        Operator op = Operator.byName(opName);
        if (op == null) {
            in.problem(e.get("operator"), path.child("operator"), "unknown operator '" + opName + "'"
                    + Suggestions.didYouMean(opName, Operator.names()) + "; operators: "
                    + String.join(", ", Operator.names()));
            return null;
        }
        List<String> values = new ArrayList<>();
        List<ConfigNode> valueNodes = new ArrayList<>();
        List<ConfigPath> valuePaths = new ArrayList<>();
        if (e.containsKey("value")) {
            String v = in.text(e.get("value"), path.child("value"));
            if (v != null) {
                values.add(v);
                valueNodes.add(e.get("value"));
                valuePaths.add(path.child("value"));
            }
        }
        if (e.containsKey("values")) {
            ConfigNode vn = e.get("values");
            if (vn instanceof ConfigList l) {
                for (int i = 0; i < l.size(); i++) {
                    String v = in.text(l.items().get(i), path.child("values").child(i));
                    if (v != null) {
                        values.add(v);
                        valueNodes.add(l.items().get(i));
                        valuePaths.add(path.child("values").child(i));
                    }
                }
            } else {
                in.problem(vn, path.child("values"), "expected a list, found " + NodeReader.article(vn));
            }
        }
        boolean inverted = e.containsKey("inverted") && orElse(in.bool(e.get("inverted"), path.child("inverted")), false);
        boolean ci = e.containsKey("case_insensitive")
                && orElse(in.bool(e.get("case_insensitive"), path.child("case_insensitive")), false);
        AttributeRef attr = new AttributeRef(attribute);
        int before = in.problems().size();
        Constraint c = switch (op) {
            case IN, NOT_IN -> Constraints.in(attr, values, ci, op == Operator.NOT_IN, inverted);
            case STR_STARTS_WITH, STR_ENDS_WITH, STR_CONTAINS -> Constraints.string(op, attr, values, ci, inverted);
            case NUM_EQ, NUM_GT, NUM_GTE, NUM_LT, NUM_LTE -> {
                double[] numbers = new double[values.size()];
                for (int i = 0; i < values.size(); i++) {
                    if (Numbers.isNumber(values.get(i).trim())) {
                        numbers[i] = Double.parseDouble(values.get(i).trim());
                    } else {
                        in.problem(valueNodes.get(i), valuePaths.get(i), op + " needs numbers; this value is not one");
                    }
                }
                yield Constraints.number(op, attr, numbers, inverted);
            }
            case DATE_AFTER, DATE_BEFORE -> {
                List<Instant> instants = new ArrayList<>();
                for (int i = 0; i < values.size(); i++) {
                    Instant t = Timestamps.parseOrNull(values.get(i));
                    if (t == null) {
                        in.problem(valueNodes.get(i), valuePaths.get(i), op + " needs ISO-8601 date-times with an"
                                + " offset (2026-01-01T00:00:00Z); this value is not one");
                    } else {
                        instants.add(t);
                    }
                }
                yield Constraints.date(op, attr, instants, clock, inverted);
            }
            case SEMVER_EQ, SEMVER_GT, SEMVER_GTE, SEMVER_LT, SEMVER_LTE -> {
                List<SemanticVersion> versions = new ArrayList<>();
                for (int i = 0; i < values.size(); i++) {
                    SemanticVersion v = SemanticVersion.parseOrNull(values.get(i));
                    if (v == null) {
                        in.problem(valueNodes.get(i), valuePaths.get(i), op + " needs strict SemVer 2.0 versions"
                                + " (MAJOR.MINOR.PATCH, no 'v' prefix); this value is not one");
                    } else {
                        versions.add(v);
                    }
                }
                yield Constraints.semver(op, attr, versions, inverted);
            }
            case REGEX -> {
                List<Pattern> patterns = new ArrayList<>();
                for (int i = 0; i < values.size(); i++) {
                    try {
                        patterns.add(Pattern.compile(values.get(i), ci ? Pattern.CASE_INSENSITIVE : 0));
                    } catch (PatternSyntaxException ex) {
                        in.problem(valueNodes.get(i), valuePaths.get(i), "invalid regular expression ("
                                + ex.getDescription() + "); RE2 syntax has no backreferences or lookaround");
                    }
                }
                yield Constraints.regex(attr, patterns, inverted);
            }
            case IN_CIDR -> {
                List<CidrBlock> blocks = new ArrayList<>();
                for (int i = 0; i < values.size(); i++) {
                    CidrBlock b = CidrBlock.parseOrNull(values.get(i));
                    if (b == null) {
                        in.problem(valueNodes.get(i), valuePaths.get(i), "IN_CIDR needs IPv4/IPv6 addresses or CIDR"
                                + " blocks (10.0.0.0/8); this value is not one (names are never looked up)");
                    } else {
                        blocks.add(b);
                    }
                }
                yield Constraints.cidr(attr, blocks, inverted);
            }
        };
        return in.problems().size() > before ? null : c;
    }

    private VariantSet variants(ConfigNode node, ConfigPath path, String group, Stickiness stickiness) {
        ConfigList l = in.list(node, path);
        List<CompiledVariant> out = new ArrayList<>();
        if (l == null) {
            return new VariantSet(out, group, stickiness);
        }
        Set<String> names = new HashSet<>();
        long total = 0;
        for (int i = 0; i < l.size(); i++) {
            ConfigPath p = path.child(i);
            ConfigObject o = in.object(l.items().get(i), p);
            if (o == null) {
                continue;
            }
            in.checkKeys(o, p, VARIANT_KEYS);
            Map<String, ConfigNode> e = o.entries();
            if (!e.containsKey("name") || !e.containsKey("weight")) {
                in.problem(o, p, "a variant needs 'name' and 'weight'");
                continue;
            }
            String name = in.string(e.get("name"), p.child("name"));
            Integer weight = in.nonNegativeInt(e.get("weight"), p.child("weight"));
            if (name == null || weight == null) {
                continue;
            }
            if (!names.add(name)) {
                in.problem(e.get("name"), p.child("name"), "duplicate variant name '" + name + "'");
                continue;
            }
            if (Variant.DISABLED_NAME.equals(name)) {
                in.problem(e.get("name"), p.child("name"), "'disabled' is reserved for \"no variant\"");
                continue;
            }
            total += weight;
            VariantPayload payload = e.containsKey("payload") ? payload(e.get("payload"), p.child("payload")) : null;
            List<CompiledVariant.Override> overrides = e.containsKey("overrides")
                    ? overrides(e.get("overrides"), p.child("overrides")) : List.of();
            out.add(new CompiledVariant(new Variant(name, java.util.Optional.ofNullable(payload)), weight, overrides));
        }
        if (!out.isEmpty() && total == 0) {
            in.problem(node, path, "variant weights must add up to more than 0");
        }
        if (total > Integer.MAX_VALUE) {
            in.problem(node, path, "variant weights add up to more than " + Integer.MAX_VALUE);
        }
        return new VariantSet(out, group, stickiness);
    }

    private VariantPayload payload(ConfigNode node, ConfigPath path) {
        ConfigObject o = in.object(node, path);
        if (o == null) {
            return null;
        }
        in.checkKeys(o, path, PAYLOAD_KEYS);
        ConfigNode typeNode = o.entries().get("type");
        ConfigNode valueNode = o.entries().get("value");
        if (typeNode == null || valueNode == null) {
            in.problem(o, path, "a payload needs 'type' and 'value'");
            return null;
        }
        String type = in.string(typeNode, path.child("type"));
        String value;
        if (valueNode instanceof ConfigScalar s) {
            value = s.text();
        } else if (valueNode instanceof ConfigNull) {
            in.problem(valueNode, path.child("value"), "a payload value must not be null");
            return null;
        } else {
            try {
                value = JSON.writeValueAsString(Trees.unwrap(valueNode));
            } catch (JsonProcessingException ex) {
                in.problem(valueNode, path.child("value"), "payload value cannot be written as JSON");
                return null;
            }
        }
        return type == null ? null : new VariantPayload(type, value);
    }

    private List<CompiledVariant.Override> overrides(ConfigNode node, ConfigPath path) {
        ConfigList l = in.list(node, path);
        List<CompiledVariant.Override> out = new ArrayList<>();
        if (l == null) {
            return out;
        }
        for (int i = 0; i < l.size(); i++) {
            ConfigPath p = path.child(i);
            ConfigObject o = in.object(l.items().get(i), p);
            if (o == null) {
                continue;
            }
            in.checkKeys(o, p, OVERRIDE_KEYS);
            if (!o.entries().containsKey("attribute") || !o.entries().containsKey("values")) {
                in.problem(o, p, "an override needs 'attribute' and 'values'");
                continue;
            }
            String attribute = in.string(o.entries().get("attribute"), p.child("attribute"));
            List<String> values = in.texts(o.entries().get("values"), p.child("values"));
            if (attribute != null && values != null) {
                out.add(new CompiledVariant.Override(new AttributeRef(attribute), List.copyOf(values)));
            }
        }
        return out;
    }

    private List<Prerequisite> dependsOn(ConfigNode node, ConfigPath path, List<Dependency> deps) {
        ConfigList l = in.list(node, path);
        List<Prerequisite> out = new ArrayList<>();
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
                    || orElse(in.bool(o.entries().get("enabled"), p.child("enabled")), true);
            List<String> variants = o.entries().containsKey("variants")
                    ? orElse(in.texts(o.entries().get("variants"), p.child("variants")), List.of()) : List.of();
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

    // ---------------------------------------------------------------- experiments

    private CompiledExperiment experiment(String key, ConfigNode node, ConfigPath path, List<Range> ranges,
                                          Map<String, String> groups) {
        if (key.isBlank()) {
            in.problem(node, path, "an experiment key must not be blank");
            return null;
        }
        ConfigObject o = in.object(node, path);
        if (o == null) {
            return null;
        }
        int before = in.problems().size();
        in.checkKeys(o, path, EXPERIMENT_KEYS);
        Map<String, ConfigNode> e = o.entries();
        String description = e.containsKey("description")
                ? orElse(in.text(e.get("description"), path.child("description")), "") : "";
        boolean enabled = !e.containsKey("enabled") || orElse(in.bool(e.get("enabled"), path.child("enabled")), true);
        Instant start = e.containsKey("start_date") ? in.instant(e.get("start_date"), path.child("start_date")) : null;
        Instant end = e.containsKey("end_date") ? in.instant(e.get("end_date"), path.child("end_date")) : null;
        if (start != null && end != null && !end.isAfter(start)) {
            in.problem(e.get("end_date"), path.child("end_date"), "end_date must be after start_date");
        }
        Stickiness stickiness = e.containsKey("stickiness")
                ? stickiness(e.get("stickiness"), path.child("stickiness")) : Stickiness.DEFAULT;
        List<String> names = new ArrayList<>();
        int[] basisPoints = new int[0];
        if (!e.containsKey("traffic_split")) {
            in.problem(o, path, "an experiment needs 'traffic_split' (variant: percent, summing to 100)");
        } else {
            basisPoints = split(e.get("traffic_split"), path.child("traffic_split"), names);
        }
        Map<String, ConfigObject> configs = new HashMap<>();
        if (e.containsKey("configurations")) {
            ConfigPath cp = path.child("configurations");
            ConfigObject co = in.object(e.get("configurations"), cp);
            if (co != null) {
                co.entries().forEach((variant, cfg) -> {
                    if (!names.contains(variant)) {
                        in.problem(cfg, cp.child(variant), "unknown variant '" + variant + "': not in traffic_split"
                                + Suggestions.didYouMean(variant, names));
                    }
                    ConfigObject c = in.object(cfg, cp.child(variant));
                    if (c != null) {
                        configs.put(variant, c);
                    }
                });
            }
        }
        List<String> metrics = e.containsKey("success_metrics")
                ? orElse(in.texts(e.get("success_metrics"), path.child("success_metrics")), List.of()) : List.of();
        String group = e.containsKey("exclusion_group")
                ? in.string(e.get("exclusion_group"), path.child("exclusion_group")) : null;
        double rangeStart = 0;
        double rangeEnd = 100;
        if (e.containsKey("exclusion_range")) {
            ConfigPath rp = path.child("exclusion_range");
            ConfigList rl = in.list(e.get("exclusion_range"), rp);
            if (rl != null && rl.size() != 2) {
                in.problem(rl, rp, "exclusion_range needs two numbers [start, end) in percent");
            } else if (rl != null) {
                Double s = in.percentage(rl.items().get(0), rp.child(0));
                Double en = in.percentage(rl.items().get(1), rp.child(1));
                if (s != null && en != null) {
                    if (en <= s) {
                        in.problem(rl, rp, "exclusion_range end must be greater than its start");
                    } else {
                        rangeStart = s;
                        rangeEnd = en;
                        if (group == null) {
                            in.problem(rl, rp, "exclusion_range needs exclusion_group");
                        } else {
                            ranges.add(new Range(key, s, en, rl, rp));
                            groups.put(key, group);
                        }
                    }
                }
            }
        } else if (group != null) {
            in.problem(e.get("exclusion_group"), path.child("exclusion_group"),
                    "exclusion_group needs exclusion_range: [start, end) in percent");
        }
        if (in.problems().size() > before) {
            return null;
        }
        List<ConfigObject> configurations = new ArrayList<>();
        List<Map<String, Object>> values = new ArrayList<>();
        for (String n : names) {
            ConfigObject c = configs.getOrDefault(n, ConfigObject.empty(o.origin()));
            configurations.add(c);
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) Trees.unwrap(c);
            values.add(m);
        }
        return new CompiledExperiment(key, description, enabled, start, end, clock, stickiness, names, basisPoints,
                configurations, values, metrics, group, rangeStart, rangeEnd);
    }

    /** Reads the split and converts it to basis points by largest remainder, ties to the earlier variant. */
    private int[] split(ConfigNode node, ConfigPath path, List<String> names) {
        ConfigObject o = in.object(node, path);
        if (o == null) {
            return new int[0];
        }
        if (o.isEmpty()) {
            in.problem(o, path, "traffic_split must name at least one variant");
            return new int[0];
        }
        List<BigDecimal> percents = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        boolean ok = true;
        for (Map.Entry<String, ConfigNode> en : o.entries().entrySet()) {
            Double check = in.percentage(en.getValue(), path.child(en.getKey()));
            if (check == null) {
                ok = false;
                continue;
            }
            if (Variant.DISABLED_NAME.equals(en.getKey()) || en.getKey().isBlank()) {
                in.problem(en.getValue(), path.child(en.getKey()), "invalid variant name '" + en.getKey() + "'");
                ok = false;
                continue;
            }
            BigDecimal p = in.decimal(en.getValue(), path.child(en.getKey()));
            names.add(en.getKey());
            percents.add(p);
            sum = sum.add(p);
        }
        if (!ok) {
            return new int[0];
        }
        if (sum.compareTo(BigDecimal.valueOf(100)) != 0) {
            in.problem(o, path, "traffic_split must sum to 100, found " + sum.stripTrailingZeros().toPlainString());
            return new int[0];
        }
        int n = percents.size();
        int[] bp = new int[n];
        BigDecimal[] remainders = new BigDecimal[n];
        int assigned = 0;
        for (int i = 0; i < n; i++) {
            BigDecimal exact = percents.get(i).movePointRight(2);
            BigDecimal floor = exact.setScale(0, RoundingMode.FLOOR);
            bp[i] = floor.intValueExact();
            remainders[i] = exact.subtract(floor);
            assigned += bp[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i));
        for (int k = 0; k < 10_000 - assigned; k++) {
            bp[order.get(k)]++;
        }
        return bp;
    }

    private void checkExclusionRanges(List<Range> ranges, Map<String, String> groups) {
        Map<String, List<Range>> byGroup = new LinkedHashMap<>();
        for (Range r : ranges) {
            byGroup.computeIfAbsent(groups.get(r.experiment()), g -> new ArrayList<>()).add(r);
        }
        byGroup.forEach((group, list) -> {
            List<Range> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.comparingDouble(Range::start));
            for (int i = 1; i < sorted.size(); i++) {
                Range prev = sorted.get(i - 1);
                Range cur = sorted.get(i);
                if (cur.start() < prev.end()) {
                    in.problem(cur.node(), cur.path(), "exclusion_range overlaps experiment '" + prev.experiment()
                            + "' in exclusion group '" + group + "'; ranges in one group must not overlap");
                }
            }
        });
    }
}
