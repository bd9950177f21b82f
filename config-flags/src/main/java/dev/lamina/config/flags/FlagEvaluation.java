package dev.lamina.config.flags;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The full result of evaluating one flag for one context: the value and why.
 *
 * @param flag               the flag key that was asked for
 * @param enabled            whether the flag is on (the caller's default for {@link Reason#FLAG_NOT_FOUND} and
 *                           {@link Reason#ERROR})
 * @param reason             why
 * @param variant            the variant chosen, when the flag is on and declares variants
 * @param matchedRule        the rule that decided ({@code rules[1]}, a rule's {@code name}, or {@code targeting}),
 *                           when a rule or targeting decided
 * @param bucket             the context's rollout bucket (1..100) when one was computed
 * @param failedPrerequisite the prerequisite flag that was not met, for {@link Reason#PREREQUISITE_FAILED}
 */
public record FlagEvaluation(String flag, boolean enabled, Reason reason, Optional<Variant> variant,
                             Optional<String> matchedRule, OptionalInt bucket, Optional<String> failedPrerequisite) {

    /**
     * Checks that no component is {@code null}.
     *
     * @param flag the {@code flag} component
     * @param enabled the {@code enabled} component
     * @param reason the {@code reason} component
     * @param variant the {@code variant} component
     * @param matchedRule the {@code matchedRule} component
     * @param bucket the {@code bucket} component
     * @param failedPrerequisite the {@code failedPrerequisite} component
     */
    public FlagEvaluation {
        Objects.requireNonNull(flag, "flag");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(matchedRule, "matchedRule");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(failedPrerequisite, "failedPrerequisite");
    }

    /** @return the variant's name, or {@value Variant#DISABLED_NAME} when no variant applies */
    public String variantName() {
        return variant.map(Variant::name).orElse(Variant.DISABLED_NAME);
    }
}
