package dev.lamina.config.flags;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a compiled experiment declares.
 *
 * @param key             the experiment key
 * @param description     the description, or {@code ""}
 * @param enabled         the kill switch
 * @param start           {@code start_date}, when declared
 * @param end             {@code end_date}, when declared
 * @param basisPoints     each variant's share in basis points (summing to 10000), in declaration order
 * @param successMetrics  the declared success metrics
 * @param exclusionGroup  the exclusion group, when declared
 */
public record ExperimentSummary(String key, String description, boolean enabled, Optional<Instant> start,
                                Optional<Instant> end, Map<String, Integer> basisPoints,
                                List<String> successMetrics, Optional<String> exclusionGroup) {

    /**
     * Copies the collections (keeping the split's order) and checks that nothing is {@code null}.
     *
     * @param key the {@code key} component
     * @param description the {@code description} component
     * @param enabled the {@code enabled} component
     * @param start the {@code start} component
     * @param end the {@code end} component
     * @param basisPoints the {@code basisPoints} component
     * @param successMetrics the {@code successMetrics} component
     * @param exclusionGroup the {@code exclusionGroup} component
     */
    public ExperimentSummary {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(exclusionGroup, "exclusionGroup");
        basisPoints = Collections.unmodifiableMap(new LinkedHashMap<>(basisPoints));
        successMetrics = List.copyOf(successMetrics);
    }
}
