package dev.lamina.config.flags.openfeature;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

import dev.lamina.config.flags.EvaluationContext;

/**
 * A user action or application state recorded through OpenFeature's {@code client.track(...)} and forwarded by
 * {@link LaminaProvider} to its {@link TrackingListener}s, for example to judge an experiment's success metrics.
 *
 * @param name       the tracking event's name ({@code checkout}, {@code listen_completed})
 * @param context    the context it happened in, converted as for evaluation ({@code targetingKey} is the user id)
 * @param value      the event's numeric value, when given
 * @param attributes the event's other details, as plain values ({@code String}, {@code Boolean}, {@code Integer},
 *                   {@code Long}, {@code Double}, {@code Instant}, {@code List}, {@code Map}); unmodifiable
 * @param version    the configuration version whose flags were in force
 * @param experiments the experiments that list this event in their {@code success_metrics} and in which the
 *                    context is enrolled, each with the variant it is assigned to (the one its exposure was
 *                    reported under); unmodifiable, in declaration order
 */
public record TrackingEvent(String name, EvaluationContext context, OptionalDouble value,
                            Map<String, Object> attributes, long version, Map<String, String> experiments) {

    /**
     * An event that no experiment judges.
     *
     * @param name       the {@code name} component
     * @param context    the {@code context} component
     * @param value      the {@code value} component
     * @param attributes the {@code attributes} component
     * @param version    the {@code version} component
     */
    public TrackingEvent(String name, EvaluationContext context, OptionalDouble value, Map<String, Object> attributes,
                         long version) {
        this(name, context, value, attributes, version, Map.of());
    }

    /**
     * Checks that no component is {@code null} and copies the attributes.
     *
     * @param name the {@code name} component
     * @param context the {@code context} component
     * @param value the {@code value} component
     * @param attributes the {@code attributes} component
     * @param version the {@code version} component
     * @param experiments the {@code experiments} component
     */
    public TrackingEvent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(value, "value");
        attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
        experiments = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(experiments));
    }
}
