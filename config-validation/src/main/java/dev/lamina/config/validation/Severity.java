package dev.lamina.config.validation;

/**
 * How serious a finding is, from the most to the least severe.
 *
 * <p>A failed result of severity {@link #ERROR} or {@link #CRITICAL} makes a report
 * {@linkplain ValidationReport#overallValid() invalid}; {@link #WARNING} and {@link #INFO} findings are reported
 * but do not block.
 */
public enum Severity {
    /** The configuration is dangerous to run (a plaintext secret, credentials sent to any origin). */
    CRITICAL,
    /** The configuration is wrong and must not be published. */
    ERROR,
    /** Probably a mistake, or a weaker setting than recommended; does not block. */
    WARNING,
    /** Worth knowing; never blocks. */
    INFO;

    /**
     * @param other the severity to compare with; not {@code null}
     * @return {@code true} when this severity is as severe as {@code other} or more
     *         ({@code CRITICAL.atLeast(ERROR)} is {@code true}, {@code WARNING.atLeast(ERROR)} is {@code false})
     */
    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }

    /** @return {@code true} for {@link #ERROR} and {@link #CRITICAL}, the severities that block publication */
    public boolean isBlocking() {
        return atLeast(ERROR);
    }
}
