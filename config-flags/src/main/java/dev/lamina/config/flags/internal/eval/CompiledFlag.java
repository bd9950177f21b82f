package dev.lamina.config.flags.internal.eval;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;

import dev.lamina.config.flags.FlagSummary;
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
