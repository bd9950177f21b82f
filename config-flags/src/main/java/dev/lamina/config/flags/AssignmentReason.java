package dev.lamina.config.flags;

/** Why an experiment assigned a context to a variant, or did not. */
public enum AssignmentReason {
    /** No experiment with that key exists. */
    EXPERIMENT_NOT_FOUND,
    /** The experiment's {@code enabled: false} kill switch is set. */
    DISABLED,
    /** The current time is before {@code start_date}. */
    NOT_STARTED,
    /** The current time is at or after {@code end_date}. */
    ENDED,
    /** The experiment's stickiness attribute is missing from the context. */
    MISSING_STICKINESS,
    /** The context's bucket in the experiment's exclusion group lies outside the experiment's range. */
    EXCLUDED_BY_GROUP,
    /** Enrolled: the context was assigned a variant by the traffic split. */
    ASSIGNED,
    /** The assignment could not run (for example a {@code null} context). */
    ERROR
}
