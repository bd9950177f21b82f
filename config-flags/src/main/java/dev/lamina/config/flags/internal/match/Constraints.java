package dev.lamina.config.flags.internal.match;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.google.re2j.Pattern;

import dev.lamina.config.flags.internal.context.AttributeValue;
import dev.lamina.config.flags.internal.context.ContextData;
import dev.lamina.config.flags.internal.value.CidrBlock;
import dev.lamina.config.flags.internal.value.SemanticVersion;

/** Factories for the compiled constraints, one small class per operator family. */
public final class Constraints {

    private Constraints() {
    }

    /**
     * @param attribute       the attribute
     * @param values          the values to look for
     * @param caseInsensitive whether to compare ignoring case
     * @param notIn           {@code true} for {@code NOT_IN}
     * @param inverted        whether to negate
     * @return {@code IN} / {@code NOT_IN}
     */
    public static Constraint in(AttributeRef attribute, List<String> values, boolean caseInsensitive, boolean notIn,
                                boolean inverted) {
        return new InConstraint(attribute, values, caseInsensitive, notIn, inverted);
    }

    /**
     * @param op              {@code STR_STARTS_WITH}, {@code STR_ENDS_WITH} or {@code STR_CONTAINS}
     * @param attribute       the attribute
     * @param values          the strings, any of which may match
     * @param caseInsensitive whether to compare ignoring case
     * @param inverted        whether to negate
     * @return the constraint
     */
    public static Constraint string(Operator op, AttributeRef attribute, List<String> values, boolean caseInsensitive,
                                    boolean inverted) {
        return new StringConstraint(op, attribute, values.toArray(String[]::new), caseInsensitive, inverted);
    }

    /**
     * @param op        a {@code NUM_*} operator
     * @param attribute the attribute
     * @param values    the numbers, any of which may match
     * @param inverted  whether to negate
     * @return the constraint
     */
    public static Constraint number(Operator op, AttributeRef attribute, double[] values, boolean inverted) {
        return new NumberConstraint(op, attribute, values.clone(), inverted);
    }

    /**
     * @param op        {@code DATE_AFTER} or {@code DATE_BEFORE}
     * @param attribute the attribute ({@code current_time} falls back to the clock)
     * @param values    the instants, any of which may match
     * @param clock     the clock used when the context has no time
     * @param inverted  whether to negate
     * @return the constraint
     */
    public static Constraint date(Operator op, AttributeRef attribute, List<Instant> values, Clock clock,
                                  boolean inverted) {
        return new DateConstraint(op == Operator.DATE_AFTER, attribute, values, clock, inverted);
    }

    /**
     * @param op        a {@code SEMVER_*} operator
     * @param attribute the attribute
     * @param values    the versions, any of which may match
     * @param inverted  whether to negate
     * @return the constraint
     */
    public static Constraint semver(Operator op, AttributeRef attribute, List<SemanticVersion> values,
                                    boolean inverted) {
        return new SemverConstraint(op, attribute, values.toArray(SemanticVersion[]::new), inverted);
    }

    /**
     * @param attribute the attribute
     * @param patterns  compiled RE2 patterns, any of which may be found
     * @param inverted  whether to negate
     * @return {@code REGEX}
     */
    public static Constraint regex(AttributeRef attribute, List<Pattern> patterns, boolean inverted) {
        return new RegexConstraint(attribute, patterns.toArray(Pattern[]::new), inverted);
    }

    /**
     * @param attribute the attribute
     * @param blocks    the networks and addresses
     * @param inverted  whether to negate
     * @return {@code IN_CIDR}
     */
    public static Constraint cidr(AttributeRef attribute, List<CidrBlock> blocks, boolean inverted) {
        return new CidrConstraint(attribute, blocks.toArray(CidrBlock[]::new), inverted);
    }

    private static final class InConstraint extends Constraint {
        private final String[] values;
        private final Set<String> set;
        private final boolean caseInsensitive;
        private final boolean notIn;

        InConstraint(AttributeRef attribute, List<String> values, boolean caseInsensitive, boolean notIn,
                     boolean inverted) {
            super(attribute, inverted);
            // Canonical instances, as in AttributeRef: a constant attribute value then matches on identity.
            this.values = values.stream().map(String::intern).toArray(String[]::new);
            // Small lists scan faster than they hash; both allocate nothing.
            this.set = !caseInsensitive && values.size() > 8 ? new HashSet<>(values) : null;
            this.caseInsensitive = caseInsensitive;
            this.notIn = notIn;
        }

        @Override
        protected boolean whenMissing() {
            return notIn;
        }

        @Override
        protected boolean test(AttributeValue value) {
            String[] elements = value.elements();
            if (elements != null) {
                // A list attribute is IN when any of its elements is, NOT_IN when none is.
                boolean any = false;
                for (String e : elements) {
                    if (found(e)) {
                        any = true;
                        break;
                    }
                }
                return any != notIn;
            }
            return found(value.raw()) != notIn;
        }

        private boolean found(String v) {
            boolean found = false;
            if (set != null) {
                found = set.contains(v);
            } else {
                for (String s : values) {
                    if (caseInsensitive ? s.equalsIgnoreCase(v) : s.equals(v)) {
                        found = true;
                        break;
                    }
                }
            }
            return found;
        }
    }

    private static final class StringConstraint extends Constraint {
        private final Operator op;
        private final String[] values;
        private final boolean ci;

        StringConstraint(Operator op, AttributeRef attribute, String[] values, boolean ci, boolean inverted) {
            super(attribute, inverted);
            this.op = op;
            this.values = values;
            this.ci = ci;
        }

        @Override
        protected boolean test(AttributeValue value) {
            String v = value.raw();
            for (String s : values) {
                boolean hit = switch (op) {
                    case STR_STARTS_WITH -> v.regionMatches(ci, 0, s, 0, s.length());
                    case STR_ENDS_WITH -> v.length() >= s.length()
                            && v.regionMatches(ci, v.length() - s.length(), s, 0, s.length());
                    default -> contains(v, s);
                };
                if (hit) {
                    return true;
                }
            }
            return false;
        }

        private boolean contains(String v, String s) {
            if (!ci) {
                return v.contains(s);
            }
            for (int i = 0; i + s.length() <= v.length(); i++) {
                if (v.regionMatches(true, i, s, 0, s.length())) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final class NumberConstraint extends Constraint {
        private final Operator op;
        private final double[] values;

        NumberConstraint(Operator op, AttributeRef attribute, double[] values, boolean inverted) {
            super(attribute, inverted);
            this.op = op;
            this.values = values;
        }

        @Override
        protected boolean test(AttributeValue value) {
            double n = value.number();
            for (double c : values) {
                // NaN compares false everywhere, which is the specified result for a non-number.
                boolean hit = switch (op) {
                    case NUM_EQ -> n == c;
                    case NUM_GT -> n > c;
                    case NUM_GTE -> n >= c;
                    case NUM_LT -> n < c;
                    default -> n <= c;
                };
                if (hit) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final class DateConstraint extends Constraint {
        private final boolean after;
        private final long[] seconds;
        private final int[] nanos;
        private final Clock clock;

        DateConstraint(boolean after, AttributeRef attribute, List<Instant> values, Clock clock, boolean inverted) {
            super(attribute, inverted);
            this.after = after;
            this.seconds = values.stream().mapToLong(Instant::getEpochSecond).toArray();
            this.nanos = values.stream().mapToInt(Instant::getNano).toArray();
            this.clock = clock;
        }

        @Override
        protected boolean evaluate(ContextData ctx) {
            if (attribute().isCurrentTime()) {
                if (ctx.hasTime()) {
                    return compare(ctx.timeSecond(), ctx.timeNano());
                }
                long millis = clock.millis();
                return compare(Math.floorDiv(millis, 1000L), (int) Math.floorMod(millis, 1000L) * 1_000_000);
            }
            return super.evaluate(ctx);
        }

        @Override
        protected boolean test(AttributeValue value) {
            return value.hasInstant() && compare(value.epochSecond(), value.nano());
        }

        private boolean compare(long second, int nano) {
            for (int i = 0; i < seconds.length; i++) {
                int c = second != seconds[i] ? Long.compare(second, seconds[i]) : Integer.compare(nano, nanos[i]);
                if (after ? c > 0 : c < 0) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final class SemverConstraint extends Constraint {
        private final Operator op;
        private final SemanticVersion[] values;

        SemverConstraint(Operator op, AttributeRef attribute, SemanticVersion[] values, boolean inverted) {
            super(attribute, inverted);
            this.op = op;
            this.values = values;
        }

        @Override
        protected boolean test(AttributeValue value) {
            SemanticVersion v = value.version();
            if (v == null) {
                return false;
            }
            for (SemanticVersion c : values) {
                int cmp = v.compareTo(c);
                boolean hit = switch (op) {
                    case SEMVER_EQ -> cmp == 0;
                    case SEMVER_GT -> cmp > 0;
                    case SEMVER_GTE -> cmp >= 0;
                    case SEMVER_LT -> cmp < 0;
                    default -> cmp <= 0;
                };
                if (hit) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final class RegexConstraint extends Constraint {
        private final Pattern[] patterns;

        RegexConstraint(AttributeRef attribute, Pattern[] patterns, boolean inverted) {
            super(attribute, inverted);
            this.patterns = patterns;
        }

        @Override
        protected boolean test(AttributeValue value) {
            for (Pattern p : patterns) {
                if (p.matcher(value.raw()).find()) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final class CidrConstraint extends Constraint {
        private final CidrBlock[] blocks;

        CidrConstraint(AttributeRef attribute, CidrBlock[] blocks, boolean inverted) {
            super(attribute, inverted);
            this.blocks = blocks;
        }

        @Override
        protected boolean test(AttributeValue value) {
            byte[] a = value.address();
            if (a == null) {
                return false;
            }
            for (CidrBlock b : blocks) {
                if (b.contains(a)) {
                    return true;
                }
            }
            return false;
        }
    }
}
