package dev.lamina.config.flags.internal.eval;

import java.util.List;

import dev.lamina.config.flags.internal.bucket.Bucketing;
import dev.lamina.config.flags.internal.bucket.HashPrefix;
import dev.lamina.config.flags.internal.context.AttributeValue;
import dev.lamina.config.flags.internal.context.ContextData;

/**
 * Variants in declaration order with their weights: overrides first, then the first variant whose cumulative
 * weight reaches {@code normalizedHash(group, sticky, totalWeight, 86028157)}.
 */
public final class VariantSet {

    private final CompiledVariant[] variants;
    private final int[] cumulative;
    private final int total;
    private final HashPrefix prefix;
    private final Stickiness stickiness;

    /**
     * @param variants   the variants, in declaration order
     * @param group      the bucketing group
     * @param stickiness the stickiness
     */
    public VariantSet(List<CompiledVariant> variants, String group, Stickiness stickiness) {
        this.variants = variants.toArray(CompiledVariant[]::new);
        this.cumulative = new int[this.variants.length];
        int sum = 0;
        for (int i = 0; i < this.variants.length; i++) {
            sum += this.variants[i].weight;
            cumulative[i] = sum;
        }
        this.total = sum;
        this.prefix = HashPrefix.of(group, Bucketing.VARIANT_SEED);
        this.stickiness = stickiness;
    }

    /** @return {@code true} when no variant is declared */
    public boolean isEmpty() {
        return variants.length == 0;
    }

    /** @return the variant names in declaration order */
    public List<String> names() {
        return java.util.Arrays.stream(variants).map(CompiledVariant::name).toList();
    }

    /** @return {@code true} when a context can be given a variant: a positive weight or an override */
    boolean splits() {
        if (total > 0) {
            return true;
        }
        for (CompiledVariant v : variants) {
            if (v.hasOverrides()) {
                return true;
            }
        }
        return false;
    }

    /** @return {@code true} when two or more variants share the traffic by a sticky value */
    boolean bucketsBySticky() {
        int positive = 0;
        for (CompiledVariant v : variants) {
            if (v.weight > 0) {
                positive++;
            }
        }
        return positive > 1 && !stickiness.isRandom();
    }

    /** @return the variants in declaration order (a copy) */
    public List<CompiledVariant> list() {
        return List.of(variants);
    }

    /** @param name a variant name @return the variant, or {@code null} */
    public CompiledVariant byName(String name) {
        for (CompiledVariant v : variants) {
            if (v.name.equals(name)) {
                return v;
            }
        }
        return null;
    }

    /** @param name a variant name @return {@code true} when declared */
    public boolean has(String name) {
        for (CompiledVariant v : variants) {
            if (v.name.equals(name)) {
                return true;
            }
        }
        return false;
    }

    CompiledVariant select(ContextData ctx) {
        for (CompiledVariant v : variants) {
            if (v.overridden(ctx)) {
                return v;
            }
        }
        if (total <= 0) {
            return null;
        }
        AttributeValue sticky = stickiness.variantValue(ctx);
        int target = sticky == Stickiness.RANDOM
                ? Bucketing.randomBucket(total)
                : Bucketing.normalizedHash(prefix, sticky, total);
        for (int i = 0; i < variants.length; i++) {
            // Weight-0 variants have the same cumulative weight as their predecessor and are skipped.
            if (variants[i].weight > 0 && cumulative[i] >= target) {
                return variants[i];
            }
        }
        return null;
    }
}
