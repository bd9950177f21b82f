package dev.lamina.config.flags.openfeature.internal;

import dev.openfeature.sdk.ImmutableMetadata;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Value;

import dev.lamina.config.flags.FlagEvaluator;
import dev.lamina.config.flags.FlagResolution;

/**
 * The flags of one configuration version with the SDK results already built for them: one array per value type,
 * indexed by {@link FlagResolution#slot()}, filled on first use. Entries are immutable once stored (the SDK's
 * {@code ProviderEvaluation} has setters, but neither the SDK nor this provider calls them on a returned result),
 * so the racy fill is benign: two threads at worst build equal results.
 */
public final class Outcomes {

    /** The evaluator of {@link #version}. */
    public final FlagEvaluator evaluator;
    /** The configuration version whose flags these are. */
    public final long version;
    /** Boolean results by {@code slot * 2 + (callerDefault ? 1 : 0)} (disabled flags answer the caller's default). */
    public final ProviderEvaluation<Boolean>[] booleans;
    /** String results by slot. */
    public final ProviderEvaluation<String>[] strings;
    /** Integer results by slot. */
    public final ProviderEvaluation<Integer>[] integers;
    /** Long results by slot. */
    public final ProviderEvaluation<Long>[] longs;
    /** Double results by slot. */
    public final ProviderEvaluation<Double>[] doubles;
    /** Structure results by slot. */
    public final ProviderEvaluation<Value>[] objects;
    /** The number of {@code FlagType}s, the stride of {@link #withDefault}. */
    public static final int TYPES = dev.lamina.config.flags.FlagType.values().length;
    /**
     * Typed results that serve a caller's default, by {@code slot * TYPES + type.ordinal()}: the last one built, reused
     * while callers pass an equal default.
     */
    public final ProviderEvaluation<?>[] withDefault;
    /** Metadata by slot, shared by the typed results of one outcome. */
    public final ImmutableMetadata[] metadata;

    /**
     * @param evaluator the evaluator
     * @param version   its configuration version
     */
    @SuppressWarnings("unchecked")
    public Outcomes(FlagEvaluator evaluator, long version) {
        this.evaluator = evaluator;
        this.version = version;
        int n = evaluator.resolutionSlots();
        this.booleans = new ProviderEvaluation[n * 2];
        this.strings = new ProviderEvaluation[n];
        this.integers = new ProviderEvaluation[n];
        this.longs = new ProviderEvaluation[n];
        this.doubles = new ProviderEvaluation[n];
        this.objects = new ProviderEvaluation[n];
        this.metadata = new ImmutableMetadata[n];
        this.withDefault = new ProviderEvaluation<?>[n * TYPES];
    }

    /**
     * @param r a resolution of {@link #evaluator}
     * @return its metadata (the flag's, plus {@code rule} when a rule decided)
     */
    public ImmutableMetadata metadata(FlagResolution r) {
        int slot = r.slot();
        ImmutableMetadata m = slot >= 0 ? metadata[slot] : null;
        if (m == null) {
            m = Values.metadata(r.metadata(), r.matchedRule().orElse(null));
            if (slot >= 0) {
                metadata[slot] = m;
            }
        }
        return m;
    }
}
