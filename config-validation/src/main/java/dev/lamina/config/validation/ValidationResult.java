package dev.lamina.config.validation;

import java.util.Objects;
import java.util.Optional;

import dev.lamina.config.ConfigException;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.Origin;
import dev.lamina.config.ValidationProblem;

/**
 * One finding of one rule: which rule, how severe, whether the check passed, what it says, where the value was
 * written and what to do about it.
 *
 * <p>Messages and suggested fixes never contain a secret value: built-in rules describe values instead of
 * quoting them when the path is secret, and custom rules must do the same. Immutable and thread-safe.
 *
 * @param ruleId       the id of the rule that produced it, for example {@code security.plaintext-secret}
 * @param severity     how serious a failure of this check is
 * @param valid        {@code true} when the check passed
 * @param message      what was checked or what is wrong; never blank
 * @param path         the config path concerned; {@link ConfigPath#root()} for the whole configuration
 * @param origin       where the offending value was written ({@link Origin#UNKNOWN} when unknown)
 * @param suggestedFix what to do, when the rule knows
 */
public record ValidationResult(String ruleId, Severity severity, boolean valid, String message, ConfigPath path,
                               Origin origin, Optional<String> suggestedFix) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException     if a component is {@code null}
     * @throws IllegalArgumentException if the rule id or message is blank
     */
    public ValidationResult {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(suggestedFix, "suggestedFix");
        if (ruleId.isBlank()) {
            throw new IllegalArgumentException("rule id must not be blank");
        }
        if (message.isBlank()) {
            throw new IllegalArgumentException("message must not be blank");
        }
    }

    /**
     * A failed check.
     *
     * @param ruleId       the rule's id
     * @param severity     the severity
     * @param path         the config path concerned
     * @param origin       where the value was written, or {@link Origin#UNKNOWN}
     * @param message      what is wrong; must not contain a secret value
     * @param suggestedFix what to do, or {@code null} when there is no suggestion
     * @return the result
     */
    public static ValidationResult failure(String ruleId, Severity severity, ConfigPath path, Origin origin,
                                           String message, String suggestedFix) {
        return new ValidationResult(ruleId, severity, false, message, path, origin, Optional.ofNullable(suggestedFix));
    }

    /**
     * A passed check.
     *
     * @param ruleId   the rule's id
     * @param severity the severity to record (the engine records passed checks as {@link Severity#INFO})
     * @param message  what was checked
     * @return the result, at the root path with an unknown origin
     */
    public static ValidationResult passed(String ruleId, Severity severity, String message) {
        return new ValidationResult(ruleId, severity, true, message, ConfigPath.root(), Origin.UNKNOWN,
                Optional.empty());
    }

    /** @return the product's name for {@link #valid()} */
    public boolean isValid() {
        return valid;
    }

    /** @return {@code true} when the check failed with a severity that blocks publication */
    public boolean isBlocking() {
        return !valid && severity.isBlocking();
    }

    /** @return the origin, or empty when it is {@link Origin#UNKNOWN} */
    public Optional<Origin> knownOrigin() {
        return origin.equals(Origin.UNKNOWN) ? Optional.empty() : Optional.of(origin);
    }

    /**
     * @return {@code origin path: message (fix: …)}, leaving out what is unknown; the form used in logs and the
     *         text report
     */
    public String describe() {
        String base = ConfigException.format(knownOrigin().orElse(null), path, message);
        return suggestedFix.map(f -> base + " (fix: " + f + ")").orElse(base);
    }

    /** @return this result as the core {@link ValidationProblem} the configuration manager understands */
    public ValidationProblem toProblem() {
        return new ValidationProblem(path, knownOrigin(), "[" + ruleId + "] " + message, suggestedFix, isBlocking());
    }
}
