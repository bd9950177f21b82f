package dev.lamina.config.overrides;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.lamina.config.Origin;

/**
 * An override file's {@code _metadata:} block, checked. The block is never part of the configuration.
 *
 * @param priority    0..1000; higher applies later and wins; ties are broken by name
 * @param description what the override is for, when written
 * @param owner       who maintains it, when written
 * @param conditions  when it applies
 * @param dependsOn   overrides applied too, before it
 * @param origin      where the block (or, without one, the file) starts
 */
public record OverrideMetadata(int priority, Optional<String> description, Optional<String> owner,
                               OverrideConditions conditions, List<String> dependsOn, Origin origin) {

    /** The priority of a file without one. */
    public static final int DEFAULT_PRIORITY = 100;
    /** The lowest priority. */
    public static final int MIN_PRIORITY = 0;
    /** The highest priority. */
    public static final int MAX_PRIORITY = 1000;

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException if the priority is outside 0..1000
     */
    public OverrideMetadata {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(conditions, "conditions");
        Objects.requireNonNull(origin, "origin");
        dependsOn = List.copyOf(dependsOn);
        if (priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
            throw new IllegalArgumentException("priority must be within 0..1000, got " + priority);
        }
    }
}
