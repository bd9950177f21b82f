package dev.lamina.config.internal.runtime;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lamina.config.AuditRecord;
import dev.lamina.config.ChangeRecord;
import dev.lamina.config.ConfigAccessDeniedException;
import dev.lamina.config.ConfigChangeEvent;
import dev.lamina.config.ConfigDiff;
import dev.lamina.config.ConfigException;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.ConfigValidationException;
import dev.lamina.config.Configuration;
import dev.lamina.config.ConfigurationOptions;
import dev.lamina.config.Layer;
import dev.lamina.config.Origin;
import dev.lamina.config.Principal;
import dev.lamina.config.SecretPolicy;
import dev.lamina.config.Snapshot;
import dev.lamina.config.ValidationProblem;

/**
 * The single-writer side of the manager: holds the state in force and the history, and publishes validated
 * candidates — hash compare, persist, audit, swap, history, cache invalidation, events — in that order.
 *
 * <p>Every mutating method must be called with {@link #lock()} held; {@link #state()} and {@link #history()} are
 * lock-free reads of immutable values.
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

    private final ConfigurationOptions options;
    private final SourceReader sources;
    private final AuditTrail audit;
    private final EventDispatcher events;
    private final Runnable onPublish;
    private final ReentrantLock lock = new ReentrantLock();

    /** The state in force; {@code null} before the first load. Written only under {@link #lock}. */
    private volatile ManagerState state;
    /** Published states, oldest first, at most {@code historySize}; an immutable list replaced on publish. */
    private volatile List<ManagerState> history = List.of();
    /** The digests of the last tree hashed, so that the next hash skips what it shares; guarded by the lock. */
    private ContentHash.Digests digests = ContentHash.Digests.NONE;

    /**
     * @param options   the manager's options
     * @param sources   reads and persists
     * @param audit     the audit trail
     * @param events    the event dispatcher
     * @param onPublish called (under the lock) after every swap, to drop caches
     */
    public Publisher(ConfigurationOptions options, SourceReader sources, AuditTrail audit, EventDispatcher events,
                     Runnable onPublish) {
        this.options = options;
        this.sources = sources;
        this.audit = audit;
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

    /** @return the published states the history holds, oldest first */
    public List<ManagerState> history() {
        return history;
    }

    /**
     * @param version a version
     * @return its state, while the history holds it
     */
    public Optional<ManagerState> find(long version) {
        for (ManagerState s : history) {
            if (s.snapshot().version() == version) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * @param version a version the history does not hold
     * @return the exception saying so, with the versions it does hold
     */
    public ConfigException unknownVersion(long version) {
        List<ManagerState> h = history;
        String held = h.isEmpty() ? "none"
                : h.get(0).snapshot().version() + " to " + h.get(h.size() - 1).snapshot().version();
        return new ConfigException(null, null, "unknown version " + version + ": the history holds versions " + held
                + " (fix: pick a version from history())");
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
        List<ConfigDiff.Entry> changes = ConfigDiff.between(
                before == null ? ConfigObject.empty(Origin.UNKNOWN) : before.root(), d.config().root(),
                options.secretPolicy());
        long version = prev == null ? 1 : prev.snapshot().version() + 1;
        Instant now = options.clock().instant();
        ChangeRecord record = new ChangeRecord(principal.name(), now, why, action);
        Snapshot snap = new Snapshot(version, d.config(), hash, now, record);

        List<AuditRecord.Change> masked = new ArrayList<>(changes.size());
        for (ConfigDiff.Entry c : changes) {
            ConfigNode old = c.left().orElse(null);
            ConfigNode next = c.right().orElse(null);
            boolean secret = c.secret() || isSecret(c.path(), before, d.config(), old, next);
            masked.add(AuditRecord.Change.of(c.path(), mask(old, secret), mask(next, secret)));
        }
        // Persist, then audit, then swap: "applied" is only written once the runtime layer is on disk, and a
        // failed audit write puts the previous runtime layer back.
        boolean runtimeChanged = prev != null && prev.runtimeTree() != d.runtime();
        if (runtimeChanged) {
            sources.persist(d.runtime());
        }
        try {
            audit.applied(auditAction(action), auditPrincipal(action, principal), masked, version, why);
        } catch (RuntimeException e) {
            if (runtimeChanged) {
                restorePersisted(prev.runtimeTree(), e);
            }
            throw e;
        }

        ManagerState next = new ManagerState(d.environment(), d.files(), d.layers(), d.runtime(), snap,
                changes.stream().map(ConfigDiff.Entry::path).toList(), d.watched());
        state = next;
        List<ManagerState> h = new ArrayList<>(history);
        h.add(next);
        while (h.size() > options.historySize()) {
            h.remove(0);
        }
        history = List.copyOf(h);
        onPublish.run();
        LOG.info("configuration version {} published ({}, {} changed paths, by {})", version,
                auditAction(action), changes.size(), principal.name());
        if (events.hasListeners()) {
            events.changes(eventsOf(masked, record, version));
        }
        events.published(prev == null ? Optional.empty() : Optional.of(prev.snapshot()), snap);
        return snap;
    }

    private static List<ConfigChangeEvent> eventsOf(List<AuditRecord.Change> masked, ChangeRecord record,
                                                    long version) {
        String described = describe(record, version);
        boolean wholesale = record.action() == ChangeRecord.Action.ROLLBACK
                || record.action() == ChangeRecord.Action.SET_ACTIVE;
        List<ConfigChangeEvent> list = new ArrayList<>(masked.size());
        for (AuditRecord.Change c : masked) {
            String source = c.newValue().isEmpty() || wholesale ? described : c.newValue().get().origin().describe();
            list.add(new ConfigChangeEvent(c.path(), c.oldValue().map(Leaves::text), c.newValue().map(Leaves::text),
                    source, version));
        }
        return list;
    }

    private void restorePersisted(ConfigObject previous, RuntimeException cause) {
        try {
            sources.persist(previous);
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
            LOG.error("could not restore the persisted runtime updates after a failed audit write", e);
        }
    }

    /**
     * Records a refused change in the audit log (best effort).
     *
     * @param prev      the state in force, or {@code null}
     * @param principal who asked
     * @param action    what kind of change
     * @param changes   the paths concerned, masked; may be empty
     * @param e         the refusal
     */
    public void rejected(ManagerState prev, Principal principal, ChangeRecord.Action action,
                         List<AuditRecord.Change> changes, ConfigException e) {
        audit.rejected(auditAction(action), auditPrincipal(action, principal), changes,
                prev == null ? 0 : prev.snapshot().version(), e);
    }

    /**
     * @param prev  the state in force
     * @param nodes the requested paths and values
     * @return the paths with their current and refused values, masked, for the audit record of a refusal
     */
    public List<AuditRecord.Change> requested(ManagerState prev, Map<ConfigPath, ConfigNode> nodes) {
        Configuration current = prev.snapshot().configuration();
        List<AuditRecord.Change> out = new ArrayList<>(nodes.size());
        nodes.forEach((path, node) -> {
            ConfigNode old = current.node(path.toString()).orElse(null);
            boolean secret = isSecret(path, null, current, old, node);
            out.add(AuditRecord.Change.of(path, mask(old, secret), mask(node, secret)));
        });
        return out;
    }

    /**
     * @param candidate   a candidate
     * @param environment its environment
     * @throws ConfigValidationException if the validator reports a blocking problem
     */
    public void validate(Configuration candidate, String environment) {
        List<ValidationProblem> problems = options.validator().validate(candidate, environment);
        if (problems.stream().anyMatch(ValidationProblem::blocking)) {
            throw new ConfigValidationException(problems);
        }
        for (ValidationProblem p : problems) {
            LOG.info("configuration warning: {}", p.describe());
        }
    }

    /**
     * @param principal who
     * @param path      a path to change
     * @throws ConfigAccessDeniedException if the policy refuses
     */
    public void authorize(Principal principal, ConfigPath path) {
        if (!options.authorizationPolicy().isAllowed(principal, path)) {
            throw new ConfigAccessDeniedException(principal.name(), path);
        }
    }

    /**
     * @param principal who
     * @param prev      the state in force, or {@code null}
     * @param target    the tree that would be published
     * @throws ConfigAccessDeniedException if the policy refuses any leaf that would change
     */
    public void authorizeChanges(Principal principal, ManagerState prev, ConfigObject target) {
        ConfigObject from = prev == null ? ConfigObject.empty(Origin.UNKNOWN) : prev.snapshot().configuration().root();
        for (ConfigDiff.Entry c : ConfigDiff.between(from, target, options.secretPolicy())) {
            authorize(principal, c.path());
        }
    }

    private boolean isSecret(ConfigPath path, Configuration before, Configuration after, ConfigNode... values) {
        if (options.secretPolicy().isSecret(path)) {
            return true;
        }
        for (ConfigNode v : values) {
            if (v instanceof ConfigScalar sc && SecretPolicy.isEncrypted(sc.text())) {
                return true;
            }
        }
        String p = path.toString();
        return after.isSecret(p) || (before != null && before.isSecret(p));
    }

    /** The node as it may be shown: {@value SecretPolicy#MASK} in place of a secret; {@code null} stays. */
    private static ConfigNode mask(ConfigNode node, boolean secret) {
        return node == null || !secret ? node : ConfigScalar.string(SecretPolicy.MASK, node.origin());
    }

    private static String describe(ChangeRecord r, long version) {
        return switch (r.action()) {
            case LOAD -> "load of version " + version;
            case RELOAD -> r.why();
            case UPDATE -> "runtime update by " + r.who();
            case ROLLBACK -> r.why() + " by " + r.who();
            case SET_ACTIVE -> "setActiveConfig by " + r.who();
        };
    }

    /** Loads and file reloads have no one behind them: the audit log records {@code null} (docs/audit-log.md). */
    private static String auditPrincipal(ChangeRecord.Action action, Principal principal) {
        return action == ChangeRecord.Action.LOAD || action == ChangeRecord.Action.RELOAD ? null : principal.name();
    }

    private static String auditAction(ChangeRecord.Action a) {
        return a.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
