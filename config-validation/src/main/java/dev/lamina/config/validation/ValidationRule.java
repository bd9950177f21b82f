package dev.lamina.config.validation;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.lamina.config.ConfigPath;
import dev.lamina.config.Configuration;
import dev.lamina.config.Origin;
import dev.lamina.config.validation.internal.ScopedRule;

/**
 * A check over a whole configuration. Register one with {@link ValidationEngine.Builder#addRule}, or list its class in
 * {@code META-INF/services/dev.lamina.config.validation.ValidationRule} (or {@code provides} it in
 * {@code module-info.java}) and call {@link ValidationEngine.Builder#discoverRules()}; discovered classes need a public
 * no-argument constructor.
 *
 * <p>{@link #validate} returns the failures it found (and, if it likes, passed checks). A rule that finds
 * nothing may return an empty list: the engine then records one passed result (severity {@link Severity#INFO})
 * for it. A rule that throws is
 * reported as a failed result of its severity; it never stops the other rules.
 *
 * <p>Implementations must be thread-safe (one instance serves concurrent validations) and must never put a secret
 * value in a message: check {@link Configuration#isSecret(String)} and describe the value instead of quoting it.
 *
 * <pre>{@code
 * public final class PremiumStreamLimitRule implements ValidationRule {
 *     public String id() { return "acme.premium-stream-limit"; }
 *     public List<ValidationResult> validate(Configuration config, ValidationContext context) {
 *         int streams = config.getOptionalInt("plans.premium.max_streams").orElse(1);
 *         return streams <= 6 ? List.of()
 *                 : List.of(failure(config, "plans.premium.max_streams", "at most 6 concurrent streams", "set 6"));
 *     }
 * }
 * }</pre>
 */
public interface ValidationRule {

    /**
     * @return a stable, unique id such as {@code security.plaintext-secret}; reports, docs and suppressions use it
     */
    String id();

    /** @return one sentence saying what the rule checks; defaults to the id */
    default String description() {
        return id();
    }

    /** @return the severity of this rule's failures; {@link Severity#ERROR} unless overridden */
    default Severity severity() {
        return Severity.ERROR;
    }

    /**
     * @return the environments the rule runs in (lower case, such as {@code production}); empty, the default,
     *         means every environment, including an unknown one
     */
    default Set<String> environments() {
        return Set.of();
    }

    /**
     * @return the compliance frameworks this rule belongs to ({@code GDPR}, {@code SOX}, …); the report scores
     *         each framework by the share of its rules that passed. Empty by default.
     */
    default Set<String> frameworks() {
        return Set.of();
    }

    /**
     * Decides whether the rule runs in a context. The default honours {@link #environments()} and, for rules
     * with {@link #frameworks()}, {@link ValidationContext#frameworkInForce(String)}.
     *
     * @param context the run's context
     * @return {@code true} when the rule should run
     */
    default boolean appliesTo(ValidationContext context) {
        if (!environments().isEmpty() && !context.isEnvironment(environments())) {
            return false;
        }
        return frameworks().isEmpty() || frameworks().stream().anyMatch(context::frameworkInForce);
    }

    /**
     * Checks a configuration.
     *
     * @param config  the configuration; never {@code null}
     * @param context the run's context; never {@code null}
     * @return the findings; never {@code null}; empty when there is nothing to report
     */
    List<ValidationResult> validate(Configuration config, ValidationContext context);

    /**
     * Builds a result of this rule for the whole configuration (the product's {@code create_result}). A failed
     * result has the rule's {@link #severity()}; a passed one {@link Severity#INFO}, so that filtering by
     * severity finds only what needs attention.
     *
     * @param valid        whether the check passed
     * @param message      what was checked or what is wrong; no secret values
     * @param suggestedFix what to do, or {@code null}
     * @return the result
     */
    default ValidationResult createResult(boolean valid, String message, String suggestedFix) {
        return new ValidationResult(id(), valid ? Severity.INFO : severity(), valid, message, ConfigPath.root(),
                Origin.UNKNOWN, Optional.ofNullable(suggestedFix));
    }

    /**
     * Builds a failure of this rule at a path, with the origin of the value there.
     *
     * @param config       the configuration, to look up the origin
     * @param path         the config path concerned
     * @param message      what is wrong; no secret values
     * @param suggestedFix what to do, or {@code null}
     * @return the result
     * @throws IllegalArgumentException if the path text is malformed
     */
    default ValidationResult failure(Configuration config, String path, String message, String suggestedFix) {
        return ValidationResult.failure(id(), severity(), ConfigPath.parse(path),
                config.origin(path).orElse(Origin.UNKNOWN), message, suggestedFix);
    }

    /**
     * Restricts this rule to some environments, for example {@code rule.onlyIn("production")}.
     *
     * @param environments the environments, compared case-insensitively; at least one
     * @return a rule with the same id, description, severity and checks that runs only there
     * @throws IllegalArgumentException if no environment is given
     */
    default ValidationRule onlyIn(String... environments) {
        return new ScopedRule(this, Set.of(environments));
    }
}
