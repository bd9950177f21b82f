package dev.lamina.config;

import java.time.Instant;
import java.util.Objects;

/**
 * One published configuration: immutable, numbered and fingerprinted. The manager swaps the current snapshot
 * atomically, so a reader that holds a snapshot sees one whole configuration, never a mix of two.
 *
 * <p>Read several related keys from the same snapshot ({@code manager.current().configuration()}) to get a
 * consistent view of them.
 *
 * @param version       the version: 1 for the first load, then exactly one more per applied change
 * @param configuration the configuration; immutable and thread-safe
 * @param contentHash   SHA-256 (lower-case hex) of the resolved tree, hashed as a hash tree (each object and
 *                      list over its sorted keys, values with their written text and scalar type, and its
 *                      children's digests), origins ignored. Equal hashes mean equal content
 * @param createdAt     when the snapshot was published
 * @param change        who made it, when, why and how
 */
public record Snapshot(long version, Configuration configuration, String contentHash, Instant createdAt,
                       ChangeRecord change) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException     if a component is {@code null}
     * @throws IllegalArgumentException if the version is not positive
     */
    public Snapshot {
        if (version < 1) {
            throw new IllegalArgumentException("snapshot versions start at 1, got " + version);
        }
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(change, "change");
    }

    /** @return the version and hash; never the configuration's values */
    @Override
    public String toString() {
        return "Snapshot{version=" + version + ", contentHash=" + contentHash + ", createdAt=" + createdAt
                + ", change=" + change + "}";
    }
}
