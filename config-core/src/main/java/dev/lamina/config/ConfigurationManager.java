package dev.lamina.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lamina.config.internal.reload.WatchSettings;
import dev.lamina.config.internal.runtime.ApplyStep;
import dev.lamina.config.internal.runtime.AuditTrail;
import dev.lamina.config.internal.runtime.ChangeAudit;
import dev.lamina.config.internal.runtime.ChangeEvents;
import dev.lamina.config.internal.runtime.EventDispatcher;
import dev.lamina.config.internal.runtime.History;
import dev.lamina.config.internal.runtime.HotReload;
import dev.lamina.config.internal.runtime.ManagerMetrics;
import dev.lamina.config.internal.runtime.ManagerState;
import dev.lamina.config.internal.runtime.PersistedUpdates;
import dev.lamina.config.internal.runtime.Publisher;
import dev.lamina.config.internal.runtime.RuntimeTree;
import dev.lamina.config.internal.runtime.SourceReader;
import dev.lamina.config.internal.runtime.Tenants;
import dev.lamina.config.internal.runtime.ValueCache;
import dev.lamina.config.internal.source.DirectoryLayout;

/**
 * The runtime: loads an environment's configuration from a directory, publishes it as numbered immutable
 * {@link Snapshot}s, applies validated runtime updates with optimistic concurrency, keeps a bounded history with
 * rollback, reloads changed files, serves tenant views and notifies listeners.
 *
 * <pre>{@code
 * try (ConfigurationManager manager = new ConfigurationManager(ConfigurationOptions.builder()
 *         .directory(Path.of("config")).build())) {
 *     Configuration config = manager.loadEnvironmentConfig("staging");
 *     manager.enableHotReload();
 *     manager.addChangeListener(event -> log.info("{} changed", event.path()));
 *     Snapshot s = manager.updateConfig("anomaly_detection.threshold", 0.85);
 *     manager.rollback(s.version() - 1);
 * }
 * }</pre>
 *
 * <p><b>Layers</b>, lowest precedence first (one explicit list of slots, drawn in {@code docs/merging.md}):
 * sources added {@link SourcePlacement#BELOW_FILES below the files}; {@code base.*}, the files of the
 * environment's ancestors declared in {@code environments.yaml} (root first), {@code <env>.*}; the
 * {@link LayerProvider}s' layers by {@link LayerProvider#position()}; sources added
 * {@link SourcePlacement#ABOVE_FILES above the files}; environment variables (with
 * {@link ConfigurationOptions#envPrefix()}); sources added {@link SourcePlacement#ABOVE_ENVIRONMENT_VARIABLES
 * above them}; the runtime updates; {@link #forTenant} adds {@code tenants/<id>.*} on top. Every layer carries
 * {@link LayerMetadata}, which {@link Configuration#explain} shows.
 *
 * <p><b>Thread-safety.</b> All methods are thread-safe. Changes (load, reload, update, rollback, setActiveConfig)
 * are serialized by one writer lock; loads and reloads read their sources before taking it (one read at a time),
 * so a slow source delays neither readers nor updates; readers ({@link #current()}, {@link #configuration()}, the configurations
 * themselves) never lock and always see one whole snapshot. Every change is validated by the
 * {@link ConfigValidator} before it is published; a refused change publishes nothing. Versions increase by exactly
 * one per applied change; a change whose resolved content is identical to the current one publishes nothing.
 *
 * <p><b>Failure results.</b> A change method that returns has applied its change (or found nothing to change).
 * Otherwise it throws {@link ConfigValidationException} (refused by the validator),
 * {@link ConfigConflictException} (another change came first), {@link ConfigAccessDeniedException} (the
 * {@link AuthorizationPolicy} refused), {@link ConfigAuditException} (the audit log cannot be written) or another
 * {@link ConfigException} (a file cannot be read, parsed or resolved); in every case the previous snapshot stays
 * in force at the same version.
 */
public final class ConfigurationManager implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationManager.class);

    private final ConfigurationOptions options;
    private final SourceReader sources;
    private final ConfigObject initialRuntime;
    private final Tenants tenants;
    private final ValueCache values;
    private final ManagerMetrics metrics;
    private final EventDispatcher events;
    private final ChangeAudit audit;
    private final History history;
    private final Publisher publisher;
    private final ApplyStep changes;
    private final HotReload hotReload;
    private final Object lifecycle = new Object();
    /** Serializes reads of the sources (loads and reloads), taken before the publish lock, never after it. */
    private final ReentrantLock readLock = new ReentrantLock();
    /** The added source's writer that takes runtime updates instead of the local runtime layer, or null. */
    private final ConfigWriter writer;
    /** Each added source's last reported health, by source name; guards itself. */
    private final Map<String, SourceHealth> sourceHealth = new LinkedHashMap<>();
    private volatile boolean closed;

    /**
     * Builds a manager. Nothing is loaded until {@link #loadEnvironmentConfig(String)}; the persist file, when
     * configured and present, is read now, and the audit log, when configured, is opened now.
     *
     * @param options the options
     * @throws NullPointerException     if {@code options} is {@code null}
     * @throws IllegalArgumentException if the options have no {@link ConfigurationOptions.Builder#directory directory}
     * @throws ConfigException          if the persist file exists but cannot be read or parsed, or the audit log
     *                                  cannot be opened ({@link ConfigAuditException})
     */
    public ConfigurationManager(ConfigurationOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        if (!options.hasDirectory()) {
            throw new IllegalArgumentException(
                    "a ConfigurationManager needs a directory (ConfigurationOptions.builder().directory(...))");
        }
        this.sources = new SourceReader(options);
        PersistedUpdates persisted = new PersistedUpdates(options.persistFile(), options.parseLimits(),
                options.readTimeout());
        this.initialRuntime = persisted.read();
        // Opened before any thread or meter exists, so that a refused sink leaves nothing behind.
        this.audit = new ChangeAudit(
                new AuditTrail(options.auditLog().orElse(null), options.secretPolicy(), options.clock()),
                options.secretPolicy());
        this.values = new ValueCache(options.valueCacheSize());
        this.events = new EventDispatcher(options.listenerExecutor().orElse(null), "lamina-config-events");
        this.history = new History(options.historySize());
        Callbacks callbacks = new Callbacks();
        this.tenants = new Tenants(sources, options.tenantCacheSize(), callbacks);
        this.publisher = new Publisher(options.secretPolicy(), options.clock(), persisted, audit, history,
                new ChangeEvents(events), callbacks);
        this.changes = new ApplyStep(publisher, audit, events, options.validator(), options.authorizationPolicy(),
                options.secretPolicy(), callbacks);
        // The gauges' suppliers only exist with a registry (a lambda is a class spun at first use: cold start).
        this.metrics = options.meterRegistry().isEmpty() ? ManagerMetrics.create(Optional.empty(), null, null)
                : ManagerMetrics.create(options.meterRegistry(),
                        () -> {
                            ManagerState s = publisher.state();
                            return s == null ? 0 : s.snapshot().version();
                        },
                        values::hitRate);
        List<ReloadTrigger> triggers = new ArrayList<>(options.reloadTriggers());
        List<ConfigWriter> writers = new ArrayList<>();
        for (SourcePlacement p : SourcePlacement.values()) {
            for (ConfigSource source : options.sources(p)) {
                source.reloadTrigger().ifPresent(triggers::add);
                source.writer().ifPresent(writers::add);
                source.snapshotListener().ifPresent(events::add);
            }
        }
        if (writers.size() > 1) {
            throw new IllegalArgumentException("at most one added source may take runtime updates (ConfigSource.writer()); "
                    + writers.size() + " do");
        }
        this.writer = writers.isEmpty() ? null : writers.get(0);
        this.hotReload = new HotReload(triggers, new WatchSettings(options.quietPeriod(), options.debounce(),
                options.pollInterval(), options.forcePolling()), callbacks, new ErrorSink(), new HealthSink());
    }

    /** Keeps each source's last status and tells snapshot listeners of changes only. */
    private void onSourceHealth(SourceHealth health) {
        synchronized (sourceHealth) {
            SourceHealth last = sourceHealth.get(health.source());
            if (last != null && last.status() == health.status()) {
                return;
            }
            sourceHealth.put(health.source(), health);
            // Queued under the same lock as the map's change, so listeners see changes in the order they happened.
            events.health(health);
        }
        if (health.isStale()) {
            LOG.warn("source {} is STALE: {}", health.source(), health.reason().orElse("no reason given"));
        } else {
            LOG.info("source {} is current again", health.source());
        }
    }

    /** Sources' health reports, kept and told to listeners (a class, not a lambda: see {@link Callbacks}). */
    private final class HealthSink implements Consumer<SourceHealth> {
        @Override
        public void accept(SourceHealth health) {
            onSourceHealth(health);
        }
    }

    /**
     * The manager's callbacks to its parts: tenant views' validation, the publisher's cache drop after a swap, the
     * apply step's closed check, hot reload's reload request. One inner class rather than lambdas: each lambda or
     * method reference is a class spun at run time on first use, which every cold start paid for (see
     * docs/performance.md, "Start-up").
     */
    private final class Callbacks implements BiConsumer<Configuration, String>, Runnable, BooleanSupplier,
            Consumer<String> {

        /** Validates a tenant view with the manager's validator. */
        @Override
        public void accept(Configuration candidate, String environment) {
            ApplyStep.validate(options.validator(), candidate, environment);
        }

        /** After every swap: drops the tenant views and the typed values of the previous version. */
        @Override
        public void run() {
            tenants.invalidate();
            values.invalidate();
        }

        /** Whether the manager is closed. */
        @Override
        public boolean getAsBoolean() {
            return closed;
        }

        /** A reload requested by a trigger. */
        @Override
        public void accept(String cause) {
            onReloadRequested(cause);
        }
    }

    /** Hot reload's errors, told to the listeners (a class, not a lambda: see {@link Callbacks}). */
    private final class ErrorSink implements Consumer<ConfigException> {
        @Override
        public void accept(ConfigException e) {
            events.error(ConfigErrorEvent.of(e));
        }
    }

    /** Loads and reloads refuse nothing path by path: their audit record of a refusal lists no change. */
    private static final Function<ManagerState, List<AuditRecord.Change>> NO_CHANGES = new NoChanges();

    private static final class NoChanges implements Function<ManagerState, List<AuditRecord.Change>> {
        @Override
        public List<AuditRecord.Change> apply(ManagerState prev) {
            return List.of();
        }
    }

    /** Reads the sources outside the publish lock; a failure is refused (audited) as the change would be. */
    private SourceReader.Sources read(ChangeRecord.Action action, String environment, ManagerState prev) {
        return changes.outsideLock(action, prev, new SourceRead(environment,
                prev == null || action == ChangeRecord.Action.LOAD ? null : prev.files()));
    }

    /** One read of the sources (a class, not a lambda: see {@link Callbacks}). */
    private final class SourceRead implements Supplier<SourceReader.Sources> {
        private final String environment;
        private final Map<String, java.nio.file.Path> previousFiles;

        SourceRead(String environment, Map<String, java.nio.file.Path> previousFiles) {
            this.environment = environment;
            this.previousFiles = previousFiles;
        }

        @Override
        public SourceReader.Sources get() {
            return sources.read(environment, previousFiles);
        }
    }

    /** The plan of a load: the read sources over the runtime updates in force (a class: see {@link Callbacks}). */
    private final class LoadPlan implements ApplyStep.Plan {
        private final String environment;
        private final SourceReader.Sources src;

        LoadPlan(String environment, SourceReader.Sources src) {
            this.environment = environment;
            this.src = src;
        }

        @Override
        public Publisher.Draft draft(ManagerState prev) {
            ConfigObject runtime = prev == null ? initialRuntime : prev.runtimeTree();
            Configuration cfg = sources.build(environment, src.layers(), runtime, List.of(),
                    prev == null ? null : prev.snapshot().configuration());
            return new Publisher.Draft(environment, src.files(), src.layers(), runtime, cfg, src.watched());
        }
    }

    // ---------------------------------------------------------------- loading

    /**
     * Loads an environment and makes it the active one: reads the layers, validates, and publishes a new version
     * unless the content is identical to the current one.
     *
     * @param environment the environment ({@code development}, {@code staging}, {@code production} or any name
     *                    matching {@code [A-Za-z0-9][A-Za-z0-9_-]{0,63}}); it must have a file of its own or an
     *                    entry in {@code environments.yaml}
     * @return the configuration now in force
     * @throws IllegalArgumentException if the name is invalid
     * @throws ConfigException          if a file cannot be read, parsed or resolved, the environment is unknown,
     *                                  inheritance has a cycle, or validation refuses the result; nothing is
     *                                  published
     * @throws IllegalStateException    if the manager is closed
     */
    public Configuration loadEnvironmentConfig(String environment) {
        DirectoryLayout.checkName("environment", environment);
        ensureOpen();
        readLock.lock();
        try {
            long t0 = System.nanoTime();
            SourceReader.Sources src = read(ChangeRecord.Action.LOAD, environment, publisher.state());
            List<String> revisions = src.revisionNotes(List.of());
            String why = "load of environment " + environment
                    + (revisions.isEmpty() ? "" : ": " + String.join("; ", revisions));
            Snapshot s = changes.apply(ChangeRecord.Action.LOAD, Principal.system(), why,
                    new LoadPlan(environment, src), NO_CHANGES);
            metrics.recordLoad(System.nanoTime() - t0);
            events.warnings(src.warnings());
            afterRead();
            return s.configuration();
        } finally {
            readLock.unlock();
        }
    }

    /**
     * Re-reads the active environment's files now (what hot reload does on a file change).
     *
     * @return the snapshot in force afterwards: a new one, or the same when the content is identical
     * @throws ConfigException       if reading, parsing, resolving or validation fails, or a file of the
     *                               configuration was deleted; the last good snapshot stays in force
     * @throws IllegalStateException if nothing is loaded yet or the manager is closed
     */
    public Snapshot reload() {
        ensureOpen();
        requireLoaded();
        return reloadFromFiles("reload of the configuration files");
    }

    private Snapshot reloadFromFiles(String why) {
        readLock.lock();
        try {
            // Tenant overlays may have changed even when the environment did not: drop cached views.
            tenants.invalidate();
            ManagerState atRead = publisher.state();
            long t0 = System.nanoTime();
            SourceReader.Sources src;
            try {
                src = read(ChangeRecord.Action.RELOAD, atRead.environment(), atRead);
            } catch (ConfigException e) {
                metrics.reload(ManagerMetrics.Result.REJECTED);
                throw e;
            }
            Snapshot before = atRead.snapshot();
            Snapshot s;
            try {
                // An emptied file accepted after its quiet period is said so in the change events and the audit record.
                // So does a remote store's revision: the history names the revision the snapshot holds.
                List<String> notes = new ArrayList<>(src.notes());
                notes.addAll(src.revisionNotes(before.configuration().layers()));
                String reason = notes.isEmpty() ? why : why + ": " + String.join("; ", notes);
                s = changes.apply(ChangeRecord.Action.RELOAD, Principal.system(), reason, prev -> {
                    if (!prev.environment().equals(atRead.environment())) {
                        // A rollback switched environments while the sources were read: this read is stale.
                        return null;
                    }
                    Configuration cfg = sources.build(prev.environment(), src.layers(), prev.runtimeTree(), List.of(),
                            prev.snapshot().configuration());
                    return new Publisher.Draft(prev.environment(), src.files(), src.layers(), prev.runtimeTree(), cfg,
                            src.watched());
                }, NO_CHANGES);
            } catch (ConfigException e) {
                metrics.reload(ManagerMetrics.Result.REJECTED);
                throw e;
            }
            metrics.recordLoad(System.nanoTime() - t0);
            metrics.reload(s.version() == before.version() ? ManagerMetrics.Result.UNCHANGED
                    : ManagerMetrics.Result.APPLIED);
            events.warnings(src.warnings());
            afterRead();
            return s;
        } finally {
            readLock.unlock();
        }
    }

    /** After a successful read: start the added triggers, and watch what providers declared. */
    private void afterRead() {
        hotReload.startAdded();
        ManagerState s = publisher.state();
        if (s != null) {
            hotReload.rewatch(HotReload.directoriesToWatch(options.directory(), s.watched()));
        }
    }

    // ---------------------------------------------------------------- reading

    /**
     * @return the snapshot in force; hold it to read several keys consistently. Lock-free.
     * @throws IllegalStateException if nothing is loaded yet
     */
    public Snapshot current() {
        return requireLoaded().snapshot();
    }

    /**
     * @return the configuration in force (the current snapshot's); a later change publishes a new one
     * @throws IllegalStateException if nothing is loaded yet
     */
    public Configuration configuration() {
        return current().configuration();
    }

    /** @return the active environment, or empty before the first load */
    public Optional<String> getActiveEnvironment() {
        ManagerState s = publisher.state();
        return s == null ? Optional.empty() : Optional.of(s.environment());
    }

    /**
     * Validates a configuration with the manager's {@link ConfigValidator} without publishing anything.
     *
     * @param config a configuration
     * @return every finding, blocking or not
     */
    public List<ValidationProblem> validateConfig(Configuration config) {
        Objects.requireNonNull(config, "config");
        return options.validator().validate(config, getActiveEnvironment().orElse("default"));
    }

    /**
     * A typed value of the current snapshot, cached per version (Caffeine), so repeated conversions are served
     * from the cache. {@code type} may be {@code String}, {@code int}/{@code long}/{@code double}/{@code boolean}
     * or their boxes, {@code Duration}, {@link DataSize}, an enum, or a record/class bound as by
     * {@link Configuration#bind}. Failures are not cached.
     *
     * @param path a config path
     * @param type the type
     * @param <T>  the type
     * @return the value; shared between callers, treat it as immutable
     * @throws ConfigMissingException if absent
     * @throws ConfigTypeException    or {@link ConfigBindException} if it does not convert
     * @throws IllegalStateException  if nothing is loaded yet
     */
    public <T> T get(String path, Class<T> type) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        return values.get(current(), path, type);
    }

    /**
     * Binds a subtree of the current snapshot, cached per version like {@link #get(String, Class)}.
     *
     * @param path a config path ({@code ""} for the whole tree)
     * @param type the record or class
     * @param <T>  the type
     * @return the bound object, shared between callers: treat it as immutable
     * @throws ConfigMissingException if absent
     * @throws ConfigBindException    if the subtree does not fit
     * @throws IllegalStateException  if nothing is loaded yet
     */
    public <T> T bind(String path, Class<T> type) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        return values.bind(current(), path, type);
    }

    /** @return the value cache's counters (also published as {@code lamina.config.cache.hit.ratio}) */
    public CacheStatistics cacheStats() {
        return values.statistics();
    }

    // ---------------------------------------------------------------- tenants

    /**
     * The configuration of one tenant: the current snapshot with {@code tenants/<id>.*} on top, validated. A
     * tenant without an overlay file gets the environment's configuration. Views are cached (bounded Caffeine
     * cache) per version and dropped on every publish and reload, so an edited overlay is seen after the
     * watcher's reload.
     *
     * @param tenantId the tenant id: {@code [A-Za-z0-9][A-Za-z0-9_-]{0,63}} (so it cannot name a file outside
     *                 {@code tenants/})
     * @return the tenant's configuration
     * @throws IllegalArgumentException if the id breaks the rule
     * @throws ConfigException          if the overlay cannot be read, parsed or resolved, or validation refuses it
     * @throws IllegalStateException    if nothing is loaded yet
     */
    public Configuration forTenant(String tenantId) {
        DirectoryLayout.checkName("tenant id", tenantId);
        ManagerState s = requireLoaded();
        return tenants.view(s, tenantId);
    }

    // ---------------------------------------------------------------- updates

    /**
     * Sets one path at run time as {@link Principal#anonymous()}, unconditionally.
     *
     * @param path  a config path ({@code anomaly_detection.threshold})
     * @param value the value (see {@link UpdateRequest}); {@code null} removes the path
     * @return the new snapshot, or the current one when the content did not change
     * @throws ConfigException          (see the class comment) when the update is refused; nothing is published
     * @throws IllegalArgumentException if the path is malformed or the value's type is not supported
     * @throws IllegalStateException    if nothing is loaded yet or the manager is closed
     */
    public Snapshot updateConfig(String path, Object value) {
        return updateConfig(UpdateRequest.builder().set(path, value).build());
    }

    /**
     * Sets one path at run time if the current version is still {@code expectedVersion}.
     *
     * @param path            a config path
     * @param value           the value; {@code null} removes the path
     * @param expectedVersion the version the caller read
     * @return the new snapshot, or the current one when the content did not change
     * @throws ConfigConflictException if another change was published since; it carries the current version
     * @throws ConfigException         (see the class comment) when the update is refused otherwise
     */
    public Snapshot updateConfig(String path, Object value, long expectedVersion) {
        return updateConfig(UpdateRequest.builder().set(path, value).expectedVersion(expectedVersion).build());
    }

    /**
     * Applies several paths atomically as one version, with an optional expected version, principal and reason.
     * When an added source offers a {@link ConfigWriter} (etcd), the update is checked and validated here, then
     * written to that store (compare-and-swap against what this snapshot was read from) instead of the local
     * runtime layer, and the sources are re-read; a store conflict is a {@link ConfigConflictException}.
     * Otherwise the runtime-updates layer is persisted to {@link ConfigurationOptions#persistFile()} (crash-safely) and the
     * change recorded in the audit log before it is published; a refusal is audited too.
     *
     * @param request the update
     * @return the new snapshot, or the current one when the content did not change
     * @throws ConfigConflictException     if {@code expectedVersion} is not current
     * @throws ConfigAccessDeniedException if the policy refuses a path to the principal
     * @throws ConfigValidationException   if the validator refuses the result
     * @throws ConfigAuditException        if the audit log cannot be written
     * @throws ConfigException             if the result cannot be resolved or the persist file cannot be written
     * @throws IllegalArgumentException   if a value's type is not supported
     * @throws IllegalStateException      if nothing is loaded yet or the manager is closed
     */
    public Snapshot updateConfig(UpdateRequest request) {
        Objects.requireNonNull(request, "request");
        ensureOpen();
        requireLoaded();
        Principal principal = request.principal().orElse(Principal.anonymous());
        Origin origin = Origin.of("runtime update by " + principal.name());
        Map<ConfigPath, ConfigNode> nodes = new LinkedHashMap<>();
        request.values().forEach((p, v) -> nodes.put(p, RuntimeTree.toNode(v, origin)));
        String why = request.reason().orElse("runtime update");
        if (writer != null) {
            return writeThrough(request, principal, nodes, why);
        }
        return changes.apply(ChangeRecord.Action.UPDATE, principal, why, prev -> updateDraft(prev, request, principal, nodes),
                prev -> audit.requested(prev.snapshot().configuration(), nodes));
    }

    /**
     * An update for a manager whose source takes writes (see {@link ConfigWriter}): checked and validated here as
     * if applied locally, written to the store outside the publish lock, then re-read, so the caller gets the
     * snapshot that holds the write.
     */
    private Snapshot writeThrough(UpdateRequest request, Principal principal, Map<ConfigPath, ConfigNode> nodes,
                                  String why) {
        java.util.function.Function<ManagerState, List<AuditRecord.Change>> refused =
                prev -> audit.requested(prev.snapshot().configuration(), nodes);
        Snapshot basis = changes.check(ChangeRecord.Action.UPDATE, principal,
                prev -> updateDraft(prev, request, principal, nodes), refused);
        String written = changes.outsideLock(ChangeRecord.Action.UPDATE, principal,
                () -> writer.write(request, basis), refused);
        return reloadFromFiles(why + " by " + principal.name() + ", written to " + written);
    }

    private Publisher.Draft updateDraft(ManagerState prev, UpdateRequest request, Principal principal,
                                        Map<ConfigPath, ConfigNode> nodes) {
        long current = prev.snapshot().version();
        if (request.expectedVersion().isPresent() && request.expectedVersion().getAsLong() != current) {
            throw new ConfigConflictException(request.expectedVersion().getAsLong(), current);
        }
        for (ConfigPath p : nodes.keySet()) {
            requireNoListOnTheWay(prev.snapshot().configuration(), p);
            changes.authorize(principal, p);
        }
        ConfigObject runtime = prev.runtimeTree();
        for (Map.Entry<ConfigPath, ConfigNode> e : nodes.entrySet()) {
            runtime = RuntimeTree.set(runtime, e.getKey(), e.getValue());
        }
        Configuration cfg = sources.build(prev.environment(), prev.sourceLayers(), runtime, List.of(),
                prev.snapshot().configuration());
        return new Publisher.Draft(prev.environment(), prev.files(), prev.sourceLayers(), runtime, cfg,
                prev.watched());
    }

    /**
     * Publishes a configuration built elsewhere (for example migrated from a legacy format) as a new version,
     * validated and audited, as {@link Principal#system()}. It replaces the files' configuration and clears the
     * runtime updates, until the next load or reload from the files (including a hot reload).
     *
     * @param config the configuration
     * @return the new snapshot, or the current one when the content is identical
     * @throws ConfigException (see the class comment) when refused
     */
    public Snapshot setActiveConfig(Configuration config) {
        return setActiveConfig(config, Principal.system(), "setActiveConfig");
    }

    /**
     * Like {@link #setActiveConfig(Configuration)}, naming who and why; every changed path must be allowed to
     * the principal.
     *
     * @param config    the configuration
     * @param principal who
     * @param reason    why (recorded; must not contain a secret)
     * @return the new snapshot, or the current one when the content is identical
     * @throws ConfigException (see the class comment) when refused
     */
    public Snapshot setActiveConfig(Configuration config, Principal principal, String reason) {
        return publishWhole(config, principal, reason, "setActiveConfig");
    }

    /**
     * Publishes a configuration migrated from a legacy format (for example
     * {@code LegacyConfigMigrator.create().migrateFromLegacy(file).configuration("production")} of config-migration)
     * as a new version: validated like every change (a refused one changes nothing and is audited), recorded in the
     * history and the audit log, told to listeners, and named {@code applyMigratedConfig} by {@code explain}. Like
     * {@link #setActiveConfig(Configuration)}, it replaces the files' configuration and clears the runtime updates
     * until the next load or reload from the files; {@link #rollback(long)} returns to the previous version.
     *
     * @param config the migrated configuration
     * @return the new snapshot, or the current one when the content is identical
     * @throws ConfigException (see the class comment) when refused, e.g. by validation
     */
    public Snapshot applyMigratedConfig(Configuration config) {
        return publishWhole(config, Principal.system(), "applyMigratedConfig", "applyMigratedConfig");
    }

    private Snapshot publishWhole(Configuration config, Principal principal, String reason, String layerName) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(reason, "reason");
        ensureOpen();
        return changes.apply(ChangeRecord.Action.SET_ACTIVE, principal, reason, prev -> {
            changes.authorizeChanges(principal, prev, config.root());
            String env = prev == null ? "default" : prev.environment();
            List<Layer> layers = List.of(new Layer(layerName, config.root(),
                    LayerMetadata.of(LayerKind.CODE, layerName)));
            return new Publisher.Draft(env, prev == null ? Map.of() : prev.files(), layers,
                    ConfigObject.empty(Origin.of(SourceReader.RUNTIME_LAYER)), config,
                    prev == null ? Set.of() : prev.watched());
        }, NO_CHANGES);
    }

    // ---------------------------------------------------------------- history

    /** @return the versions the history holds, oldest first (at most {@link ConfigurationOptions#historySize()}) */
    public List<VersionInfo> history() {
        return history.all().stream().map(s -> new VersionInfo(s.version(), s.contentHash(), s.change(),
                s.changedPaths())).toList();
    }

    /**
     * The history keeps each version's trees, which consecutive versions share, and not its configuration's lookup
     * index: while the published snapshot of a version is still held (the current one always is), this returns that
     * same snapshot; once nobody holds it, it returns a snapshot with the same version, content hash, time and change
     * over a configuration rebuilt from the kept trees (equal in every value, origin and explanation; building its
     * index walks the tree once).
     *
     * @param version a version
     * @return that version's snapshot, while the history holds it
     */
    public Optional<Snapshot> snapshot(long version) {
        return history.find(version).map(ManagerState::snapshot);
    }

    /**
     * Restores a version's content exactly (its configuration and its runtime updates) as a new version, as
     * {@link Principal#system()}.
     *
     * @param version a version the history holds
     * @return the new snapshot, or the current one when its content already equals that version's
     * @throws ConfigException if the history does not hold the version, or the rollback is refused (see the class
     *                         comment)
     */
    public Snapshot rollback(long version) {
        return rollback(version, Principal.system(), "rollback to version " + version);
    }

    /**
     * Like {@link #rollback(long)}, naming who and why; every path the rollback changes must be allowed to the
     * principal.
     *
     * @param version   a version the history holds
     * @param principal who
     * @param reason    why (recorded; must not contain a secret)
     * @return the new snapshot, or the current one when nothing changes
     * @throws ConfigException if the history does not hold the version, or the rollback is refused
     */
    public Snapshot rollback(long version, Principal principal, String reason) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(reason, "reason");
        ensureOpen();
        requireLoaded();
        return changes.apply(ChangeRecord.Action.ROLLBACK, principal, reason, prev -> {
            ManagerState target = history.find(version).orElseThrow(() -> history.unknownVersion(version));
            Configuration cfg = target.snapshot().configuration();
            changes.authorizeChanges(principal, prev, cfg.root());
            return new Publisher.Draft(target.environment(), target.files(), target.sourceLayers(),
                    target.runtimeTree(), cfg, target.watched());
        }, NO_CHANGES);
    }

    // ---------------------------------------------------------------- hot reload

    /**
     * Starts watching the configuration directory and {@code tenants/} (which may be created later). Directories
     * are watched, not files, so Kubernetes {@code ..data} symlink swaps, rename-saves and new files are seen. A
     * changed file is read once it has been quiet for {@link ConfigurationOptions#quietPeriod()}; bursts are
     * debounced into one reload. A reload that fails keeps the last good snapshot and emits a
     * {@link ConfigErrorEvent}. Falls back to polling when the platform's watch service fails. Also runs one
     * catch-up reload, so a change made since the load is not missed. Does nothing when already enabled.
     *
     * @throws IllegalStateException if nothing is loaded yet or the manager is closed
     */
    public void enableHotReload() {
        synchronized (lifecycle) {
            ensureOpen();
            ManagerState s = requireLoaded();
            // The watcher copes with directories that do not exist yet (tenants/ created later) or are recreated.
            if (!hotReload.enable(HotReload.directoriesToWatch(options.directory(), s.watched()))) {
                return;
            }
        }
        onReloadRequested("catch-up reload after enabling hot reload");
    }

    /**
     * Stops watching files and stops every {@link ReloadTrigger}; the snapshot in force stays. Does nothing when
     * hot reload is off.
     */
    public void disableHotReload() {
        hotReload.disable();
    }

    /** @return {@code true} while files are watched */
    public boolean isHotReloadEnabled() {
        return hotReload.watching();
    }

    /** A trigger asked for a reload (on the reload thread), or hot reload was just enabled. */
    private void onReloadRequested(String cause) {
        if (closed || publisher.state() == null) {
            return;
        }
        try {
            reloadFromFiles("reload of the configuration files");
        } catch (ConfigException e) {
            ManagerState s = publisher.state();
            LOG.warn("configuration reload ({}) refused; version {} stays in force: {}", cause,
                    s == null ? 0 : s.snapshot().version(), e.getMessage());
            events.error(ConfigErrorEvent.of(e));
        } catch (IllegalStateException e) {
            if (!closed) {
                throw e;
            }
            // closed while the reload ran: nothing to publish to
        }
    }

    // ---------------------------------------------------------------- listeners and lifecycle

    /**
     * Registers a listener for change events (one per changed leaf, after each new version), error events
     * (refused reloads) and warning events (what a successful load or reload left out and why, such as a selected
     * override skipped because its conditions do not hold).
     *
     * @param listener the listener
     */
    public void addChangeListener(ConfigChangeListener listener) {
        events.add(listener);
    }

    /**
     * @param listener a registered listener
     * @return {@code true} when it was registered
     */
    public boolean removeChangeListener(ConfigChangeListener listener) {
        return events.remove(listener);
    }

    /**
     * Registers a listener told once per published snapshot, in version order, with the previous and the new
     * snapshot, and of every refused load, reload or update. Delivered like change events (on the listener
     * thread); a listener that throws is logged and does not stop the others.
     *
     * @param listener the listener
     * @throws NullPointerException if {@code listener} is {@code null}
     */
    public void addSnapshotListener(SnapshotListener listener) {
        events.add(listener);
    }

    /**
     * @param listener a registered snapshot listener
     * @return {@code true} when it was registered
     */
    public boolean removeSnapshotListener(SnapshotListener listener) {
        return events.remove(listener);
    }

    /**
     * The last status each added source reported (see {@link SourceHealth}), for a health endpoint or a consumer that
     * starts following the manager late. A source that never reported is not listed. Thread-safe.
     *
     * @return the sources' statuses, in the order they first reported
     */
    public List<SourceHealth> sourceHealth() {
        synchronized (sourceHealth) {
            return List.copyOf(sourceHealth.values());
        }
    }

    /**
     * Stops hot reload, every reload trigger and the listener thread (after delivering queued events, waiting at most a second) and
     * removes this manager's meters. The current snapshot stays readable; changes are refused afterwards.
     * Idempotent.
     */
    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
        }
        hotReload.close();
        events.close();
        metrics.close();
    }

    /** Runtime paths name object keys: setting {@code brokers[0].host} would turn the list into an object. */
    private static void requireNoListOnTheWay(Configuration current, ConfigPath path) {
        ConfigPath prefix = ConfigPath.root();
        for (int i = 0; i < path.size() - 1; i++) {
            prefix = prefix.child(path.segments().get(i));
            if (current.node(prefix.toString()).orElse(null) instanceof ConfigList) {
                throw new IllegalArgumentException(path + ": runtime updates cannot set a value inside a list; "
                        + "set the whole list at '" + prefix + "'");
            }
        }
    }

    private ManagerState requireLoaded() {
        ManagerState s = publisher.state();
        if (s == null) {
            throw new IllegalStateException("no configuration loaded yet (call loadEnvironmentConfig first)");
        }
        return s;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this ConfigurationManager is closed");
        }
    }
}
