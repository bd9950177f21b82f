package dev.lamina.config.flags;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of a {@link FlagProvider} call, shaped like OpenFeature's {@code ProviderEvaluation} (value, variant,
 * reason, error code) so that an OpenFeature provider can be a thin wrapper around {@link FlagProvider} without
 * Lamina depending on the OpenFeature SDK.
 *
 * @param value     the resolved value, or the caller's default
 * @param variant   the variant that produced the value, when one did
 * @param reason    Lamina's reason (see {@link #openFeatureReason()} for OpenFeature's vocabulary)
 * @param errorCode set when the caller's default was returned because of an error
 * @param <T>       the value's type
 */
public record ProviderEvaluation<T>(T value, Optional<String> variant, Reason reason, Optional<ErrorCode> errorCode) {

    /** Why a default was returned, in OpenFeature's vocabulary. */
    public enum ErrorCode {
        /** No flag with that key is defined. */
        FLAG_NOT_FOUND,
        /** The flag does not hold a value of the requested type (a string asked of a flag without variants). */
        TYPE_MISMATCH,
        /** The context was {@code null}. */
        INVALID_CONTEXT,
        /** The evaluation failed unexpectedly. */
        GENERAL
    }

    /**
     * Checks that no component is {@code null}.
     *
     * @param value the {@code value} component
     * @param variant the {@code variant} component
     * @param reason the {@code reason} component
     * @param errorCode the {@code errorCode} component
     */
    public ProviderEvaluation {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(errorCode, "errorCode");
    }

    /**
     * @return OpenFeature's reason: {@code TARGETING_MATCH}, {@code SPLIT} (variants and percentage rollouts),
     *         {@code DISABLED}, {@code DEFAULT} (the flag evaluated to off: schedule, prerequisite, targeting miss,
     *         outside the rollout) or {@code ERROR} (unknown flag, bad context)
     */
    public String openFeatureReason() {
        return switch (reason) {
            case TARGETING_MATCH -> "TARGETING_MATCH";
            case ROLLOUT, SPLIT -> "SPLIT";
            case DISABLED -> "DISABLED";
            case SCHEDULED_OFF, PREREQUISITE_FAILED, TARGETING_MISS, ROLLOUT_EXCLUDED -> "DEFAULT";
            case FLAG_NOT_FOUND, ERROR -> "ERROR";
        };
    }
}
