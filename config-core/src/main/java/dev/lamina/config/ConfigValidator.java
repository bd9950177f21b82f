package dev.lamina.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The service-provider interface through which the {@code ConfigurationManager} validates every candidate
 * configuration (initial load, reload, update, rollback, {@code setActiveConfig}) before publishing it.
 * A candidate with any {@linkplain ValidationProblem#blocking() blocking} problem is refused and the
 * previous snapshot stays in force.
 *
 * <p>The {@code config-validation} module's {@code ValidationEngine} adapts to this interface; core ships
 * only {@link #none()}. Implementations must be thread-safe and must not retain the candidate.
 */
@FunctionalInterface
public interface ConfigValidator {

    /**
     * @param candidate   the fully merged and resolved configuration about to be published
     * @param environment the environment it was loaded for ({@code staging}, …)
     * @return every finding, blocking or not; empty when the candidate is fine
     */
    List<ValidationProblem> validate(Configuration candidate, String environment);

    /** @return a validator that accepts everything */
    static ConfigValidator none() {
        return AcceptAll.INSTANCE;
    }

    /**
     * Runs several validators on each candidate and reports all their findings, in the order given (so a
     * schema validator and the flag-definition validator can both guard one manager).
     *
     * @param validators the validators; copied
     * @return a validator whose findings are the concatenation of theirs
     * @throws NullPointerException if the array or an element is {@code null}
     */
    static ConfigValidator allOf(ConfigValidator... validators) {
        List<ConfigValidator> all = List.of(validators); // rejects null elements
        return (candidate, environment) -> {
            List<ValidationProblem> problems = new ArrayList<>();
            for (ConfigValidator v : all) {
                problems.addAll(Objects.requireNonNull(v.validate(candidate, environment), "validator result"));
            }
            return List.copyOf(problems);
        };
    }
}
