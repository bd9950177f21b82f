package dev.lamina.config;

import java.util.List;
import java.util.Objects;

/**
 * One entry of a manager's {@linkplain ConfigurationManager#history() history}: a published version without its
 * configuration.
 *
 * @param version      the version
 * @param contentHash  the snapshot's content hash
 * @param change       who, when, why and how
 * @param changedPaths the leaf paths that differ from the previous version, in document order (empty for the
 *                     first version)
 */
public record VersionInfo(long version, String contentHash, ChangeRecord change, List<ConfigPath> changedPaths) {

    /** Copies the paths and checks that nothing is {@code null}. */
    public VersionInfo {
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(change, "change");
        changedPaths = List.copyOf(changedPaths);
    }
}
