package dev.lamina.config.internal.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.Layer;
import dev.lamina.config.Snapshot;

/**
 * Everything behind one published snapshot: what it was built from, so that an update, a tenant view or a
 * rollback can rebuild on the same inputs. Immutable; the manager publishes one at a time.
 *
 * @param environment  the active environment
 * @param files        stem ({@code base}, {@code staging}) to the file that held it when loaded
 * @param sourceLayers files, provider layers and environment variables, lowest precedence first
 * @param runtimeTree  the runtime-updates layer (explicit nulls remove paths)
 * @param snapshot     the published snapshot
 * @param changedPaths leaf paths that differ from the previous version
 * @param watched      files and directories layer providers declared, for hot reload
 */
public record ManagerState(String environment, Map<String, Path> files, List<Layer> sourceLayers,
                           ConfigObject runtimeTree, Snapshot snapshot, List<ConfigPath> changedPaths,
                           Set<Path> watched) {

    /** Copies the collections and checks that nothing is {@code null}. */
    public ManagerState {
        Objects.requireNonNull(environment, "environment");
        files = Map.copyOf(files);
        sourceLayers = List.copyOf(sourceLayers);
        Objects.requireNonNull(runtimeTree, "runtimeTree");
        Objects.requireNonNull(snapshot, "snapshot");
        changedPaths = List.copyOf(changedPaths);
        watched = Set.copyOf(watched);
    }
}
