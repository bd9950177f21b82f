package dev.lamina.config.internal.runtime;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lamina.config.AuditRecord;
import dev.lamina.config.ChangeRecord;
import dev.lamina.config.ConfigDiff;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.Configuration;
import dev.lamina.config.Layer;
import dev.lamina.config.Origin;
import dev.lamina.config.Principal;
import dev.lamina.config.SecretPolicy;
import dev.lamina.config.Snapshot;

/**
 * The single-writer side of the manager: holds the state in force and publishes validated candidates — hash
 * compare, diff, persist the runtime layer, audit, swap, history, cache invalidation, events — in that order.
 * Each of those jobs is a part of its own ({@link PersistedUpdates}, {@link ChangeAudit}, {@link History},
 * {@link ChangeEvents}); this class only orders them. It never reads a source: what it publishes was read and
 * built before.
 *
 * <p>{@link #commit} must be called with {@link #lock()} held; {@link #state()} is a lock-free read of an
 * immutable value.
 */
public final class Publisher {

    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);

    /**
     * What a candidate is built from and what it resolved to.
     *
     * @param environment the environment
     * @param files       stem to file
     * @param layers      source layers (without the runtime layer)
     * @param runtime     the runtime-updates tree
     * @param config      the resolved, validated candidate
     * @param watched     files and directories layer providers declared
     */
    public record Draft(String environment, Map<String, Path> files, List<Layer> layers, ConfigObject runtime,
                        Configuration config, Set<Path> watched) {
    }

    private final SecretPolicy secretPolicy;
    private final Clock clock;
    private final PersistedUpdates persisted;
    private final ChangeAudit audit;
    private final History history;
    private final ChangeEvents events;
    private final Runnable onPublish;
    private final ReentrantLock lock = new ReentrantLock();

    /** The state in force; {@code null} before the first load. Written only under {@link #lock}. */
    private volatile ManagerState state;
    /** The digests of the last tree hashed, so that the next hash skips what it shares; guarded by the lock. */
    private ContentHash.Digests digests = ContentHash.Digests.NONE;

    /**
     * @param secretPolicy which key names are secret (for the diff)
     * @param clock        the snapshots' time source
     * @param persisted    where the runtime layer is persisted
     * @param audit        the change audit
     * @param history      the version history
     * @param events       the change and snapshot events
     * @param onPublish    called (under the lock) after every swap, to drop caches
     */
    public Publisher(SecretPolicy secretPolicy, Clock clock, PersistedUpdates persisted, ChangeAudit audit,
                     History history, ChangeEvents events, Runnable onPublish) {
        this.secretPolicy = secretPolicy;
        this.clock = clock;
        this.persisted = persisted;
        this.audit = audit;
        this.history = history;
        this.events = events;
        this.onPublish = onPublish;
    }

    /** @return the writer lock; hold it around read-modify-publish */
    public ReentrantLock lock() {
        return lock;
    }

    /** @return the state in force, or {@code null} before the first load */
    public ManagerState state() {
        return state;
    }

    /**
     * Publishes a validated candidate, unless its content equals the current one.
     *
     * @param prev      the state in force, or {@code null}
     * @param d         the candidate
     * @param action    what kind of change
     * @param principal who
     * @param why       why
     * @return the new snapshot, or the current one when the content is identical
     * @throws dev.lamina.config.ConfigAuditException  if the audit record cannot be written (nothing published)
     * @throws dev.lamina.config.ConfigSourceException if the persist file cannot be written (nothing published)
     */
    public Snapshot commit(ManagerState prev, Draft d, ChangeRecord.Action action, Principal principal, String why) {
        ContentHash.Result hashed = ContentHash.of(d.config().root(), digests);
        // Only a cache: a digest is right for as long as its (immutable) node exists, whatever happens next.
        digests = hashed.digests();
        String hash = hashed.hash();
        if (prev != null && hash.equals(prev.snapshot().contentHash())) {
            if (action == ChangeRecord.Action.LOAD || action == ChangeRecord.Action.RELOAD) {
                // Same content: no version, but remember which environment and files are now in force.
                state = new ManagerState(d.environment(), d.files(), d.layers(), prev.runtimeTree(), prev.snapshot(),
                        prev.changedPaths(), d.watched());
            }
            return prev.snapshot();
        }
        Configuration before = prev == null ? null : prev.snapshot().configuration();
        // The masked changes are read by the audit log and the change listeners only. Without either (the usual
        // first load) the per-path secret rules are skipped: on a cold start they were a tenth of the CPU. A
        // listener added meanwhile hears from the next version on, as if it had been added just after this one.
        boolean shown = audit.recording() || events.wanted();
        // The first version's changes are every leaf, and the history keeps none for it: without a reader, a first
        // load of a million leaves spent nearly half its time diffing against nothing.
        boolean diffed = prev != null || shown;
        List<ConfigDiff.Entry> changes = !diffed ? List.of() : ConfigDiff.between(
                before == null ? ConfigObject.empty(Origin.UNKNOWN) : before.root(), d.config().root(),
                shown ? secretPolicy : SecretPolicy.none());
        long version = prev == null ? 1 : prev.snapshot().version() + 1;
        Instant now = clock.instant();
        ChangeRecord record = new ChangeRecord(principal.name(), now, why, action);
        Snapshot snap = new Snapshot(version, d.config(), hash, now, record);
        List<AuditRecord.Change> masked = shown ? audit.masked(changes, before, d.config()) : List.of();

        // Persist, then audit, then swap: "applied" is only written once the runtime layer is on disk, and a
        // failed audit write puts the previous runtime layer back.
        boolean runtimeChanged = prev != null && prev.runtimeTree() != d.runtime();
        if (runtimeChanged) {
            persisted.write(d.runtime());
        }
        try {
            audit.applied(action, principal, masked, version, why);
        } catch (RuntimeException e) {
            if (runtimeChanged) {
                restorePersisted(prev.runtimeTree(), e);
            }
            throw e;
        }

        ManagerState next = new ManagerState(d.environment(), d.files(), d.layers(), d.runtime(), snap,
                // The first version's "changes" are every leaf: VersionInfo promises none, and keeping them
                // cost a path object per leaf for as long as the version stays in the history.
                prev == null ? List.of() : paths(changes), d.watched());
        state = next;
        history.add(next);
        onPublish.run();
        LOG.info("configuration version {} published ({}, {}, by {})", version, ChangeAudit.name(action),
                diffed ? changes.size() + " changed paths" : "first version", principal.name());
        events.published(masked, shown, prev == null ? Optional.empty() : Optional.of(prev.snapshot()), snap);
        return snap;
    }

    private void restorePersisted(ConfigObject previous, RuntimeException cause) {
        try {
            persisted.write(previous);
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
            LOG.error("could not restore the persisted runtime updates after a failed audit write", e);
        }
    }

    /** A loop, not a stream: every publish does this, the first one on a cold start (streams cost it classes). */
    private static List<dev.lamina.config.ConfigPath> paths(List<ConfigDiff.Entry> changes) {
        List<dev.lamina.config.ConfigPath> out = new java.util.ArrayList<>(changes.size());
        for (ConfigDiff.Entry e : changes) {
            out.add(e.path());
        }
        return java.util.Collections.unmodifiableList(out);
    }
}
