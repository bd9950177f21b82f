package dev.lamina.config.flags.internal.eval;

import java.util.List;

import dev.lamina.config.flags.internal.bucket.Bucketing;
import dev.lamina.config.flags.internal.bucket.HashPrefix;
import dev.lamina.config.flags.internal.context.AttributeValue;
import dev.lamina.config.flags.internal.context.ContextData;
import dev.lamina.config.flags.internal.match.Constraint;

/** One rule: constraints (AND-ed), a rollout with its stickiness and group, and optional variants of its own. */
public final class Rule {

    /** Bit set in {@link #rollout}'s result when the context is inside the rollout. */
    static final int INCLUDED = 1 << 16;

    final String name;
    private final Constraint[] constraints;
    final double percentage;
    private final Stickiness stickiness;
    private final HashPrefix prefix;
    final VariantSet variants;
    /** The flag-level variant this rule serves when it matches ({@code variant:}), or {@code null}. */
    final CompiledVariant serve;

    /**
     * @param name        the name reported as the matched rule
     * @param constraints the constraints, all of which must match
     * @param percentage  the rollout percentage, 0..100
     * @param stickiness  the rollout stickiness
     * @param group       the bucketing group ({@code group_id}, default the flag key)
     * @param variants    the rule's own variants, or {@code null} to use the flag's
     */
    public Rule(String name, List<Constraint> constraints, double percentage, Stickiness stickiness, String group,
                VariantSet variants) {
        this(name, constraints, percentage, stickiness, group, variants, null);
    }

    /**
     * @param name        the name reported as the matched rule
     * @param constraints the constraints, all of which must match
     * @param percentage  the rollout percentage, 0..100
     * @param stickiness  the rollout stickiness
     * @param group       the bucketing group ({@code group_id}, default the flag key)
     * @param variants    the rule's own variants, or {@code null} to use the flag's
     * @param serve       the flag-level variant served when the rule matches, or {@code null}
     */
    public Rule(String name, List<Constraint> constraints, double percentage, Stickiness stickiness, String group,
                VariantSet variants, CompiledVariant serve) {
        this.serve = serve;
        this.name = name;
        this.constraints = constraints.toArray(Constraint[]::new);
        this.percentage = percentage;
        this.stickiness = stickiness;
        this.prefix = HashPrefix.of(group, 0);
        this.variants = variants == null || variants.isEmpty() ? null : variants;
    }

    /** @return {@code true} when the answer is the same for every context: no constraint, 100 % for everyone */
    boolean isUnconditional() {
        return constraints.length == 0 && percentage >= 100 && stickiness == Stickiness.DEFAULT && variants == null
                && serve == null;
    }

    /** @return {@code true} when the rule buckets contexts by a sticky value (a partial rollout or a split) */
    boolean bucketsBySticky() {
        return (percentage > 0 && percentage < 100 && !stickiness.isRandom())
                || (variants != null && variants.bucketsBySticky());
    }

    boolean hasConstraints() {
        return constraints.length > 0;
    }

    boolean constraintsMatch(ContextData ctx) {
        for (Constraint c : constraints) {
            if (!c.matches(ctx)) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param ctx  the context
     * @param full {@code true} to compute the bucket even when the answer is known without it
     * @return the bucket (0 when not computed) with {@link #INCLUDED} set when inside the rollout
     */
    int rollout(ContextData ctx, boolean full) {
        if (!full && percentage <= 0) {
            return 0;
        }
        AttributeValue sticky = stickiness.rolloutValue(ctx);
        if (sticky == null) {
            return 0; // a named stickiness attribute is missing: off, with no random fallback
        }
        if (!full && percentage >= 100) {
            return INCLUDED;
        }
        int bucket = sticky == Stickiness.RANDOM ? Bucketing.randomBucket(100) : Bucketing.normalizedHash(prefix, sticky, 100);
        return percentage > 0 && bucket <= percentage ? bucket | INCLUDED : bucket;
    }
}
