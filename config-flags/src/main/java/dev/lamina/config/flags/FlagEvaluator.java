package dev.lamina.config.flags;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.Origin;
import dev.lamina.config.flags.internal.compile.FlagCompiler;
import dev.lamina.config.flags.internal.eval.CompiledExperiment;
import dev.lamina.config.flags.internal.eval.CompiledFlag;
import dev.lamina.config.flags.internal.eval.CompiledFlags;
import dev.lamina.config.flags.internal.eval.CompiledVariant;
import dev.lamina.config.flags.internal.eval.Decisions;

/**
 * Evaluates compiled flags and experiments; built by {@link FlagDefinitions#compile} or
 * {@link UnleashFormat#compile}.
 *
 * <p>Immutable and thread-safe: evaluation takes no lock, and {@link #isEnabled(String, EvaluationContext)},
 * {@link #variant} and {@link #variantOf} allocate nothing (except for {@code REGEX} constraints). Evaluation never
 * throws: an unknown flag gives the caller's default with {@link Reason#FLAG_NOT_FOUND}, a {@code null} context the
 * default with {@link Reason#ERROR}. To follow configuration changes, hold the evaluator in a {@code volatile}
 * field (or an {@code AtomicReference}) and replace it with a newly compiled one; each call works on the one
 * evaluator it was made on.
 */
public final class FlagEvaluator {

    /**
     * The counter incremented by {@code isEnabled} and {@code evaluate} (tags {@code flag}, {@code reason}) when a
     * {@code MeterRegistry} was given at compile time; {@code variant} and {@code variantOf} are not counted.
     */
    public static final String METRIC = FlagCompiler.METRIC;

    private static final Map<String, Object> NO_VALUES = Map.of();
    private static final ConfigObject NO_CONFIGURATION = ConfigObject.empty(Origin.UNKNOWN);

    private final CompiledFlags compiled;

    FlagEvaluator(CompiledFlags compiled) {
        this.compiled = compiled;
    }

    /** @return an evaluator with no flags and no experiments */
    public static FlagEvaluator empty() {
        return FlagDefinitions.compile(ConfigObject.empty(Origin.UNKNOWN), Clock.systemUTC());
    }

    /**
     * @param flag the flag
     * @param ctx  the context
     * @return whether the flag is on; the key's {@link FlagKey#defaultEnabled()} for an unknown flag
     */
    public boolean isEnabled(FlagKey flag, EvaluationContext ctx) {
        return isEnabled(flag == null ? null : flag.key(), ctx, flag != null && flag.defaultEnabled());
    }

    /**
     * @param flag         the flag
     * @param ctx          the context
     * @param defaultValue returned for an unknown flag or a {@code null} context
     * @return whether the flag is on
     */
    public boolean isEnabled(FlagKey flag, EvaluationContext ctx, boolean defaultValue) {
        return isEnabled(flag == null ? null : flag.key(), ctx, defaultValue);
    }

    /**
     * @param flag the flag key
     * @param ctx  the context
     * @return whether the flag is on; {@code false} for an unknown flag
     */
    public boolean isEnabled(String flag, EvaluationContext ctx) {
        return isEnabled(flag, ctx, false);
    }

    /**
     * The fast path: no allocation, no lock.
     *
     * @param flag         the flag key
     * @param ctx          the context
     * @param defaultValue returned for an unknown flag or a {@code null} context
     * @return whether the flag is on
     */
    public boolean isEnabled(String flag, EvaluationContext ctx, boolean defaultValue) {
        CompiledFlag f = flag == null ? null : compiled.flag(flag);
        if (f == null) {
            compiled.countNotFound();
            return defaultValue;
        }
        if (ctx == null) {
            f.count(Reason.ERROR);
            return defaultValue;
        }
        try {
            int d = f.decide(ctx.data, false);
            f.count(Decisions.reason(d));
            return Decisions.isOn(d);
        } catch (RuntimeException e) {
            // Evaluation never throws: definitions were validated at compile time, so this is a bug; keep serving.
            f.count(Reason.ERROR);
            return defaultValue;
        }
    }

    /**
     * @param flag the flag
     * @param ctx  the context
     * @return the full evaluation; for an unknown flag, the key's {@link FlagKey#defaultEnabled()} with
     *         {@link Reason#FLAG_NOT_FOUND}
     */
    public FlagEvaluation evaluate(FlagKey flag, EvaluationContext ctx) {
        return evaluate(flag == null ? null : flag.key(), ctx, flag != null && flag.defaultEnabled());
    }

    /**
     * @param flag the flag key
     * @param ctx  the context
     * @return the full evaluation; for an unknown flag, {@code enabled=false} with {@link Reason#FLAG_NOT_FOUND}
     */
    public FlagEvaluation evaluate(String flag, EvaluationContext ctx) {
        return evaluate(flag, ctx, false);
    }

    /**
     * Evaluates a flag and explains the result: reason, matched rule, variant, bucket (always computed here, even
     * where {@link #isEnabled} can skip it).
     *
     * @param flag         the flag key
     * @param ctx          the context
     * @param defaultValue the value for an unknown flag or a {@code null} context
     * @return the evaluation; never {@code null}
     */
    public FlagEvaluation evaluate(String flag, EvaluationContext ctx, boolean defaultValue) {
        String key = flag == null ? "" : flag;
        CompiledFlag f = flag == null ? null : compiled.flag(flag);
        if (f == null) {
            compiled.countNotFound();
            return new FlagEvaluation(key, defaultValue, Reason.FLAG_NOT_FOUND, Optional.empty(), Optional.empty(),
                    OptionalInt.empty(), Optional.empty());
        }
        if (ctx == null) {
            f.count(Reason.ERROR);
            return new FlagEvaluation(key, defaultValue, Reason.ERROR, Optional.empty(), Optional.empty(),
                    OptionalInt.empty(), Optional.empty());
        }
        try {
            int d = f.decide(ctx.data, true);
            Reason reason = Decisions.reason(d);
            Optional<Variant> variant = Optional.empty();
            if (reason.isOn()) {
                CompiledVariant v = f.selectVariant(ctx.data, d);
                if (v != null) {
                    variant = v.optional();
                    reason = Reason.SPLIT;
                }
            }
            f.count(reason);
            int bucket = Decisions.bucket(d);
            Optional<String> failed = reason == Reason.PREREQUISITE_FAILED
                    ? Optional.of(f.prerequisiteKey(Decisions.index(d))) : Optional.empty();
            Optional<String> rule = reason == Reason.PREREQUISITE_FAILED ? Optional.empty()
                    : Optional.ofNullable(f.ruleName(d));
            return new FlagEvaluation(key, reason.isOn(), reason, variant, rule,
                    bucket > 0 ? OptionalInt.of(bucket) : OptionalInt.empty(), failed);
        } catch (RuntimeException e) {
            f.count(Reason.ERROR);
            return new FlagEvaluation(key, defaultValue, Reason.ERROR, Optional.empty(), Optional.empty(),
                    OptionalInt.empty(), Optional.empty());
        }
    }

    /**
     * The variant of a multivariate flag, without allocating.
     *
     * @param flag the flag key
     * @param ctx  the context
     * @return the variant, or empty when the flag is off, unknown, or has no variants
     */
    public Optional<Variant> variant(String flag, EvaluationContext ctx) {
        CompiledFlag f = flag == null ? null : compiled.flag(flag);
        if (f == null || ctx == null) {
            return Optional.empty();
        }
        try {
            int d = f.decide(ctx.data, false);
            if (!Decisions.isOn(d)) {
                return Optional.empty();
            }
            CompiledVariant v = f.selectVariant(ctx.data, d);
            return v == null ? Optional.empty() : v.optional();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The variant an experiment assigns, without allocating ({@code get_ab_test_variant}).
     *
     * @param experiment the experiment key
     * @param ctx        the context
     * @return the variant, or empty when not enrolled (unknown, disabled, outside the window, excluded)
     */
    public Optional<String> variantOf(String experiment, EvaluationContext ctx) {
        CompiledExperiment e = experiment == null ? null : compiled.experiment(experiment);
        if (e == null || ctx == null) {
            return Optional.empty();
        }
        try {
            int a = e.assign(ctx.data);
            int i = CompiledExperiment.variantIndex(a);
            return i < 0 ? Optional.empty() : e.optionalName(i);
        } catch (RuntimeException ex) {
            return Optional.empty();
        }
    }

    /**
     * Assigns a context to an experiment and explains the result.
     *
     * @param experiment the experiment key
     * @param ctx        the context
     * @return the assignment; never {@code null}
     */
    public ExperimentAssignment assign(String experiment, EvaluationContext ctx) {
        String key = experiment == null ? "" : experiment;
        CompiledExperiment e = experiment == null ? null : compiled.experiment(experiment);
        if (e == null) {
            return notEnrolled(key, AssignmentReason.EXPERIMENT_NOT_FOUND, Optional.empty());
        }
        if (ctx == null) {
            return notEnrolled(key, AssignmentReason.ERROR, Optional.empty());
        }
        try {
            int a = e.assign(ctx.data);
            AssignmentReason reason = CompiledExperiment.reason(a);
            int i = CompiledExperiment.variantIndex(a);
            if (i < 0) {
                return notEnrolled(key, reason, reason == AssignmentReason.EXCLUDED_BY_GROUP
                        ? Optional.of(e.exclusionGroup()) : Optional.empty());
            }
            return new ExperimentAssignment(key, e.optionalName(i), reason, OptionalInt.of(CompiledExperiment.bucket(a)),
                    Optional.empty(), e.configuration(i), e.configurationValues(i));
        } catch (RuntimeException ex) {
            return notEnrolled(key, AssignmentReason.ERROR, Optional.empty());
        }
    }

    private static ExperimentAssignment notEnrolled(String key, AssignmentReason reason, Optional<String> group) {
        return new ExperimentAssignment(key, Optional.empty(), reason, OptionalInt.empty(), group, NO_CONFIGURATION,
                NO_VALUES);
    }

    /**
     * The configuration an experiment declares for a variant ({@code get_ab_test_config}).
     *
     * @param experiment the experiment key
     * @param variant    the variant name
     * @return the variant's configuration (an empty object when it declares none), or empty when the experiment
     *         or variant is unknown
     */
    public Optional<ConfigObject> experimentConfiguration(String experiment, String variant) {
        CompiledExperiment e = experiment == null ? null : compiled.experiment(experiment);
        int i = e == null || variant == null ? -1 : e.indexOf(variant);
        return i < 0 ? Optional.empty() : Optional.of(e.configuration(i));
    }

    /** Pre-built boolean results, by reason and value, so that the provider path allocates nothing. */
    private static final ProviderEvaluation<Boolean>[][] BOOLEAN_RESULTS = booleanResults();
    private static final ProviderEvaluation<Boolean> INVALID_CONTEXT_FALSE = new ProviderEvaluation<>(Boolean.FALSE,
            Optional.empty(), Reason.ERROR, Optional.of(ProviderEvaluation.ErrorCode.INVALID_CONTEXT));
    private static final ProviderEvaluation<Boolean> INVALID_CONTEXT_TRUE = new ProviderEvaluation<>(Boolean.TRUE,
            Optional.empty(), Reason.ERROR, Optional.of(ProviderEvaluation.ErrorCode.INVALID_CONTEXT));

    @SuppressWarnings("unchecked")
    private static ProviderEvaluation<Boolean>[][] booleanResults() {
        Reason[] reasons = Reason.values();
        ProviderEvaluation<Boolean>[][] table = new ProviderEvaluation[reasons.length][2];
        for (Reason r : reasons) {
            Optional<ProviderEvaluation.ErrorCode> error = r == Reason.FLAG_NOT_FOUND
                    ? Optional.of(ProviderEvaluation.ErrorCode.FLAG_NOT_FOUND)
                    : r == Reason.ERROR ? Optional.of(ProviderEvaluation.ErrorCode.GENERAL) : Optional.empty();
            table[r.ordinal()][0] = new ProviderEvaluation<>(Boolean.FALSE, Optional.empty(), r, error);
            table[r.ordinal()][1] = new ProviderEvaluation<>(Boolean.TRUE, Optional.empty(), r, error);
        }
        return table;
    }

    /** The {@link FlagProvider#getBooleanValue} path: {@link #isEnabled(String, EvaluationContext, boolean)} with its reason. */
    ProviderEvaluation<Boolean> booleanEvaluation(String flag, boolean defaultValue, EvaluationContext ctx) {
        CompiledFlag f = flag == null ? null : compiled.flag(flag);
        if (f == null) {
            compiled.countNotFound();
            return BOOLEAN_RESULTS[Reason.FLAG_NOT_FOUND.ordinal()][defaultValue ? 1 : 0];
        }
        if (ctx == null) {
            f.count(Reason.ERROR);
            return defaultValue ? INVALID_CONTEXT_TRUE : INVALID_CONTEXT_FALSE;
        }
        try {
            int d = f.decide(ctx.data, false);
            Reason reason = Decisions.reason(d);
            f.count(reason);
            return BOOLEAN_RESULTS[reason.ordinal()][reason.isOn() ? 1 : 0];
        } catch (RuntimeException e) {
            f.count(Reason.ERROR);
            return BOOLEAN_RESULTS[Reason.ERROR.ordinal()][defaultValue ? 1 : 0];
        }
    }

    /** The {@link FlagProvider#getStringValue} path: the variant's pre-built result, or the default with a reason. */
    ProviderEvaluation<String> stringEvaluation(String flag, String defaultValue, EvaluationContext ctx) {
        CompiledFlag f = flag == null ? null : compiled.flag(flag);
        if (f == null) {
            compiled.countNotFound();
            return new ProviderEvaluation<>(defaultValue, Optional.empty(), Reason.FLAG_NOT_FOUND,
                    Optional.of(ProviderEvaluation.ErrorCode.FLAG_NOT_FOUND));
        }
        if (ctx == null) {
            f.count(Reason.ERROR);
            return new ProviderEvaluation<>(defaultValue, Optional.empty(), Reason.ERROR,
                    Optional.of(ProviderEvaluation.ErrorCode.INVALID_CONTEXT));
        }
        try {
            int d = f.decide(ctx.data, false);
            Reason reason = Decisions.reason(d);
            if (!reason.isOn()) {
                f.count(reason);
                return new ProviderEvaluation<>(defaultValue, Optional.empty(), reason, Optional.empty());
            }
            CompiledVariant v = f.selectVariant(ctx.data, d);
            if (v == null) {
                f.count(reason);
                return new ProviderEvaluation<>(defaultValue, Optional.empty(), reason,
                        Optional.of(ProviderEvaluation.ErrorCode.TYPE_MISMATCH));
            }
            f.count(Reason.SPLIT);
            return v.stringEvaluation();
        } catch (RuntimeException e) {
            f.count(Reason.ERROR);
            return new ProviderEvaluation<>(defaultValue, Optional.empty(), Reason.ERROR,
                    Optional.of(ProviderEvaluation.ErrorCode.GENERAL));
        }
    }

    // ---------------------------------------------------------------- typed resolution

    /**
     * Resolves a flag to a typed value and explains it (see {@link FlagResolution}). Never throws. For an outcome
     * seen before, returns the same shared instance, so this allocates nothing in the steady state.
     *
     * @param flag the flag key
     * @param ctx  the context
     * @return the resolution; {@link Reason#FLAG_NOT_FOUND} for an unknown flag, {@link Reason#ERROR} for a
     *         {@code null} context
     */
    public FlagResolution resolve(String flag, EvaluationContext ctx) {
        CompiledFlag f = flag == null ? null : compiled.flag(flag);
        if (f == null) {
            compiled.countNotFound();
            return FlagResolution.failed(flag == null ? "" : flag, Reason.FLAG_NOT_FOUND);
        }
        if (ctx == null) {
            f.count(Reason.ERROR);
            return FlagResolution.failed(flag, Reason.ERROR);
        }
        try {
            return f.resolve(ctx.data);
        } catch (RuntimeException e) {
            // Definitions were validated at compile time, so this is a bug; the caller still gets its default.
            f.count(Reason.ERROR);
            return FlagResolution.failed(flag, Reason.ERROR);
        }
    }

    /**
     * @param flag a flag key
     * @return {@code false} when the flag's answer does not depend on the context (unknown, disabled, or on for
     *         everyone with one value), so that an adapter can skip building a context for it
     */
    public boolean needsContext(String flag) {
        CompiledFlag f = flag == null ? null : compiled.flag(flag);
        return f != null && !f.contextFree();
    }

    /**
     * @param flag a flag key
     * @return {@code true} when a partial rollout or a weighted split of the flag buckets contexts by a sticky value
     *         ({@code user_id}, {@code session_id} or a named attribute), so that a context without one is not
     *         bucketed as its owner intended (an OpenFeature provider reports {@code TARGETING_KEY_MISSING})
     */
    public boolean needsStickyValue(String flag) {
        CompiledFlag f = flag == null ? null : compiled.flag(flag);
        return f != null && f.bucketsBySticky();
    }

    /**
     * @return the number of distinct shared {@link FlagResolution#slot() slots} this evaluator's resolutions use
     *         (for adapters that cache a converted form per outcome)
     */
    public int resolutionSlots() {
        return compiled.slots();
    }

    /**
     * @param flag a flag key
     * @return the flag's declared type, empty for an untyped or unknown flag
     */
    public Optional<FlagType> declaredType(String flag) {
        CompiledFlag f = flag == null ? null : compiled.flag(flag);
        return f == null ? Optional.empty() : Optional.ofNullable(f.type());
    }

    /**
     * The flags whose definitions differ between {@code previous} and this evaluator: added, removed or changed
     * (compared as values, so a definition that only moved to another line is unchanged).
     *
     * @param previous the evaluator replaced
     * @return the keys, in this evaluator's declaration order, then removed keys; empty when no flag changed
     */
    public Set<String> changedFlags(FlagEvaluator previous) {
        Objects.requireNonNull(previous, "previous");
        Set<String> out = new LinkedHashSet<>();
        Map<String, CompiledFlag> before = previous.compiled.flags();
        compiled.flags().forEach((k, f) -> {
            CompiledFlag old = before.get(k);
            if (old == null || f.definition() == null || !f.definition().equals(old.definition())) {
                out.add(k);
            }
        });
        before.keySet().forEach(k -> {
            if (!compiled.flags().containsKey(k)) {
                out.add(k);
            }
        });
        return out;
    }

    /**
     * @param flag         the flag key
     * @param ctx          the context
     * @param defaultValue returned for an unknown or disabled flag, an error, or a flag of another type
     * @return a {@code boolean} flag's value (an untyped flag: whether it is on)
     */
    public boolean booleanValue(String flag, EvaluationContext ctx, boolean defaultValue) {
        FlagResolution r = resolve(flag, ctx);
        if (r.declaredType().isEmpty()) {
            return r.isError() || r.reason() == Reason.DISABLED ? defaultValue : r.enabled();
        }
        return r.valueAs(FlagType.BOOLEAN).map(v -> ((FlagValue.BooleanValue) v).value()).orElse(defaultValue);
    }

    /**
     * @param flag         the flag key
     * @param ctx          the context
     * @param defaultValue returned for an unknown or disabled flag, an error, a flag of another type, or a flag
     *                     that is off and has no default variant; not {@code null}
     * @return a {@code string} flag's value (an untyped flag: its variant's payload or name)
     */
    public String stringValue(String flag, EvaluationContext ctx, String defaultValue) {
        Objects.requireNonNull(defaultValue, "defaultValue");
        return resolve(flag, ctx).valueAs(FlagType.STRING).map(v -> ((FlagValue.StringValue) v).value())
                .orElse(defaultValue);
    }

    /**
     * @param flag         the flag key
     * @param ctx          the context
     * @param defaultValue returned as for {@link #stringValue}
     * @return an {@code integer} flag's value
     */
    public long integerValue(String flag, EvaluationContext ctx, long defaultValue) {
        return resolve(flag, ctx).valueAs(FlagType.INTEGER).map(v -> ((FlagValue.IntegerValue) v).value())
                .orElse(defaultValue);
    }

    /**
     * @param flag         the flag key
     * @param ctx          the context
     * @param defaultValue returned as for {@link #stringValue}
     * @return a {@code double} (or {@code integer}, widened) flag's value
     */
    public double doubleValue(String flag, EvaluationContext ctx, double defaultValue) {
        return resolve(flag, ctx).valueAs(FlagType.DOUBLE).map(v -> ((FlagValue.DoubleValue) v).value())
                .orElse(defaultValue);
    }

    /**
     * @param flag         the flag key
     * @param ctx          the context
     * @param defaultValue returned as for {@link #stringValue}; not {@code null}
     * @return an {@code object} flag's structure (an object or a list)
     */
    public ConfigNode objectValue(String flag, EvaluationContext ctx, ConfigNode defaultValue) {
        Objects.requireNonNull(defaultValue, "defaultValue");
        return resolve(flag, ctx).valueAs(FlagType.OBJECT).map(v -> ((FlagValue.ObjectValue) v).value())
                .orElse(defaultValue);
    }

    /** @return the compiled definitions, for {@link DynamicConfigurationManager} (same package, not API) */
    CompiledFlags compiled() {
        return compiled;
    }

    /**
     * @param flag a flag key
     * @return {@code true} when the flag is defined
     */
    public boolean hasFlag(String flag) {
        return flag != null && compiled.flag(flag) != null;
    }

    /** @return every flag's summary, in declaration order */
    public List<FlagSummary> flags() {
        return compiled.flags().values().stream().map(CompiledFlag::summary).toList();
    }

    /** @return every experiment's summary, in declaration order */
    public List<ExperimentSummary> experiments() {
        return compiled.experiments().values().stream().map(CompiledExperiment::summary).toList();
    }
}
