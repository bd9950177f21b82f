package dev.lamina.config.flags;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lamina.config.ConfigException;
import dev.lamina.config.ConfigLoader;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.Configuration;
import dev.lamina.config.ConfigurationManager;
import dev.lamina.config.ConfigurationOptions;
import dev.lamina.config.Principal;
import dev.lamina.config.Snapshot;
import dev.lamina.config.UpdateRequest;
import dev.lamina.config.flags.internal.dynamic.ExperimentRuntime;
import dev.lamina.config.flags.internal.dynamic.ExposureDelivery;
import dev.lamina.config.flags.internal.dynamic.FlagWrites;
import dev.lamina.config.flags.internal.eval.CompiledExperiment;

/**
 * Feature flags and A/B tests that follow a {@link ConfigurationManager}: the {@code feature_flags:} and
 * {@code experiments:} sections of every published snapshot are compiled into an immutable {@link FlagEvaluator},
 * so flags hot-reload, version and roll back with the rest of the configuration.
 *
 * <pre>{@code
 * DynamicConfigurationManager dynamic = new DynamicConfigurationManager(manager);
 * if (dynamic.isFeatureEnabled(MyFlags.ENHANCED_ANOMALY_DETECTION, user)) { ... }   // an enum implementing FlagKey
 * dynamic.setFeatureFlag("beta_social_features", true, 10.0);     // a runtime update: validated, versioned
 * String variant = dynamic.getAbTestVariant("recommendation_algorithm_v2", user);
 * Configuration cfg = dynamic.configurationFor("recommendation_algorithm_v2", user);   // variant merged over base
 * }</pre>
 *
 * <p><b>Which definitions apply.</b> Every evaluation uses the evaluator compiled from the newest published
 * snapshot: each call compares the manager's current snapshot with the one its evaluator answers for (two
 * volatile reads, no allocation, no lock) and, on the first call after a new version, compiles it (once, under
 * a private lock that only that moment takes). A {@link dev.lamina.config.SnapshotListener} on the manager also
 * compiles eagerly, so flag change events are delivered even when nobody evaluates; they are delivered on the
 * manager's own event thread (or its {@code listenerExecutor}), in version order: flags have no thread of their
 * own. Hence read-your-writes holds for
 * {@link #setFeatureFlag} and {@link #createAbTest}, and after a reload, update or rollback returns.
 *
 * <p><b>Bad definitions.</b> With {@link FlagDefinitions#validator()} installed in the manager's options, a change
 * with a bad definition is refused before publication and its version never exists. Without it, the snapshot is
 * published, this manager keeps the previous definitions, logs a warning and calls
 * {@link FlagChangeListener#onDefinitionError} with the {@link FlagDefinitionException} (path and origin of each
 * problem).
 *
 * <p><b>Thread-safety.</b> All methods are thread-safe. The evaluation methods ({@code isFeatureEnabled},
 * {@code getAbTestVariant}, the {@link #provider()}) never throw, take no lock and allocate nothing (except
 * {@code evaluate}, {@code assignAbTest} and exposure events, which return or pass new values).
 */
public final class DynamicConfigurationManager implements AutoCloseable {

    /** What {@link #getAbTestVariant(String, EvaluationContext)} returns for an unknown experiment. */
    public static final String DEFAULT_VARIANT = "control";

    private static final Logger LOG = LoggerFactory.getLogger(DynamicConfigurationManager.class);

    private final ConfigurationManager manager;
    private final Clock clock;
    private final MeterRegistry registry;
    private final ConfigLoader merger = new ConfigLoader(ConfigurationOptions.builder().environment(Map.of()).build());
    private final Object refreshLock = new Object();
    private final FlagEvents flagEvents = new FlagEvents(this::state);
    private final ExposureDelivery exposures = new ExposureDelivery();
    private final Set<Meter> exposureMeters = ConcurrentHashMap.newKeySet();

    private volatile SnapshotFlags state;
    /** Registered typed keys, in registration order; replaced (copy on write) under {@code this}. */
    private volatile Map<String, FlagKey> customFlags = Map.of();
    private volatile boolean closed;

    /**
     * Follows a loaded manager with the system UTC clock and no metrics.
     *
     * @param manager a manager whose configuration is loaded
     * @throws IllegalStateException   if nothing is loaded yet
     * @throws FlagDefinitionException if the current snapshot's definitions are bad
     */
    public DynamicConfigurationManager(ConfigurationManager manager) {
        this(manager, Clock.systemUTC(), null);
    }

    /**
     * @param manager  a manager whose configuration is loaded
     * @param clock    the clock for schedules, experiment windows and date operators
     * @param registry where to count {@code lamina.flags.evaluations{flag,reason}} and
     *                 {@code lamina.experiments.exposures{experiment,variant}}, or {@code null} for no metrics
     * @throws NullPointerException    if {@code manager} or {@code clock} is {@code null}
     * @throws IllegalStateException   if nothing is loaded yet
     * @throws FlagDefinitionException if the current snapshot's definitions are bad
     */
    @SuppressWarnings("exports") // a caller passing a registry reads Micrometer already
    public DynamicConfigurationManager(ConfigurationManager manager, Clock clock, MeterRegistry registry) {
        this.manager = Objects.requireNonNull(manager, "manager");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.registry = registry;
        Snapshot first = manager.current();
        this.state = SnapshotFlags.compile(first, null, clock, registry, exposureMeters);
        manager.addSnapshotListener(flagEvents);
    }

    // ---------------------------------------------------------------- flags

    /**
     * @param flag a typed key
     * @param ctx  the user's context
     * @return whether the flag is on; the key's {@link FlagKey#defaultEnabled()} when no definition declares it
     */
    public boolean isFeatureEnabled(FlagKey flag, EvaluationContext ctx) {
        return state().evaluator.isEnabled(flag, ctx);
    }

    /**
     * @param flag         a typed key
     * @param ctx          the user's context
     * @param defaultValue the value for an unknown flag or a {@code null} context
     * @return whether the flag is on
     */
    public boolean isFeatureEnabled(FlagKey flag, EvaluationContext ctx, boolean defaultValue) {
        return state().evaluator.isEnabled(flag, ctx, defaultValue);
    }

    /**
     * @param flag a flag key
     * @param ctx  the user's context
     * @return whether the flag is on; {@code false} for an unknown flag
     */
    public boolean isFeatureEnabled(String flag, EvaluationContext ctx) {
        return state().evaluator.isEnabled(flag, ctx, false);
    }

    /**
     * The fast path: no allocation, no lock, never throws.
     *
     * @param flag         a flag key
     * @param ctx          the user's context
     * @param defaultValue the value for an unknown flag or a {@code null} context
     * @return whether the flag is on
     */
    public boolean isFeatureEnabled(String flag, EvaluationContext ctx, boolean defaultValue) {
        return state().evaluator.isEnabled(flag, ctx, defaultValue);
    }

    /**
     * @param flag a typed key
     * @param ctx  the user's context
     * @return value, variant, reason, matched rule and bucket; never {@code null}
     */
    public FlagEvaluation evaluate(FlagKey flag, EvaluationContext ctx) {
        return state().evaluator.evaluate(flag, ctx);
    }

    /**
     * @param flag a flag key
     * @param ctx  the user's context
     * @return value, variant, reason, matched rule and bucket; {@link Reason#FLAG_NOT_FOUND} for an unknown flag
     */
    public FlagEvaluation evaluate(String flag, EvaluationContext ctx) {
        return state().evaluator.evaluate(flag, ctx, false);
    }

    /**
     * @param flag         a flag key
     * @param ctx          the user's context
     * @param defaultValue the value for an unknown flag or a {@code null} context
     * @return the evaluation; never {@code null}
     */
    public FlagEvaluation evaluate(String flag, EvaluationContext ctx, boolean defaultValue) {
        return state().evaluator.evaluate(flag, ctx, defaultValue);
    }

    // Typed getters: one line each over the evaluator in force, so evaluation stays where FlagEvaluator keeps it.

    /**
     * Resolves a flag to its typed value with the reason (see {@link FlagEvaluator#resolve}).
     *
     * @param flag the flag key
     * @param ctx  the context
     * @return the resolution; never {@code null}
     */
    public FlagResolution resolveFlag(String flag, EvaluationContext ctx) {
        return evaluator().resolve(flag, ctx);
    }

    /**
     * @param flag         the flag key
     * @param ctx          the context
     * @param defaultValue the value for an unknown or disabled flag, an error, or a flag of another type
     * @return a {@code boolean} flag's value (an untyped flag: whether it is on)
     */
    public boolean getBooleanFlag(String flag, EvaluationContext ctx, boolean defaultValue) {
        return evaluator().booleanValue(flag, ctx, defaultValue);
    }

    /**
     * @param flag         the flag key
     * @param ctx          the context
     * @param defaultValue see {@link FlagEvaluator#stringValue}; not {@code null}
     * @return a {@code string} flag's value
     */
    public String getStringFlag(String flag, EvaluationContext ctx, String defaultValue) {
        return evaluator().stringValue(flag, ctx, defaultValue);
    }

    /**
     * @param flag         the flag key
     * @param ctx          the context
     * @param defaultValue see {@link FlagEvaluator#integerValue}
     * @return an {@code integer} flag's value
     */
    public long getIntegerFlag(String flag, EvaluationContext ctx, long defaultValue) {
        return evaluator().integerValue(flag, ctx, defaultValue);
    }

    /**
     * @param flag         the flag key
     * @param ctx          the context
     * @param defaultValue see {@link FlagEvaluator#doubleValue}
     * @return a {@code double} flag's value
     */
    public double getDoubleFlag(String flag, EvaluationContext ctx, double defaultValue) {
        return evaluator().doubleValue(flag, ctx, defaultValue);
    }

    /**
     * @param flag         the flag key
     * @param ctx          the context
     * @param defaultValue see {@link FlagEvaluator#objectValue}; not {@code null}
     * @return an {@code object} flag's structure
     */
    public ConfigNode getObjectFlag(String flag, EvaluationContext ctx, ConfigNode defaultValue) {
        return evaluator().objectValue(flag, ctx, defaultValue);
    }

    /**
     * Every defined flag in declaration order, then every key registered with
     * {@link #registerCustomFeatureFlag(FlagKey)} that no definition declares ({@code defined=false}).
     *
     * @return key to status; unmodifiable, a copy
     */
    public Map<String, FlagStatus> getFeatureFlagsStatus() {
        SnapshotFlags s = state();
        Map<String, FlagStatus> out = new LinkedHashMap<>(s.statuses());
        customFlags.keySet().forEach(k -> out.putIfAbsent(k, FlagStatus.notDefined(k)));
        return Collections.unmodifiableMap(out);
    }

    /**
     * Turns a flag on or off for 100 % of users ({@code set_feature_flag(flag, enabled)}).
     *
     * @param flag    the flag key
     * @param enabled the kill switch
     * @return the snapshot published by the update
     * @see #setFeatureFlag(String, boolean, double, Principal, String)
     */
    public Snapshot setFeatureFlag(String flag, boolean enabled) {
        return setFeatureFlag(flag, enabled, 100.0);
    }

    /**
     * @param flag              a typed key
     * @param enabled           the kill switch
     * @param rolloutPercentage 0..100
     * @return the snapshot published by the update
     * @see #setFeatureFlag(String, boolean, double, Principal, String)
     */
    public Snapshot setFeatureFlag(FlagKey flag, boolean enabled, double rolloutPercentage) {
        return setFeatureFlag(Objects.requireNonNull(flag, "flag").key(), enabled, rolloutPercentage);
    }

    /**
     * As {@link Principal#anonymous()}.
     *
     * @param flag              the flag key
     * @param enabled           the kill switch
     * @param rolloutPercentage 0..100
     * @return the snapshot published by the update
     * @see #setFeatureFlag(String, boolean, double, Principal, String)
     */
    public Snapshot setFeatureFlag(String flag, boolean enabled, double rolloutPercentage) {
        return setFeatureFlag(flag, enabled, rolloutPercentage, Principal.anonymous(), "set feature flag " + flag);
    }

    /**
     * Sets {@code feature_flags.<flag>.enabled} and {@code .rollout_percentage} in one atomic runtime update
     * ({@link ConfigurationManager#updateConfig(UpdateRequest)}): validated, authorized, audited, versioned, and
     * undone by a rollback like any update. Creates the flag when no definition declares it; the rest of an existing
     * definition (targeting, rules, variants) is kept. When it returns, this manager evaluates with the new
     * definitions (read-your-writes).
     *
     * @param flag              the flag key (no {@code .})
     * @param enabled           the kill switch
     * @param rolloutPercentage 0..100
     * @param principal         who asks
     * @param reason            why (recorded in the history and audit log)
     * @return the snapshot published by the update (the current one when nothing changed)
     * @throws IllegalArgumentException if the key is blank or holds a dot, or the percentage is outside 0..100
     * @throws ConfigException          when the manager refuses the update (validation, authorization, conflict,
     *                                  audit); nothing is published
     * @throws FlagDefinitionException  when the update was published but its definitions are refused (only
     *                                  without {@link FlagDefinitions#validator()}); the previous definitions stay
     *                                  (another {@code ConfigException} if the compiler failed unexpectedly)
     */
    public Snapshot setFeatureFlag(String flag, boolean enabled, double rolloutPercentage, Principal principal,
                                   String reason) {
        return apply(FlagWrites.setFlag(flag, enabled, rolloutPercentage, principal, reason));
    }

    /**
     * Registers an application's typed key: {@link #getFeatureFlagsStatus()} lists it (as not defined until a
     * definition declares it), and evaluations by it return its {@link FlagKey#defaultEnabled()} until then.
     *
     * @param flag the key
     * @throws NullPointerException     if {@code flag} or its key is {@code null}
     * @throws IllegalArgumentException if its key is blank
     */
    public synchronized void registerCustomFeatureFlag(FlagKey flag) {
        String key = Objects.requireNonNull(Objects.requireNonNull(flag, "flag").key(), "flag.key()");
        if (key.isBlank()) {
            throw new IllegalArgumentException("a flag key must not be blank");
        }
        Map<String, FlagKey> next = new LinkedHashMap<>(customFlags);
        next.put(key, flag);
        customFlags = Collections.unmodifiableMap(next);
        if (!state().evaluator.hasFlag(key)) {
            LOG.debug("feature flag {} registered but not defined yet; it evaluates to its default", key);
        }
    }

    /** @return the typed keys registered with {@link #registerCustomFeatureFlag(FlagKey)}, in order */
    public List<FlagKey> registeredFeatureFlags() {
        return List.copyOf(customFlags.values());
    }

    // ---------------------------------------------------------------- experiments

    /**
     * The variant a user is assigned in an experiment ({@code get_ab_test_variant}): sticky, no allocation, no
     * lock, never throws; counts an exposure and notifies exposure listeners when the user is enrolled. When the
     * user is not enrolled (outside the window, disabled, excluded by the group, missing stickiness, {@code null}
     * context) it returns the experiment's <b>first</b> variant (the control by convention), and for an unknown
     * experiment {@value #DEFAULT_VARIANT}; use {@link #assignAbTest} to tell these apart.
     *
     * @param experiment the experiment key
     * @param ctx        the user's context
     * @return the variant's name; never {@code null}
     */
    public String getAbTestVariant(String experiment, EvaluationContext ctx) {
        SnapshotFlags s = state();
        ExperimentRuntime x = experiment == null ? null : s.experiments.get(experiment);
        if (x == null) {
            return DEFAULT_VARIANT;
        }
        int i = assignIndex(x, ctx);
        if (i < 0) {
            return x.control();
        }
        exposed(s, x, i, ctx);
        return x.name(i);
    }

    /**
     * Like {@link #getAbTestVariant(String, EvaluationContext)}, with the caller's fallback whenever the user is not
     * enrolled (including an unknown experiment).
     *
     * @param experiment the experiment key
     * @param ctx        the user's context
     * @param fallback   returned when not enrolled
     * @return the assigned variant, or {@code fallback}
     */
    public String getAbTestVariant(String experiment, EvaluationContext ctx, String fallback) {
        SnapshotFlags s = state();
        ExperimentRuntime x = experiment == null ? null : s.experiments.get(experiment);
        int i = x == null ? -1 : assignIndex(x, ctx);
        if (i < 0) {
            return fallback;
        }
        exposed(s, x, i, ctx);
        return x.name(i);
    }

    /**
     * Assigns a user and explains it: variant, {@link AssignmentReason}, bucket, exclusion group, the variant's
     * configuration. Counts and notifies an exposure when enrolled.
     *
     * @param experiment the experiment key
     * @param ctx        the user's context
     * @return the assignment; {@link AssignmentReason#EXPERIMENT_NOT_FOUND} for an unknown experiment
     */
    public ExperimentAssignment assignAbTest(String experiment, EvaluationContext ctx) {
        SnapshotFlags s = state();
        ExperimentAssignment a = s.evaluator.assign(experiment, ctx);
        ExperimentRuntime x = experiment == null ? null : s.experiments.get(experiment);
        if (a.enrolled() && x != null) {
            exposed(s, x, x.compiled().indexOf(a.variant().orElseThrow()), ctx);
        }
        return a;
    }

    /**
     * A variant's declared configuration ({@code get_ab_test_config}).
     *
     * @param experiment the experiment key
     * @param variant    the variant's name
     * @return its {@code configurations} entry as plain values (unmodifiable); empty for an unknown experiment or
     *         variant, or a variant without configuration
     */
    public Map<String, Object> getAbTestConfig(String experiment, String variant) {
        SnapshotFlags s = state();
        ExperimentRuntime x = experiment == null ? null : s.experiments.get(experiment);
        int i = x == null || variant == null ? -1 : x.compiled().indexOf(variant);
        return i < 0 ? Map.of() : x.compiled().configurationValues(i);
    }

    /**
     * The configuration a user sees in an experiment: the current snapshot's configuration with the user's
     * variant's configuration merged over it (objects key by key, scalars and lists replaced). Computed once per
     * version and variant, then shared by every user of that variant. A user who is not enrolled (or an unknown
     * experiment) gets the snapshot's configuration itself. Counts and notifies an exposure when enrolled.
     *
     * <p>The merged configuration keeps the snapshot's secrets: its policy, and the paths whose values the snapshot
     * decrypted or a resolver marked secret (carried as declared paths), so it masks what the snapshot masks.
     *
     * @param experiment the experiment key
     * @param ctx        the user's context
     * @return the configuration for that user; never {@code null}
     */
    public Configuration configurationFor(String experiment, EvaluationContext ctx) {
        SnapshotFlags s = state();
        ExperimentRuntime x = experiment == null ? null : s.experiments.get(experiment);
        int i = x == null ? -1 : assignIndex(x, ctx);
        if (i < 0) {
            return s.snapshot.configuration();
        }
        exposed(s, x, i, ctx);
        return x.mergedConfiguration(i, s.snapshot.configuration(), merger);
    }

    /**
     * Creates an A/B test at run time ({@code create_ab_test}): writes {@code experiments.<name>} in the native
     * format (the split in its order) as one runtime update, as {@link Principal#anonymous()}.
     *
     * @param test the test
     * @return the snapshot published
     * @see #createAbTest(AbTestConfiguration, Principal, String)
     */
    public Snapshot createAbTest(AbTestConfiguration test) {
        Objects.requireNonNull(test, "test");
        return createAbTest(test, Principal.anonymous(), "create A/B test " + test.name());
    }

    /**
     * Creates an A/B test at run time: validated, authorized, audited and versioned like any update, undone by a
     * rollback. When it returns, assignments use it (read-your-writes). An existing experiment is never modified:
     * changing a running experiment's split moves users (see {@code docs/experiments.md}).
     *
     * @param test      the test
     * @param principal who asks
     * @param reason    why (recorded)
     * @return the snapshot published
     * @throws IllegalArgumentException if an experiment with that name already exists (the message names where it
     *                                  was defined) or a configuration value has an unsupported type
     * @throws ConfigException          when the manager refuses the update; nothing is published
     * @throws FlagDefinitionException  when published but refused by the compiler (only without the validator)
     */
    public Snapshot createAbTest(AbTestConfiguration test, Principal principal, String reason) {
        Objects.requireNonNull(test, "test");
        return apply(FlagWrites.createExperiment(test.name(), test.toNative(),
                SnapshotFlags.child(state().snapshot.configuration().root(), "experiments", test.name()), principal,
                reason));
    }

    // ---------------------------------------------------------------- listeners and the rest

    /**
     * Registers a listener for flag changes and refused definitions ({@code register_change_listener}). Events are
     * delivered on the configuration manager's event thread (its {@code listenerExecutor} when one is set), in
     * version order.
     *
     * @param listener the listener
     */
    public void registerChangeListener(FlagChangeListener listener) {
        flagEvents.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * @param listener a registered listener
     * @return {@code true} when it was registered
     */
    public boolean removeChangeListener(FlagChangeListener listener) {
        return flagEvents.remove(listener);
    }

    /**
     * Registers an exposure listener, called synchronously whenever a user is assigned a variant (see
     * {@link ExposureListener}). With none registered, assignment allocates nothing for exposures.
     *
     * @param listener the listener
     */
    public void addExposureListener(ExposureListener listener) {
        exposures.add(listener);
    }

    /**
     * @param listener a registered listener
     * @return {@code true} when it was registered
     */
    public boolean removeExposureListener(ExposureListener listener) {
        return exposures.remove(listener);
    }

    /** Starts watching the configuration files ({@code start_file_watching}): {@link ConfigurationManager#enableHotReload()}. */
    public void startFileWatching() {
        manager.enableHotReload();
    }

    /** @return the evaluator compiled from the newest published snapshot whose definitions compiled */
    public FlagEvaluator evaluator() {
        return state().evaluator;
    }

    /** @return an OpenFeature-style provider over this manager's evaluator in force (follows reloads) */
    public FlagProvider provider() {
        return this::evaluator;
    }

    /** @return the version of the snapshot whose definitions are in force (older than current after a refusal) */
    public long definitionsVersion() {
        return state().definitionsVersion;
    }

    /**
     * Stops following the manager's events and delivering flag events, and removes the exposure counters this
     * manager registered. Evaluation keeps working (and still follows the manager's current snapshot). Idempotent.
     */
    @Override
    public void close() {
        synchronized (refreshLock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        manager.removeSnapshotListener(flagEvents);
        flagEvents.close();
        if (registry != null) {
            exposureMeters.forEach(registry::remove);
        }
    }

    // ---------------------------------------------------------------- internals

    private Snapshot apply(UpdateRequest request) {
        Snapshot published = manager.updateConfig(request);
        SnapshotFlags s = state();
        if (s.snapshot == published && s.failure != null) {
            throw s.failure;
        }
        return published;
    }

    private static int assignIndex(ExperimentRuntime x, EvaluationContext ctx) {
        if (ctx == null) {
            return -1;
        }
        try {
            return CompiledExperiment.variantIndex(x.compiled().assign(ctx.data));
        } catch (RuntimeException e) {
            return -1; // definitions were validated at compile time: a bug; never fail the caller
        }
    }

    private void exposed(SnapshotFlags s, ExperimentRuntime x, int index, EvaluationContext ctx) {
        exposures.exposed(x, index, ctx, s.snapshot.version());
    }

    /** The state for the newest published snapshot: lock-free unless a new version has not been compiled yet. */
    private SnapshotFlags state() {
        SnapshotFlags s = state;
        return s.snapshot == manager.current() ? s : refresh();
    }

    private SnapshotFlags refresh() {
        synchronized (refreshLock) {
            SnapshotFlags prev = state;
            Snapshot current = manager.current();
            if (prev.snapshot == current || current.version() < prev.snapshot.version()) {
                return prev;
            }
            SnapshotFlags next = SnapshotFlags.compile(current, prev, clock, registry, exposureMeters);
            if (next.failure != null) {
                LOG.warn("flag definitions of configuration version {} refused; those of version {} stay in force: {}",
                        current.version(), next.definitionsVersion, next.failure.getMessage());
            }
            // Queued before the new state is visible: the event thread's onPublish either sees the new state, and
            // then finds this in the queue, or sees the old one and waits for this lock.
            flagEvents.compiled(prev, next);
            state = next;
            return next;
        }
    }
}
