package dev.lamina.config;

import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link Layer} is, for explain output, events and ordering: its kind, a human description, a priority
 * among layers of the same kind, and the revision of the store it was read from.
 *
 * @param kind        the kind of input
 * @param description what to call the layer in messages, for example {@code profile HIGH_VOLUME} or
 *                    {@code override docker (priority 50)}; never blank
 * @param priority    position among layers of the same kind (higher applies later); {@code 0} when not used
 * @param revision    the store revision the layer was read at (an etcd revision, a file's content hash), or
 *                    the empty string when the source has no revisions
 */
public record LayerMetadata(LayerKind kind, String description, int priority, String revision) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException     if a component is {@code null}
     * @throws IllegalArgumentException if the description is blank
     */
    public LayerMetadata {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(revision, "revision");
        if (description.isBlank()) {
            throw new IllegalArgumentException("a layer description must not be blank");
        }
    }

    /**
     * @param kind        the kind
     * @param description the description
     * @return metadata with priority {@code 0} and no revision
     */
    public static LayerMetadata of(LayerKind kind, String description) {
        return new LayerMetadata(kind, description, 0, "");
    }

    /**
     * @param priority the priority
     * @return a copy with that priority
     */
    public LayerMetadata withPriority(int priority) {
        return new LayerMetadata(kind, description, priority, revision);
    }

    /**
     * @param revision the store revision
     * @return a copy with that revision
     */
    public LayerMetadata withRevision(String revision) {
        return new LayerMetadata(kind, description, priority, revision);
    }

    /** @return the revision, or empty when the source has none */
    public Optional<String> revisionIfAny() {
        return revision.isEmpty() ? Optional.empty() : Optional.of(revision);
    }
}
