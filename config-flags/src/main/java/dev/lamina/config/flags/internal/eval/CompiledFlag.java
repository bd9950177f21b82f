package dev.lamina.config.flags.internal.eval;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;

import dev.lamina.config.flags.FlagResolution;
import dev.lamina.config.flags.FlagSummary;
import dev.lamina.config.flags.FlagType;
import dev.lamina.config.flags.FlagValue;
import dev.lamina.config.flags.Reason;
import dev.lamina.config.flags.internal.context.ContextData;
import dev.lamina.config.flags.internal.match.Constraint;

/**
 * One compiled flag. {@link #decide} follows the evaluation order of {@code FLAGS.md}; it takes no lock and, for
 * rollouts and the non-regex operators, allocates nothing.
 */
public final class CompiledFlag {

    private final String key;
    private final String description;
    private final boolean enabled;
    private final double rolloutPercentage;
    private final long startMillis;
    private final long endMillis;
    private final Clock clock;
    private final Prerequisite[] prerequisites;
    private final Constraint[] targeting;
    private final Rule[] rules;
    private final boolean explicitRules;
    private final VariantSet variants;
    private Counter[] counters;
    private FlagType type;
    private CompiledVariant defaultVariant;
    private Map<String, FlagValue> metadata = Map.of();
    private Object definition;
    private boolean staticFlag;
    private boolean bucketsBySticky;
    private CompiledVariant[] allVariants;
    /** Shared resolutions by outcome, filled on first use (a benign race: each entry is immutable). */
    private FlagResolution[] resolutions;
    private int slotBase;

    /** Above this many outcomes a flag's resolutions are built per call rather than kept. */
    private static final int MAX_CACHED_OUTCOMES = 1 << 16;
    private static final int REASONS = Reason.values().length;

    /**
     * @param key               the key
     * @param description       the description
     * @param enabled           the kill switch
     * @param rolloutPercentage the flag-level percentage (for summaries)
     * @param startMillis       schedule start (inclusive), {@code Long.MIN_VALUE} when none
     * @param endMillis         schedule end (exclusive), {@code Long.MAX_VALUE} when none
     * @param clock             the clock for schedules
     * @param prerequisites     the prerequisites (linked by {@link #link})
     * @param targeting         flag-level constraints, all of which must match
     * @param rules             the rules, OR-ed in order; never empty
     * @param explicitRules     whether the definition declared {@code rules} (else one implicit rule)
     * @param variants          the flag-level variants (possibly empty)
     */
    public CompiledFlag(String key, String description, boolean enabled, double rolloutPercentage, long startMillis,
                        long endMillis, Clock clock, List<Prerequisite> prerequisites, List<Constraint> targeting,
                        List<Rule> rules, boolean explicitRules, VariantSet variants) {
        this.key = key;
        this.description = description;
        this.enabled = enabled;
        this.rolloutPercentage = rolloutPercentage;
        this.startMillis = startMillis;
        this.endMillis = endMillis;
        this.clock = clock;
        this.prerequisites = prerequisites.toArray(Prerequisite[]::new);
        this.targeting = targeting.toArray(Constraint[]::new);
        this.rules = rules.toArray(Rule[]::new);
        this.explicitRules = explicitRules;
        this.variants = variants;
    }

    /** @return the key */
    public String key() {
        return key;
    }

    /** @return the prerequisites */
    public List<Prerequisite> prerequisites() {
        return List.of(prerequisites);
    }

    /** @return the flag-level variants */
    public VariantSet variants() {
        return variants;
    }

    /**
     * Sets what typed evaluation needs; called by the compiler before {@link #link}.
     *
     * @param type           the declared type, or {@code null} for an untyped flag
     * @param defaultVariant the variant served when nothing else applies, or {@code null}
     * @param metadata       the flag's metadata
     * @param definition     the definition as plain values, compared to tell which flags changed; or {@code null}
     */
    public void typing(FlagType type, CompiledVariant defaultVariant, Map<String, FlagValue> metadata, Object definition) {
        this.type = type;
        this.defaultVariant = defaultVariant;
        this.metadata = Map.copyOf(metadata);
        this.definition = definition;
    }

    /** @return the definition as plain values, or {@code null} when unknown */
    public Object definition() {
        return definition;
    }

    /** @return the declared type, or {@code null} */
    public FlagType type() {
        return type;
    }

    /** @return {@code true} when a rollout or split of this flag buckets contexts by a sticky value */
    public boolean bucketsBySticky() {
        return bucketsBySticky;
    }

    /** @return {@code true} when the flag is off for everyone or its answer is the same for every context */
    public boolean contextFree() {
        return !enabled || staticFlag;
    }

    /**
     * @param base the index of this flag's first resolution slot in its evaluator
     * @return the number of slots this flag uses
     */
    public int assignSlots(int base) {
        this.slotBase = base;
        return resolutions == null ? 0 : resolutions.length;
    }

    /**
     * Links prerequisites to their parents and attaches counters; called by the compiler before publishing.
     *
     * @param flags    every compiled flag by key (all prerequisites are known to exist)
     * @param counters one counter per {@link Reason} ordinal, or {@code null} for no metrics
     */
    public void link(Map<String, CompiledFlag> flags, Counter[] counters) {
        for (Prerequisite p : prerequisites) {
            p.link(flags.get(p.flag()));
        }
        this.counters = counters;
        List<CompiledVariant> all = new ArrayList<>(variants == null ? List.of() : variants.list());
        for (Rule r : rules) {
            if (r.variants != null) {
                all.addAll(r.variants.list());
            }
        }
        this.allVariants = all.toArray(CompiledVariant[]::new);
        for (int i = 0; i < allVariants.length; i++) {
            allVariants[i].ordinal = i;
        }
        this.staticFlag = enabled && startMillis == Long.MIN_VALUE && endMillis == Long.MAX_VALUE
                && prerequisites.length == 0 && targeting.length == 0 && rules.length == 1
                && rules[0].isUnconditional() && (variants == null || !variants.splits());
        boolean sticky = variants != null && variants.bucketsBySticky();
        for (Rule r : rules) {
            sticky |= r.bucketsBySticky();
        }
        this.bucketsBySticky = enabled && sticky;
        long outcomes = (long) REASONS * (rules.length + 1) * (allVariants.length + 1);
        this.resolutions = outcomes <= MAX_CACHED_OUTCOMES ? new FlagResolution[(int) outcomes] : null;
    }

    /**
     * Resolves the flag to a typed value: {@link #decide}, then the variant a rule serves, the weighted variant, or
     * the default variant. The result is shared per outcome, so this allocates nothing once every outcome was seen.
     *
     * @param ctx the context
     * @return the resolution
     */
    public FlagResolution resolve(ContextData ctx) {
        int d = decide(ctx, false);
        Reason reason = Decisions.reason(d);
        int rule = reason == Reason.PREREQUISITE_FAILED ? -1 : Decisions.index(d);
        CompiledVariant v = null;
        if (reason.isOn()) {
            CompiledVariant serve = rule >= 0 ? rules[rule].serve : null;
            if (serve != null) {
                v = serve;
            } else {
                v = selectVariant(ctx, d);
                if (v != null) {
                    reason = Reason.SPLIT;
                }
            }
        }
        if (v == null && reason != Reason.DISABLED) {
            v = defaultVariant;
        }
        count(reason);
        return resolution(reason, rule, v);
    }

    private FlagResolution resolution(Reason reason, int rule, CompiledVariant v) {
        int index = ((reason.ordinal() * (rules.length + 1)) + rule + 1) * (allVariants.length + 1)
                + (v == null ? 0 : v.ordinal + 1);
        FlagResolution[] table = resolutions;
        if (table == null) {
            return build(reason, rule, v, -1);
        }
        FlagResolution r = table[index];
        if (r == null) {
            r = build(reason, rule, v, slotBase + index);
            table[index] = r;
        }
        return r;
    }

    private FlagResolution build(Reason reason, int rule, CompiledVariant v, int slot) {
        boolean on = reason.isOn();
        FlagValue value;
        if (v != null && v.value() != null) {
            value = v.value();
        } else if (type == FlagType.BOOLEAN && v == null && reason != Reason.DISABLED) {
            value = new FlagValue.BooleanValue(on);
        } else {
            value = null;
        }
        String ruleName = rule < 0 ? null : ruleName(Decisions.of(reason, rule, 0));
        return new FlagResolution(key, on, reason, v == null ? Optional.empty() : v.optional(),
                Optional.ofNullable(value), Optional.ofNullable(ruleName), Optional.ofNullable(type), staticFlag,
                metadata, slot);
    }

    /**
     * @param reason the reason to count
     */
    public void count(Reason reason) {
        Counter[] c = counters;
        if (c != null) {
            c[reason.ordinal()].increment();
        }
    }

    /**
     * @param ctx  the context
     * @param full {@code true} to compute buckets even where the answer is known without them (for explanations)
     * @return the packed decision (see {@link Decisions})
     */
    public int decide(ContextData ctx, boolean full) {
        if (!enabled) {
            return Decisions.of(Reason.DISABLED);
        }
        if (startMillis != Long.MIN_VALUE || endMillis != Long.MAX_VALUE) {
            long now = clock.millis();
            if (now < startMillis || now >= endMillis) {
                return Decisions.of(Reason.SCHEDULED_OFF);
            }
        }
        for (int i = 0; i < prerequisites.length; i++) {
            if (!prerequisites[i].satisfied(ctx)) {
                return Decisions.of(Reason.PREREQUISITE_FAILED, i, 0);
            }
        }
        for (Constraint c : targeting) {
            if (!c.matches(ctx)) {
                return Decisions.of(Reason.TARGETING_MISS);
            }
        }
        int excludedRule = -1;
        int excludedBucket = 0;
        for (int i = 0; i < rules.length; i++) {
            Rule r = rules[i];
            if (!r.constraintsMatch(ctx)) {
                continue;
            }
            int rollout = r.rollout(ctx, full);
            int bucket = rollout & 0xFFFF;
            if ((rollout & Rule.INCLUDED) != 0) {
                Reason reason = r.hasConstraints() || targeting.length > 0 ? Reason.TARGETING_MATCH : Reason.ROLLOUT;
                return Decisions.of(reason, i, bucket);
            }
            if (excludedRule < 0) {
                excludedRule = i;
                excludedBucket = bucket;
            }
        }
        return excludedRule < 0
                ? Decisions.of(Reason.TARGETING_MISS)
                : Decisions.of(Reason.ROLLOUT_EXCLUDED, excludedRule, excludedBucket);
    }

    /**
     * @param ctx      the context
     * @param decision an "on" decision from {@link #decide}
     * @return the variant, or {@code null} when the flag has none
     */
    public CompiledVariant selectVariant(ContextData ctx, int decision) {
        int rule = Decisions.index(decision);
        if (rule >= 0 && rules[rule].serve != null) {
            return rules[rule].serve;
        }
        VariantSet set = rule >= 0 && rules[rule].variants != null ? rules[rule].variants : variants;
        return set == null ? null : set.select(ctx);
    }

    /**
     * @param decision a decision
     * @return the name of the rule it names, or {@code null} when none should be reported
     */
    public String ruleName(int decision) {
        int rule = Decisions.index(decision);
        if (rule < 0) {
            return null;
        }
        if (!explicitRules) {
            return targeting.length > 0 ? "targeting" : null;
        }
        return rules[rule].name;
    }

    /**
     * @param variant a variant name
     * @return {@code true} when one of the rules declares it
     */
    public boolean declaresRuleVariant(String variant) {
        if (defaultVariant != null && defaultVariant.name().equals(variant)) {
            return true;
        }
        for (Rule r : rules) {
            if (r.variants != null && r.variants.has(variant)) {
                return true;
            }
        }
        return false;
    }

    /** @param index a prerequisite index @return its flag key */
    public String prerequisiteKey(int index) {
        return prerequisites[index].flag();
    }

    /** @return the summary */
    public FlagSummary summary() {
        return new FlagSummary(key, description, enabled, rolloutPercentage, explicitRules ? rules.length : 0,
                variants == null ? List.of() : variants.names(),
                java.util.Arrays.stream(prerequisites).map(Prerequisite::flag).toList());
    }
}
