package dev.lamina.config.flags;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An A/B test to create at run time with {@link DynamicConfigurationManager#createAbTest(AbTestConfiguration)}; it
 * is written under {@code experiments.<name>} in the native format (see {@code docs/experiments.md}).
 *
 * @param name           the experiment key; not blank, no {@code .}
 * @param description    free text; never {@code null}
 * @param start          the start of the window (inclusive)
 * @param end            the end of the window (exclusive); after {@code start}
 * @param trafficSplit   the ordered split
 * @param configurations each variant's configuration (merged over the base configuration for users in that
 *                       variant); every key must be a variant of the split; copied, insertion order kept
 * @param successMetrics the metrics the experiment is judged by; copied
 * @param exclusion      the mutual-exclusion group and range, when the experiment shares users with others
 */
public record AbTestConfiguration(String name, String description, Instant start, Instant end,
                                  TrafficSplit trafficSplit, Map<String, Map<String, Object>> configurations,
                                  List<String> successMetrics, Optional<Exclusion> exclusion) {

    /**
     * A mutual-exclusion group and this experiment's range in it.
     *
     * @param group the group's name; not blank
     * @param start the range start in percent (inclusive), 0..100
     * @param end   the range end in percent (exclusive), after {@code start}, at most 100
     */
    public record Exclusion(String group, double start, double end) {

        /**
         * Checks the components.
         *
         * @param group the {@code group} component
         * @param start the {@code start} component
         * @param end the {@code end} component
         * @throws IllegalArgumentException if the group is blank or the range is empty or outside 0..100
         */
        public Exclusion {
            Objects.requireNonNull(group, "group");
            if (group.isBlank()) {
                throw new IllegalArgumentException("an exclusion group name must not be blank");
            }
            if (!(start >= 0 && end <= 100 && start < end)) {
                throw new IllegalArgumentException("exclusion range must satisfy 0 <= start < end <= 100, found ["
                        + start + ", " + end + ")");
            }
        }
    }

    /**
     * Checks and copies the components.
     *
     * @param name the {@code name} component
     * @param description the {@code description} component
     * @param start the {@code start} component
     * @param end the {@code end} component
     * @param trafficSplit the {@code trafficSplit} component
     * @param configurations the {@code configurations} component
     * @param successMetrics the {@code successMetrics} component
     * @param exclusion the {@code exclusion} component
     * @throws NullPointerException     if a component, a configuration or a metric is {@code null}
     * @throws IllegalArgumentException if the name is blank or holds a dot, the window is empty, or a
     *                                  configuration names a variant the split does not have
     */
    public AbTestConfiguration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(trafficSplit, "trafficSplit");
        Objects.requireNonNull(configurations, "configurations");
        Objects.requireNonNull(exclusion, "exclusion");
        if (name.isBlank() || name.indexOf('.') >= 0) {
            throw new IllegalArgumentException("experiment name must be non-blank and hold no '.', found '" + name + "'");
        }
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("experiment '" + name + "': end must be after start");
        }
        List<String> variants = trafficSplit.variants();
        Map<String, Map<String, Object>> copy = new LinkedHashMap<>();
        configurations.forEach((variant, cfg) -> {
            Objects.requireNonNull(variant, "variant");
            Objects.requireNonNull(cfg, "configuration");
            if (!variants.contains(variant)) {
                throw new IllegalArgumentException("experiment '" + name + "': configuration for unknown variant '"
                        + variant + "'; the split has " + variants);
            }
            copy.put(variant, Collections.unmodifiableMap(new LinkedHashMap<>(cfg)));
        });
        configurations = Collections.unmodifiableMap(copy);
        successMetrics = List.copyOf(successMetrics);
    }

    /**
     * An A/B test without an exclusion group (the form the product's users were shown).
     *
     * @param name           the experiment key
     * @param description    free text
     * @param start          the start (inclusive)
     * @param end            the end (exclusive)
     * @param trafficSplit   the ordered split
     * @param configurations each variant's configuration
     * @param successMetrics the success metrics
     */
    public AbTestConfiguration(String name, String description, Instant start, Instant end, TrafficSplit trafficSplit,
                               Map<String, Map<String, Object>> configurations, List<String> successMetrics) {
        this(name, description, start, end, trafficSplit, configurations, successMetrics, Optional.empty());
    }

    /**
     * @param group the exclusion group
     * @param from  the range start in percent (inclusive)
     * @param to    the range end in percent (exclusive)
     * @return a copy taking part in the group's range
     */
    public AbTestConfiguration withExclusion(String group, double from, double to) {
        return new AbTestConfiguration(name, description, start, end, trafficSplit, configurations, successMetrics,
                Optional.of(new Exclusion(group, from, to)));
    }

    /** @return the native definition ({@code experiments.<name>}) as ordered plain values, for an update */
    Map<String, Object> toNative() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("description", description);
        m.put("start_date", start.toString());
        m.put("end_date", end.toString());
        m.put("traffic_split", new LinkedHashMap<>(trafficSplit.asMap()));
        if (!configurations.isEmpty()) {
            m.put("configurations", new LinkedHashMap<>(configurations));
        }
        if (!successMetrics.isEmpty()) {
            m.put("success_metrics", new ArrayList<>(successMetrics));
        }
        exclusion.ifPresent(x -> {
            m.put("exclusion_group", x.group());
            m.put("exclusion_range", List.of(x.start(), x.end()));
        });
        return m;
    }
}
