package dev.lamina.config;

import java.util.List;

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
        return (candidate, environment) -> List.of();
    }
}
