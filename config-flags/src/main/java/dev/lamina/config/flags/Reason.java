package dev.lamina.config.flags;

/**
 * Why a flag evaluated as it did. The order of the constants follows the order of evaluation described in
 * {@code docs/feature-flags.md}.
 */
public enum Reason {
    /** No flag with that key exists: the caller's default was returned. */
    FLAG_NOT_FOUND,
    /** The flag's {@code enabled: false} kill switch is set. */
    DISABLED,
    /** The current time is outside the flag's {@code schedule}. */
    SCHEDULED_OFF,
    /** A prerequisite in {@code depends_on} is not met; {@link FlagEvaluation#failedPrerequisite()} names it. */
    PREREQUISITE_FAILED,
    /** Neither the targeting nor any rule matched the context. */
    TARGETING_MISS,
    /** A rule matched but the context's bucket is above the rollout percentage (or has no sticky value). */
    ROLLOUT_EXCLUDED,
    /** On: a rule or targeting with at least one constraint matched and the bucket is inside the rollout. */
    TARGETING_MATCH,
    /** On: no constraint applied, and the bucket is inside the rollout percentage (100 % for a plain flag). */
    ROLLOUT,
    /** On, and a variant was chosen (by override or by weight). */
    SPLIT,
    /** The evaluation could not run (for example a {@code null} context): the caller's default was returned. */
    ERROR;

    /** @return {@code true} for the reasons that mean the flag is on */
    public boolean isOn() {
        return this == TARGETING_MATCH || this == ROLLOUT || this == SPLIT;
    }
}
