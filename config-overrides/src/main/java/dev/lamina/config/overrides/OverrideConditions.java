package dev.lamina.config.overrides;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When an override applies. Every condition that is given must hold; an override with none always applies.
 *
 * @param environments the environments it applies in (the environment being loaded must be one of them); empty
 *                     for any
 * @param envVars      variables that must be set and non-empty
 * @param config       values the configuration below the override must have: path to the value as written
 *                     ({@code deployment.container: "true"})
 */
public record OverrideConditions(List<String> environments, List<String> envVars, Map<String, String> config) {

    /** No conditions. */
    public static final OverrideConditions NONE = new OverrideConditions(List.of(), List.of(), Map.of());

    /** Copies the collections. */
    public OverrideConditions {
        environments = List.copyOf(environments);
        envVars = List.copyOf(envVars);
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }

    /** @return {@code true} when no condition is given */
    public boolean isEmpty() {
        return environments.isEmpty() && envVars.isEmpty() && config.isEmpty();
    }
}
