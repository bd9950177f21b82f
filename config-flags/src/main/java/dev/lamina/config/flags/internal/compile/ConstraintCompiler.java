package dev.lamina.config.flags.internal.compile;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.flags.internal.match.AttributeRef;
import dev.lamina.config.flags.internal.match.Constraint;
import dev.lamina.config.flags.internal.match.Constraints;
import dev.lamina.config.flags.internal.match.Operator;
import dev.lamina.config.flags.internal.value.CidrBlock;
import dev.lamina.config.flags.internal.value.Numbers;
import dev.lamina.config.flags.internal.value.SemanticVersion;
import dev.lamina.config.flags.internal.value.Timestamps;
import dev.lamina.config.spi.Suggestions;

/** Compiles one constraint: operator lookup (with a suggestion), values parsed for the operator, patterns compiled. */
final class ConstraintCompiler {

    private static final Set<String> CONSTRAINT_KEYS = NodeReader.keys("attribute", "operator", "values", "value", "inverted",
            "case_insensitive");

    private final NodeReader in;
    private final Clock clock;

    ConstraintCompiler(NodeReader in, Clock clock) {
        this.in = in;
        this.clock = clock;
    }

    Constraint constraint(ConfigNode node, ConfigPath path) {
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
        boolean inverted = e.containsKey("inverted") && NodeReader.orElse(in.bool(e.get("inverted"), path.child("inverted")), false);
        boolean ci = e.containsKey("case_insensitive")
                && NodeReader.orElse(in.bool(e.get("case_insensitive"), path.child("case_insensitive")), false);
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
}
