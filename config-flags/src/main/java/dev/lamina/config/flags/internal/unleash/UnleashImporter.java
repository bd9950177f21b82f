package dev.lamina.config.flags.internal.unleash;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lamina.config.flags.internal.match.Operator;
import dev.lamina.config.flags.internal.value.CidrBlock;
import dev.lamina.config.flags.internal.value.Numbers;
import dev.lamina.config.flags.internal.value.SemanticVersion;
import dev.lamina.config.flags.internal.value.Timestamps;

/**
 * Translates an Unleash client-features state into Lamina's native flag definitions (plain ordered maps, the
 * shape of a {@code feature_flags:} section). The translation keeps Unleash's evaluation results:
 *
 * <ul>
 *   <li>each strategy becomes a rule (rules are OR-ed); its constraints and its segments' constraints are
 *       concatenated (AND);</li>
 *   <li>what Unleash evaluates to "false" at run time becomes a definition that never matches: an unknown
 *       strategy, a missing segment or an unknown operator become an {@code IN []} constraint; invalid values of
 *       an operator are dropped (an operator with no values is false); a dependency on a missing parent, or on a
 *       parent with dependencies of its own, makes the child {@code enabled: false};</li>
 *   <li>context names are mapped to Lamina's attribute names ({@code userId} to {@code user_id}, …).</li>
 * </ul>
 */
public final class UnleashImporter {

    private static final Logger LOG = LoggerFactory.getLogger(UnleashImporter.class);

    private UnleashImporter() {
    }

    /**
     * @param state the parsed state ({@code {version, features[], segments[]}})
     * @return {@code {feature_flags: {...}}} as ordered, mutable-free maps and lists
     * @throws IllegalArgumentException when the state is not an object with a {@code features} array (the message
     *                                  names the part, never the content)
     */
    public static Map<String, Object> toNative(JsonNode state) {
        return toNative(state, null);
    }

    /**
     * The constraint operators Unleash defines: the client specification 6.1.0 ({@code IN} .. {@code SEMVER_GT},
     * {@code REGEX}, {@code IN_CIDR}) and the Yggdrasil engine 0.5.1 ({@code REGEX_MATCH}, the same regular
     * expression match), each with the Lamina operator it maps to.
     */
    public static final Map<String, Operator> OPERATORS = operators();

    private static Map<String, Operator> operators() {
        Map<String, Operator> m = new LinkedHashMap<>();
        for (String n : List.of("IN", "NOT_IN", "STR_ENDS_WITH", "STR_STARTS_WITH", "STR_CONTAINS", "NUM_EQ", "NUM_GT",
                "NUM_GTE", "NUM_LT", "NUM_LTE", "DATE_AFTER", "DATE_BEFORE", "SEMVER_EQ", "SEMVER_LT", "SEMVER_GT",
                "REGEX", "IN_CIDR")) {
            m.put(n, Operator.byName(n));
        }
        m.put("REGEX_MATCH", Operator.REGEX);
        return java.util.Collections.unmodifiableMap(m);
    }

    /**
     * @param state   the parsed state
     * @param unknown where to record {@code {feature, operator}} for every operator Unleash does not define, or
     *                {@code null} to import such a constraint as never matching (what Unleash clients evaluate)
     * @return {@code {feature_flags: {...}}}
     */
    public static Map<String, Object> toNative(JsonNode state, List<String[]> unknown) {
        if (state == null || !state.isObject() || !state.path("features").isArray()) {
            throw new IllegalArgumentException("an Unleash state must be an object with a 'features' array");
        }
        Map<Integer, JsonNode> segments = new HashMap<>();
        for (JsonNode s : state.path("segments")) {
            if (s.path("id").canConvertToInt()) {
                segments.put(s.path("id").asInt(), s.path("constraints"));
            }
        }
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        for (JsonNode f : state.path("features")) {
            String name = f.path("name").asText("");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("every Unleash feature needs a non-empty 'name'");
            }
            byName.put(name, f);
        }
        Map<String, Object> flags = new LinkedHashMap<>();
        byName.forEach((name, f) -> flags.put(name, feature(name, f, byName, segments, unknown)));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("feature_flags", flags);
        return root;
    }

    private static Map<String, Object> feature(String name, JsonNode f, Map<String, JsonNode> all,
                                               Map<Integer, JsonNode> segments, List<String[]> unknown) {
        Map<String, Object> flag = new LinkedHashMap<>();
        if (f.hasNonNull("description") && !f.path("description").asText().isEmpty()) {
            flag.put("description", f.path("description").asText());
        }
        boolean enabled = f.path("enabled").asBoolean(false);
        List<Object> dependsOn = new ArrayList<>();
        for (JsonNode d : f.path("dependencies")) {
            String parent = d.path("feature").asText("");
            JsonNode p = all.get(parent);
            if (p == null || (p.path("dependencies").isArray() && p.path("dependencies").size() > 0)) {
                // Unleash evaluates such a dependency to false for every context: the child can never be on.
                LOG.debug("Unleash feature '{}' depends on a missing or dependent parent; imported as disabled", name);
                enabled = false;
                dependsOn.clear();
                break;
            }
            Map<String, Object> dep = new LinkedHashMap<>();
            dep.put("flag", parent);
            if (d.has("enabled") && !d.path("enabled").asBoolean(true)) {
                dep.put("enabled", false);
            }
            List<String> variants = texts(d.path("variants"));
            if (!variants.isEmpty()) {
                // A variant the parent never yields can never match: keep the ones it declares, and when none
                // remain the dependency can never be satisfied.
                List<String> declared = declaredVariants(p);
                List<String> known = variants.stream().filter(declared::contains).toList();
                if (known.isEmpty()) {
                    LOG.debug("Unleash feature '{}' depends on variants its parent never yields; imported as disabled",
                            name);
                    enabled = false;
                    dependsOn.clear();
                    break;
                }
                dep.put("variants", known);
            }
            dependsOn.add(dep);
        }
        flag.put("enabled", enabled);
        String variantStickiness = variantStickiness(f.path("variants"));
        if (variantStickiness != null) {
            flag.put("stickiness", variantStickiness);
        }
        if (!dependsOn.isEmpty()) {
            flag.put("depends_on", dependsOn);
        }
        JsonNode strategies = f.path("strategies");
        if (strategies.isArray() && strategies.size() > 0) {
            List<Object> rules = new ArrayList<>();
            for (JsonNode s : strategies) {
                rules.add(strategy(name, s, segments, unknown));
            }
            flag.put("rules", rules);
        }
        List<Object> variants = variants(f.path("variants"));
        if (!variants.isEmpty()) {
            flag.put("variants", variants);
        }
        return flag;
    }

    private static List<String> declaredVariants(JsonNode feature) {
        List<String> out = new ArrayList<>();
        out.add("disabled");
        for (JsonNode v : feature.path("variants")) {
            out.add(v.path("name").asText());
        }
        for (JsonNode s : feature.path("strategies")) {
            for (JsonNode v : s.path("variants")) {
                out.add(v.path("name").asText());
            }
        }
        return out;
    }

    private static Map<String, Object> strategy(String feature, JsonNode s, Map<Integer, JsonNode> segments,
                                                List<String[]> unknown) {
        String type = s.path("name").asText("");
        JsonNode params = s.path("parameters");
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("name", type);
        List<Object> constraints = new ArrayList<>();
        String group = params.hasNonNull("groupId") && !params.path("groupId").asText().isEmpty()
                ? params.path("groupId").asText() : feature;
        String stickiness = "default";
        double rollout = 100;
        switch (type) {
            case "default" -> {
                // everyone
            }
            case "userWithId" -> constraints.add(constraint("user_id", "IN", splitList(params.path("userIds")), false,
                    false));
            case "gradualRolloutUserId" -> {
                stickiness = "user_id";
                rollout = percent(params.path("percentage"));
            }
            case "gradualRolloutSessionId" -> {
                stickiness = "session_id";
                rollout = percent(params.path("percentage"));
            }
            case "gradualRolloutRandom" -> {
                stickiness = "random";
                rollout = percent(params.path("percentage"));
            }
            case "flexibleRollout" -> {
                stickiness = stickiness(params.path("stickiness").asText("default"));
                rollout = percent(params.path("rollout"));
            }
            case "remoteAddress" -> {
                List<String> blocks = new ArrayList<>();
                for (String ip : splitList(params.path("IPs"))) {
                    if (CidrBlock.parseOrNull(ip) != null) {
                        blocks.add(ip);
                    }
                }
                constraints.add(constraint("remote_address", "IN_CIDR", blocks, false, false));
            }
            case "applicationHostname" -> constraints.add(constraint("hostname", "IN",
                    splitList(params.path("hostNames")), false, true));
            default -> {
                LOG.warn("Unleash strategy '{}' of feature '{}' is not built in; imported as never matching (as"
                        + " Unleash clients without it evaluate it)", type, feature);
                constraints.add(never("strategy:" + type));
            }
        }
        for (JsonNode c : s.path("constraints")) {
            constraints.add(constraint(feature, c, unknown));
        }
        for (JsonNode id : s.path("segments")) {
            JsonNode seg = id.canConvertToInt() ? segments.get(id.asInt()) : null;
            if (seg == null) {
                LOG.warn("feature '{}' refers to segment {}, which the Unleash state does not define; imported as"
                        + " never matching", feature, id.asText());
                constraints.add(never("segment:" + id.asText()));
                continue;
            }
            for (JsonNode c : seg) {
                constraints.add(constraint(feature, c, unknown));
            }
        }
        if (!constraints.isEmpty()) {
            rule.put("constraints", constraints);
        }
        rule.put("rollout_percentage", rollout);
        rule.put("stickiness", stickiness);
        rule.put("group_id", group);
        List<Object> variants = variants(s.path("variants"));
        if (!variants.isEmpty()) {
            String vs = variantStickiness(s.path("variants"));
            if (vs != null && !vs.equals(stickiness)) {
                rule.put("variant_stickiness", vs);
            }
            rule.put("variants", variants);
        }
        return rule;
    }

    private static Map<String, Object> constraint(String feature, JsonNode c, List<String[]> unknown) {
        String attribute = attribute(c.path("contextName").asText(""));
        String opName = c.path("operator").asText("");
        // Only Unleash's own names: it has no SEMVER_GTE/SEMVER_LTE, for example, though Lamina does.
        Operator op = OPERATORS.get(opName);
        if (op == null) {
            if (unknown != null) {
                unknown.add(new String[] {feature, opName});
            } else {
                LOG.warn("Unleash feature '{}' uses operator '{}', which Unleash does not define; imported as a"
                        + " constraint that never matches, as Unleash clients evaluate it", feature, opName);
            }
        }
        boolean inverted = c.path("inverted").asBoolean(false);
        boolean ci = c.path("caseInsensitive").asBoolean(false);
        if (op == null || attribute.isEmpty()) {
            return never(attribute.isEmpty() ? "constraint:no-context-name" : attribute);
        }
        List<String> values = new ArrayList<>();
        if (c.hasNonNull("value")) {
            values.add(c.path("value").asText());
        }
        values.addAll(texts(c.path("values")));
        List<String> valid = new ArrayList<>();
        for (String v : values) {
            if (isValid(op, v)) {
                valid.add(v);
            }
        }
        return constraint(attribute, op.name(), valid, inverted, ci);
    }

    private static boolean isValid(Operator op, String v) {
        return switch (op) {
            case NUM_EQ, NUM_GT, NUM_GTE, NUM_LT, NUM_LTE -> Numbers.isNumber(v.trim());
            case DATE_AFTER, DATE_BEFORE -> Timestamps.parseOrNull(v) != null;
            case SEMVER_EQ, SEMVER_GT, SEMVER_GTE, SEMVER_LT, SEMVER_LTE -> SemanticVersion.parseOrNull(v) != null;
            case IN_CIDR -> CidrBlock.parseOrNull(v) != null;
            case REGEX -> {
                try {
                    Pattern.compile(v);
                    yield true;
                } catch (PatternSyntaxException e) {
                    yield false;
                }
            }
            default -> true;
        };
    }

    private static Map<String, Object> constraint(String attribute, String op, List<String> values, boolean inverted,
                                                  boolean ci) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("attribute", attribute);
        c.put("operator", op);
        c.put("values", List.copyOf(values));
        if (inverted) {
            c.put("inverted", true);
        }
        if (ci) {
            c.put("case_insensitive", true);
        }
        return c;
    }

    /** A constraint that no context satisfies: {@code IN} with no values. */
    private static Map<String, Object> never(String attribute) {
        return constraint(attribute, "IN", List.of(), false, false);
    }

    private static List<Object> variants(JsonNode variants) {
        List<Object> out = new ArrayList<>();
        for (JsonNode v : variants) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", v.path("name").asText());
            m.put("weight", v.path("weight").asInt(0));
            if (v.path("payload").isObject()) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("type", v.path("payload").path("type").asText("string"));
                JsonNode value = v.path("payload").path("value");
                p.put("value", value.isValueNode() ? value.asText() : value.toString());
                m.put("payload", p);
            }
            List<Object> overrides = new ArrayList<>();
            for (JsonNode o : v.path("overrides")) {
                Map<String, Object> om = new LinkedHashMap<>();
                om.put("attribute", attribute(o.path("contextName").asText("")));
                om.put("values", texts(o.path("values")));
                overrides.add(om);
            }
            if (!overrides.isEmpty()) {
                m.put("overrides", overrides);
            }
            out.add(m);
        }
        // Unleash treats a total weight of 0 as "no variants"; Lamina refuses it, so leave them out.
        int total = 0;
        for (Object o : out) {
            total += (Integer) ((Map<?, ?>) o).get("weight");
        }
        return total > 0 ? out : List.of();
    }

    /** Unleash uses the first variant's stickiness for the whole list. */
    private static String variantStickiness(JsonNode variants) {
        for (JsonNode v : variants) {
            if (v.hasNonNull("stickiness")) {
                String s = stickiness(v.path("stickiness").asText());
                return "default".equals(s) ? null : s;
            }
        }
        return null;
    }

    private static String stickiness(String unleash) {
        return switch (unleash) {
            case "", "default" -> "default";
            case "random" -> "random";
            default -> attribute(unleash);
        };
    }

    /** Maps Unleash context field names to Lamina attribute names; properties keep their names. */
    static String attribute(String contextName) {
        return switch (contextName) {
            case "userId" -> "user_id";
            case "sessionId" -> "session_id";
            case "remoteAddress" -> "remote_address";
            case "appName" -> "app_name";
            case "currentTime" -> "current_time";
            default -> contextName;
        };
    }

    private static double percent(JsonNode n) {
        String t = n.asText("0").trim();
        if (!Numbers.isNumber(t)) {
            return 0;
        }
        double d = Double.parseDouble(t);
        return Math.max(0, Math.min(100, d));
    }

    private static List<String> splitList(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (String s : n.asText("").split(",")) {
            if (!s.trim().isEmpty()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    private static List<String> texts(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : n) {
            if (!v.isNull()) {
                out.add(v.asText());
            }
        }
        return out;
    }
}
