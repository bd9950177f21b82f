package dev.lamina.config.overrides;

import java.util.List;
import java.util.Objects;

/**
 * One override file as seen by a load (what {@code configctl overrides list} prints).
 *
 * @param name      the override's name
 * @param file      its file, as text
 * @param priority  its priority
 * @param dependsOn what it depends on
 * @param selected  {@code true} when the load selects it (directly or as a dependency)
 * @param condition whether its conditions hold, and why not
 * @param applied   {@code true} when selected and applicable: its layer is part of the configuration
 * @param description its description, or the empty string
 */
public record OverrideStatus(String name, String file, int priority, List<String> dependsOn, boolean selected,
                             ConditionResult condition, boolean applied, String description) {

    /** Copies the list and checks that nothing is {@code null}. */
    public OverrideStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(description, "description");
        dependsOn = List.copyOf(dependsOn);
    }
}
