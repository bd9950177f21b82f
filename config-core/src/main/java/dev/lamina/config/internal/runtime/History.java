package dev.lamina.config.internal.runtime;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.lamina.config.ChangeRecord;
import dev.lamina.config.ConfigException;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.Layer;
import dev.lamina.config.Snapshot;
import dev.lamina.config.internal.tree.TreeConfiguration;

/**
 * The published states the manager keeps for {@code history()}, {@code snapshot(version)} and rollback: at most
 * {@code historySize}, oldest first. Reads are lock-free (an immutable list replaced on each add); {@link #add}
 * is called by the publisher under its lock.
 *
 * <p>A version is kept as its trees, not as its configuration: the trees of consecutive versions share every
 * unchanged subtree, while a configuration's lookup index covers every path, so a history of one-leaf changes
 * that kept the configurations cost a whole index per version (issue 11). The configuration itself is held
 * weakly: while anyone holds it (the current one is held by the manager, an old one by whoever read it),
 * {@link #find} returns that same snapshot; once it is collected, {@code find} rebuilds an equal configuration
 * from the kept trees, with its index built again (one walk of the tree).
 */
public final class History {

    private final int size;
    private volatile List<Kept> states = List.of();

    /** @param size how many versions to keep (at least one) */
    public History(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("history size must be at least 1, found " + size);
        }
        this.size = size;
    }

    /**
     * One version as the history keeps it.
     */
    public static final class Kept {
        private final String environment;
        private final Map<String, Path> files;
        private final List<Layer> sourceLayers;
        private final ConfigObject runtimeTree;
        private final List<ConfigPath> changedPaths;
        private final Set<Path> watched;
        private final long version;
        private final Instant createdAt;
        private final String contentHash;
        private final ChangeRecord change;
        /** The tree and provenance to rebuild the configuration from, or {@code null} to keep it strongly. */
        private final TreeConfiguration.Detached detached;
        private final Snapshot strong;
        private WeakReference<Snapshot> weak; // guarded by this

        private Kept(ManagerState state) {
            Snapshot s = state.snapshot();
            this.version = s.version();
            this.createdAt = s.createdAt();
            this.contentHash = s.contentHash();
            this.change = s.change();
            this.detached = s.configuration() instanceof TreeConfiguration t ? t.detach().orElse(null) : null;
            this.strong = detached == null ? s : null;
            this.weak = new WeakReference<>(s);
            // Everything but the snapshot: holding the state would hold the configuration and its index.
            this.environment = state.environment();
            this.files = state.files();
            this.sourceLayers = state.sourceLayers();
            this.runtimeTree = state.runtimeTree();
            this.changedPaths = state.changedPaths();
            this.watched = state.watched();
        }

        /** @return the version */
        public long version() {
            return version;
        }

        /** @return the snapshot's content hash */
        public String contentHash() {
            return contentHash;
        }

        /** @return who, when, why and how */
        public ChangeRecord change() {
            return change;
        }

        /** @return the leaf paths that differ from the previous version */
        public List<ConfigPath> changedPaths() {
            return changedPaths;
        }

        /**
         * @return the version's snapshot: the one published while anyone still holds it, otherwise one with the
         *         same version, hash, time and change over a configuration rebuilt from the kept trees
         */
        public synchronized Snapshot snapshot() {
            if (strong != null) {
                return strong;
            }
            Snapshot s = weak.get();
            if (s == null) {
                s = new Snapshot(version, detached.attach(), contentHash, createdAt, change);
                weak = new WeakReference<>(s);
            }
            return s;
        }

        /** Lets the published snapshot go as a collection would (for tests of the rebuild). */
        synchronized void forget() {
            weak.clear();
        }

        /** @return whether the published (or last rebuilt) snapshot is still reachable (for tests) */
        synchronized boolean holdsSnapshot() {
            return strong != null || weak.get() != null;
        }

        /** @return the state that published this version, with {@link #snapshot()} as its snapshot */
        ManagerState state() {
            Snapshot s = snapshot();
            return new ManagerState(environment, files, sourceLayers, runtimeTree, s, changedPaths, watched);
        }
    }

    /** @return the versions held, oldest first; an immutable list */
    public List<Kept> all() {
        return states;
    }

    /** @param state a state just published; the oldest is dropped beyond the size */
    public void add(ManagerState state) {
        List<Kept> h = new ArrayList<>(states);
        h.add(new Kept(state));
        while (h.size() > size) {
            h.remove(0);
        }
        states = List.copyOf(h);
    }

    /**
     * @param version a version
     * @return its state, while the history holds it
     */
    public Optional<ManagerState> find(long version) {
        for (Kept k : states) {
            if (k.version() == version) {
                return Optional.of(k.state());
            }
        }
        return Optional.empty();
    }

    /**
     * @param version a version the history does not hold
     * @return the exception saying so, with the versions it does hold
     */
    public ConfigException unknownVersion(long version) {
        List<Kept> h = states;
        String held = h.isEmpty() ? "none" : h.get(0).version() + " to " + h.get(h.size() - 1).version();
        return new ConfigException(null, null, "unknown version " + version + ": the history holds versions " + held
                + " (fix: pick a version from history())");
    }
}
