package dev.lamina.config.overrides;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import dev.lamina.config.Configuration;

/**
 * What an override's conditions are tested against: the environment being loaded, the variables, and the
 * configuration below the overrides.
 *
 * @param environment the environment being loaded
 * @param variables   looks up a variable; never returns {@code null}
 * @param below       the configuration below the overrides (for {@code conditions.config})
 */
public record ConditionContext(String environment, Function<String, Optional<String>> variables,
                               Configuration below) {

    /** Checks that nothing is {@code null}. */
    public ConditionContext {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(variables, "variables");
        Objects.requireNonNull(below, "below");
    }

    /**
     * @param environment the environment
     * @param variables   the variables (copied)
     * @param below       the configuration below
     * @return the context
     */
    public static ConditionContext of(String environment, Map<String, String> variables, Configuration below) {
        Map<String, String> copy = Map.copyOf(variables);
        return new ConditionContext(environment, name -> Optional.ofNullable(copy.get(name)), below);
    }
}
