package dev.lamina.config.flags;

import java.util.Objects;

/**
 * A user was exposed to an experiment's variant: {@link DynamicConfigurationManager#getAbTestVariant} or
 * {@link DynamicConfigurationManager#assignAbTest} assigned them to it.
 *
 * @param experiment the experiment key
 * @param variant    the variant
 * @param context    the context that was assigned (its {@code userId}, attributes, …)
 * @param version    the configuration version in force when the user was assigned
 */
public record ExposureEvent(String experiment, String variant, EvaluationContext context, long version) {

    /**
     * Checks that no component is {@code null}.
     *
     * @param experiment the {@code experiment} component
     * @param variant the {@code variant} component
     * @param context the {@code context} component
     * @param version the {@code version} component
     */
    public ExposureEvent {
        Objects.requireNonNull(experiment, "experiment");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(context, "context");
    }
}
