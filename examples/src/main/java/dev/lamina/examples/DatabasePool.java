package dev.lamina.examples;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The database pool settings as the demo service reads them: bound from {@code database.pool} in one call,
 * with {@code 30s}-style durations converted on the way.
 *
 * @param minSize        connections kept open
 * @param maxSize        most connections
 * @param timeout        how long to wait for a free connection
 * @param recycleTimeout how long a connection lives before it is replaced
 */
public record DatabasePool(
        @JsonProperty("min_size") int minSize,
        @JsonProperty("max_size") int maxSize,
        @JsonProperty("timeout") Duration timeout,
        @JsonProperty("recycle_timeout") Duration recycleTimeout) {
}
