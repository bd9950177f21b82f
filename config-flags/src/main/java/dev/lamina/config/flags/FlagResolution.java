package dev.lamina.config.flags;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A flag resolved to a value for one context, in the shape typed APIs (OpenFeature, the typed getters of
 * {@link DynamicConfigurationManager}) need: whether it is on, why, the variant served, the typed value, the rule
 * that decided, the declared type and the flag's metadata.
 *
 * <p>Resolutions are built once per distinct outcome and shared (see {@link FlagEvaluator#resolve}), so they are
 * immutable and cheap to return. {@link #slot()} identifies the outcome within the evaluator that produced it, so
 * that an adapter can keep a converted form per outcome in an array of {@link FlagEvaluator#resolutionSlots()}
 * entries instead of converting on every call.
 *
 * @param flag         the flag key asked for
 * @param enabled      whether the flag is on
 * @param reason       Lamina's reason
 * @param variant      the variant served: chosen by a rule, by weight, or the flag's {@code default_variant} when
 *                     nothing else applies (also when the flag is off but not disabled)
 * @param value        the typed value served, when there is one (a typed flag's variant value, a boolean flag's
 *                     on/off, an untyped flag's payload)
 * @param matchedRule  the rule that decided, when one did
 * @param declaredType the flag's declared {@code type}, empty for an untyped flag
 * @param staticFlag   {@code true} when the flag has no rules, targeting, schedule, prerequisites or split: its
 *                     value is the same for every context
 * @param metadata     the flag's {@code metadata} (string, number and boolean values); unmodifiable
 * @param slot         the outcome's index in {@code 0 .. resolutionSlots()-1}, or {@code -1} for an outcome that
 *                     is not shared (unknown flag, error)
 */
public record FlagResolution(String flag, boolean enabled, Reason reason, Optional<Variant> variant,
                             Optional<FlagValue> value, Optional<String> matchedRule,
                             Optional<FlagType> declaredType, boolean staticFlag, Map<String, FlagValue> metadata,
                             int slot) {

    /**
     * Checks that no component is {@code null} and copies the metadata.
     *
     * @param flag the {@code flag} component
     * @param enabled the {@code enabled} component
     * @param reason the {@code reason} component
     * @param variant the {@code variant} component
     * @param value the {@code value} component
     * @param matchedRule the {@code matchedRule} component
     * @param declaredType the {@code declaredType} component
     * @param staticFlag the {@code staticFlag} component
     * @param metadata the {@code metadata} component
     * @param slot the {@code slot} component
     */
    public FlagResolution {
        Objects.requireNonNull(flag, "flag");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(matchedRule, "matchedRule");
        Objects.requireNonNull(declaredType, "declaredType");
        metadata = Map.copyOf(metadata);
    }

    /**
     * @return {@code true} when the caller's default applies because of an error (unknown flag, {@code null}
     *         context, a failed evaluation) rather than because of the definition
     */
    public boolean isError() {
        return reason == Reason.FLAG_NOT_FOUND || reason == Reason.ERROR;
    }

    /**
     * The value as the asked type. Integers widen to {@code double}; an untyped flag answers {@code boolean} with
     * whether it is on and {@code string} with its variant's payload (or name), as {@link FlagProvider} always did.
     *
     * @param asked the type the caller asks for
     * @return the value, or empty when the caller's default applies (error, disabled, off without a default
     *         variant, or {@link #mismatches(FlagType) a type mismatch})
     */
    public Optional<FlagValue> valueAs(FlagType asked) {
        if (isError() || reason == Reason.DISABLED || mismatches(asked)) {
            return Optional.empty();
        }
        if (declaredType.isEmpty()) {
            if (asked == FlagType.BOOLEAN) {
                return Optional.of(new FlagValue.BooleanValue(enabled));
            }
            if (!enabled) {
                return Optional.empty();
            }
            if (asked == FlagType.STRING) {
                Variant v = variant.orElseThrow();
                return Optional.of(new FlagValue.StringValue(
                        v.payload().map(VariantPayload::value).orElse(v.name())));
            }
        }
        return value.map(v -> asked == FlagType.DOUBLE && v instanceof FlagValue.IntegerValue i
                ? new FlagValue.DoubleValue(i.value()) : v);
    }

    /**
     * @param asked the type the caller asks for
     * @return {@code true} when the flag serves values of another type (a {@code string} flag asked as an
     *         integer): the caller's default applies and OpenFeature reports {@code TYPE_MISMATCH}
     */
    public boolean mismatches(FlagType asked) {
        if (isError() || reason == Reason.DISABLED) {
            return false;
        }
        if (declaredType.isPresent()) {
            FlagType d = declaredType.get();
            return d != asked && !(asked == FlagType.DOUBLE && d == FlagType.INTEGER);
        }
        if (asked == FlagType.BOOLEAN || !enabled) {
            return false;
        }
        if (variant.isEmpty()) {
            return true; // an on/off flag has no string, number or structure to give
        }
        if (asked == FlagType.STRING) {
            return false;
        }
        FlagType served = value.map(FlagValue::type).orElse(FlagType.STRING);
        return served != asked && !(asked == FlagType.DOUBLE && served == FlagType.INTEGER);
    }

    /**
     * Why the served variant's payload cannot be read as the asked type: a {@code json} payload that is not JSON, or
     * a {@code number} payload that is not a finite number (both still serve their text to a string evaluation, as
     * Unleash clients do). OpenFeature reports it as {@code PARSE_ERROR}; the typed getters answer their default.
     *
     * @param asked the type the caller asks for
     * @return the problem, naming the flag and the variant (never the payload, which may be secret); empty when the
     *         value can be read or the type does not apply
     */
    public Optional<String> payloadProblem(FlagType asked) {
        if (declaredType.isPresent() || !enabled || value.isPresent() || isError() || reason == Reason.DISABLED
                || asked == FlagType.BOOLEAN || asked == FlagType.STRING) {
            return Optional.empty();
        }
        Optional<VariantPayload> payload = variant.flatMap(Variant::payload);
        if (payload.isEmpty()) {
            return Optional.empty();
        }
        String type = payload.get().type();
        boolean json = "json".equals(type);
        if (!json && !"number".equals(type)) {
            return Optional.empty();
        }
        return Optional.of("the " + type + " payload of variant '" + variant.get().name() + "' of flag '" + flag
                + "' is not " + (json ? "valid JSON (or is null)" : "a finite number") + ", so it cannot be read as "
                + (asked == FlagType.INTEGER ? "an " : "a ") + asked.configName());
    }

    /**
     * @return OpenFeature's reason: {@code ERROR}, {@code DISABLED}, {@code DEFAULT} (the flag evaluated to off:
     *         schedule, prerequisite, targeting miss, outside the rollout), {@code TARGETING_MATCH},
     *         {@code STATIC} (on, for everyone) or {@code SPLIT} (a rollout percentage or a weighted variant)
     */
    public String openFeatureReason() {
        return switch (reason) {
            case FLAG_NOT_FOUND, ERROR -> "ERROR";
            case DISABLED -> "DISABLED";
            case SCHEDULED_OFF, PREREQUISITE_FAILED, TARGETING_MISS, ROLLOUT_EXCLUDED -> "DEFAULT";
            case TARGETING_MATCH -> "TARGETING_MATCH";
            case ROLLOUT -> staticFlag ? "STATIC" : "SPLIT";
            case SPLIT -> "SPLIT";
        };
    }

    static FlagResolution failed(String flag, Reason reason) {
        return new FlagResolution(flag, false, reason, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), false, Map.of(), -1);
    }
}
