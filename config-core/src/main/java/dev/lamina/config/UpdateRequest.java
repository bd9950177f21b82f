package dev.lamina.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A runtime update of one or more paths, applied atomically as one new version by
 * {@link ConfigurationManager#updateConfig(UpdateRequest)}.
 *
 * <p>Values may be {@code String}, {@code Number}, {@code Boolean}, {@link java.time.Duration} (written in
 * Lamina's duration syntax), {@link DataSize}, an enum constant, a {@code List} or {@code Map} of these, a
 * {@link ConfigNode}, or {@code null}, which removes the path (RFC 7386). Immutable; build with
 * {@link #builder()}.
 *
 * @param values          path to new value, in the order given; at least one
 * @param expectedVersion the version the caller read, for optimistic concurrency; empty to apply unconditionally
 * @param principal       who asks; empty for {@link Principal#anonymous()}
 * @param reason          why, recorded in the history and the audit log; empty for none
 */
public record UpdateRequest(Map<ConfigPath, Object> values, OptionalLong expectedVersion,
                            Optional<Principal> principal, Optional<String> reason) {

    /**
     * Checks and copies the components.
     *
     * @throws NullPointerException     if a component or a path is {@code null}
     * @throws IllegalArgumentException if there are no values, or a path is the root
     */
    public UpdateRequest {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(reason, "reason");
        if (values.isEmpty()) {
            throw new IllegalArgumentException("an update needs at least one path");
        }
        LinkedHashMap<ConfigPath, Object> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            Objects.requireNonNull(k, "path");
            if (k.isRoot()) {
                throw new IllegalArgumentException("an update cannot replace the root; name a path");
            }
            copy.put(k, v);
        });
        values = Collections.unmodifiableMap(copy);
    }

    /** @return the paths, expected version, principal and reason; never the values, which may be secret */
    @Override
    public String toString() {
        return "UpdateRequest{paths=" + values.keySet() + ", expectedVersion=" + expectedVersion + ", principal="
                + principal.map(Principal::name).orElse("anonymous") + ", reason=" + reason.orElse("") + "}";
    }

    /** @return an empty builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link UpdateRequest}. Not thread-safe. */
    public static final class Builder {

        private final LinkedHashMap<ConfigPath, Object> values = new LinkedHashMap<>();
        private OptionalLong expectedVersion = OptionalLong.empty();
        private Principal principal;
        private String reason;

        private Builder() {
        }

        /**
         * @param path  a config path ({@code anomaly_detection.threshold})
         * @param value the new value, or {@code null} to remove the path
         * @return this builder
         * @throws IllegalArgumentException if the path is malformed
         */
        public Builder set(String path, Object value) {
            values.put(ConfigPath.parse(path), value);
            return this;
        }

        /**
         * @param path a config path to remove
         * @return this builder
         */
        public Builder remove(String path) {
            return set(path, null);
        }

        /**
         * @param version the version the caller read
         * @return this builder
         */
        public Builder expectedVersion(long version) {
            this.expectedVersion = OptionalLong.of(version);
            return this;
        }

        /**
         * @param principal who asks
         * @return this builder
         */
        public Builder principal(Principal principal) {
            this.principal = Objects.requireNonNull(principal, "principal");
            return this;
        }

        /**
         * @param reason why; recorded in history and audit (must not contain a secret)
         * @return this builder
         */
        public Builder reason(String reason) {
            this.reason = Objects.requireNonNull(reason, "reason");
            return this;
        }

        /**
         * @return the request
         * @throws IllegalArgumentException if no path was set
         */
        public UpdateRequest build() {
            return new UpdateRequest(values, expectedVersion, Optional.ofNullable(principal),
                    Optional.ofNullable(reason));
        }
    }
}
