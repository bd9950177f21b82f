package dev.lamina.config;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The outcome of {@link AuditLog#verify}: whether every record is intact and chained to the one before.
 *
 * <p>Immutable and thread-safe.
 *
 * @param valid      {@code true} when every line verified
 * @param records    the number of records that verified (all of them when valid; those before the broken
 *                   line otherwise)
 * @param brokenLine the 1-based line of the first problem, when there is one
 * @param problem    what is wrong at that line, when there is a problem
 * @param head       the SHA-256 (hex) of the last line that verified, which is the {@code prev} the next
 *                   record will carry; empty for an empty log. Keep it somewhere else (a ticket, another
 *                   system's log) to detect a later truncation of the log, which no chain can detect alone.
 */
public record AuditVerification(boolean valid, long records, OptionalLong brokenLine, Optional<String> problem,
        Optional<String> head) {

    /**
     * Checks consistency: a valid result has no problem, an invalid one has a line and a problem.
     *
     * @throws IllegalArgumentException if the components contradict each other
     */
    public AuditVerification {
        Objects.requireNonNull(brokenLine, "brokenLine");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(head, "head");
        if (records < 0) {
            throw new IllegalArgumentException("records must not be negative");
        }
        if (valid == (brokenLine.isPresent() || problem.isPresent())
                || brokenLine.isPresent() != problem.isPresent()) {
            throw new IllegalArgumentException("a valid verification has no problem; an invalid one has a line"
                    + " and a problem");
        }
    }

    /**
     * @param records  the number of records
     * @param head     the SHA-256 of the last line, or {@code null} for an empty log
     * @return a valid result
     */
    public static AuditVerification ok(long records, String head) {
        return new AuditVerification(true, records, OptionalLong.empty(), Optional.empty(),
                Optional.ofNullable(head));
    }

    /**
     * @param records    the records that verified before the problem
     * @param brokenLine the 1-based line of the problem
     * @param problem    what is wrong
     * @param head       the SHA-256 of the last line that verified, or {@code null}
     * @return an invalid result
     */
    public static AuditVerification broken(long records, long brokenLine, String problem, String head) {
        return new AuditVerification(false, records, OptionalLong.of(brokenLine), Optional.of(problem),
                Optional.ofNullable(head));
    }

    /** @return a one-line summary, for example {@code valid, 12 records} or {@code broken at line 5: ...} */
    public String describe() {
        return valid ? "valid, " + records + " records"
                : "broken at line " + brokenLine.getAsLong() + ": " + problem.orElseThrow();
    }
}
