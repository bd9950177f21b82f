package dev.lamina.config.flags.openfeature;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.EventProvider;
import dev.openfeature.sdk.ImmutableMetadata;
import dev.openfeature.sdk.Metadata;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.ProviderEventDetails;
import dev.openfeature.sdk.TrackingEventDetails;
import dev.openfeature.sdk.Value;
import dev.openfeature.sdk.exceptions.GeneralError;
import dev.openfeature.sdk.exceptions.InvalidContextError;
import dev.openfeature.sdk.exceptions.OpenFeatureError;
import dev.openfeature.sdk.exceptions.TargetingKeyMissingError;

import dev.lamina.config.ConfigErrorEvent;
import dev.lamina.config.ConfigurationManager;
import dev.lamina.config.Snapshot;
import dev.lamina.config.SnapshotListener;
import dev.lamina.config.SourceHealth;
import dev.lamina.config.flags.EvaluationContext;
import dev.lamina.config.flags.ExperimentSummary;
import dev.lamina.config.flags.FlagDefinitions;
import dev.lamina.config.flags.FlagEvaluator;
import dev.lamina.config.flags.FlagResolution;
import dev.lamina.config.flags.FlagType;
import dev.lamina.config.flags.FlagValue;
import dev.lamina.config.flags.Reason;
import dev.lamina.config.flags.Variant;
import dev.lamina.config.flags.VariantPayload;
import dev.lamina.config.flags.openfeature.internal.Contexts;
import dev.lamina.config.flags.openfeature.internal.Outcomes;
import dev.lamina.config.flags.openfeature.internal.Values;

/**
 * An OpenFeature provider over Lamina's feature flags: the {@code feature_flags:} of every snapshot a
 * {@link ConfigurationManager} publishes are compiled (through {@link SnapshotListener}) into a
 * {@link FlagEvaluator}, and the five typed evaluations resolve against the one in force.
 *
 * <pre>{@code
 * ConfigurationManager manager = new ConfigurationManager(options);
 * manager.loadEnvironmentConfig("production");
 * OpenFeatureAPI.getInstance().setProviderAndWait(new LaminaProvider(manager));
 * Client client = OpenFeatureAPI.getInstance().getClient();
 * boolean on = client.getBooleanValue("beta_social_features", false, new ImmutableContext("user-42"));
 * }</pre>
 *
 * <p><b>Reasons.</b> {@code STATIC} (on for everyone: no rules, targeting, schedule, prerequisite or split),
 * {@code TARGETING_MATCH} (a rule or targeting matched), {@code SPLIT} (a percentage rollout or a weighted
 * variant), {@code DEFAULT} (the flag evaluated to off: its {@code default_variant}'s value, {@code false} for a
 * boolean flag, else the caller's default), {@code DISABLED} ({@code enabled: false}: the caller's default), and
 * {@code ERROR} with {@code FLAG_NOT_FOUND}, {@code TYPE_MISMATCH}, {@code PARSE_ERROR} (a {@code json} payload that is
 * not JSON, a {@code number} payload that is not a number, asked as a structure or a number),
 * {@code TARGETING_KEY_MISSING} (a rollout or
 * split by user needs a targeting key), {@code INVALID_CONTEXT}, {@code PROVIDER_NOT_READY} or {@code GENERAL}.
 * The variant is the served variant's name; the flag's {@code metadata} and the matched {@code rule} are in the
 * flag metadata.
 *
 * <p><b>Events.</b> {@code PROVIDER_READY} when {@link #initialize} returns (emitted by the SDK); then, per published
 * snapshot, {@code PROVIDER_CONFIGURATION_CHANGED} with the keys of the flags that changed (nothing when no flag
 * changed), {@code PROVIDER_ERROR} when a snapshot's flag definitions or a reload are refused (the last good flags
 * keep serving) followed by {@code PROVIDER_READY} once good definitions are published again; {@code PROVIDER_STALE}
 * when a source of the manager reports itself stale ({@link SourceHealth}: an etcd source that lost its store) and
 * {@code PROVIDER_READY} when the last stale source is current again; and the same two from
 * {@link #markStale(String)} and {@link #markFresh()}.
 *
 * <p>The SDK delivers provider events from a pool of threads; this provider waits for each event to be taken in
 * before emitting the next, so that clients see them in order (an error before the recovery that follows it).
 *
 * <p><b>Thread-safety and cost.</b> Evaluation is thread-safe, takes no lock, and returns results built once per
 * outcome. A flag that reads the context reads the attributes its rules name through a view of the OpenFeature
 * context that each thread reuses ({@link EvaluationContext#confinedView}), without copying or boxing them, so an
 * evaluation allocates nothing in the provider for string, number, boolean and instant attributes (list
 * attributes, {@code SEMVER_*}, {@code IN_CIDR}, {@code REGEX} and values compared in another form than they
 * have still allocate). What the SDK allocates is its own ({@code ImmutableContext.getValue} copies each value
 * read). Results are shared: do not call the setters of a returned {@code ProviderEvaluation}.
 */
public final class LaminaProvider extends EventProvider {

    /** The provider's name in {@link #getMetadata()}. */
    public static final String NAME = "lamina";
    /** The counter of {@link #track} calls, tagged {@code event}, when a registry was given. */
    public static final String TRACKING_METRIC = "lamina.flags.tracking";
    /**
     * The counter of {@link #track} calls whose event an experiment lists in its {@code success_metrics}, tagged
     * {@code experiment}, {@code variant} (the context's assignment) and {@code metric}, when a registry was given:
     * beside {@code lamina.experiments.exposures} it gives each variant's conversion rate.
     */
    public static final String CONVERSION_METRIC = "lamina.experiments.conversions";

    private static final Logger LOG = LoggerFactory.getLogger(LaminaProvider.class);
    private static final Metadata METADATA = () -> NAME;

    private final ConfigurationManager manager;
    private final Clock clock;
    private final MeterRegistry registry;
    private final SnapshotListener follower = new Follower();
    private final List<TrackingListener> trackingListeners = new CopyOnWriteArrayList<>();
    /** Each thread's reusable view of the call's OpenFeature context. */
    private final Contexts.Views views = new Contexts.Views();
    private final Object lock = new Object();
    private volatile Outcomes outcomes;
    /** Guarded by {@link #lock}. */
    private boolean following;
    /** Guarded by {@link #lock}: the last event emitted was an error. */
    private boolean errored;
    /** Guarded by {@link #lock}: {@link #shutdown()} ran (the SDK's event executor is gone with it). */
    private boolean shutDown;
    /** Guarded by {@link #lock}: the manager's sources that last reported themselves stale. */
    private final Set<String> staleSources = new java.util.LinkedHashSet<>();

    /**
     * Follows a manager with the system UTC clock and no metrics. Flags are compiled in {@link #initialize}.
     *
     * @param manager a manager; its configuration must be loaded before {@code initialize}
     * @throws NullPointerException if {@code manager} is {@code null}
     */
    public LaminaProvider(ConfigurationManager manager) {
        this(manager, Clock.systemUTC(), null);
    }

    /**
     * @param manager  a manager; its configuration must be loaded before {@code initialize}
     * @param clock    the clock for schedules and date operators
     * @param registry where to count {@code lamina.flags.evaluations} and {@value #TRACKING_METRIC}, or
     *                 {@code null}
     * @throws NullPointerException if {@code manager} or {@code clock} is {@code null}
     */
    @SuppressWarnings("exports") // a caller passing a registry reads Micrometer already
    public LaminaProvider(ConfigurationManager manager, Clock clock, MeterRegistry registry) {
        this.manager = Objects.requireNonNull(manager, "manager");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.registry = registry;
    }

    /**
     * Serves a fixed evaluator (tests, flags compiled by hand or imported from Unleash): ready at once, emits no
     * change events.
     *
     * @param evaluator the evaluator
     * @throws NullPointerException if {@code evaluator} is {@code null}
     */
    public LaminaProvider(FlagEvaluator evaluator) {
        this.manager = null;
        this.clock = Clock.systemUTC();
        this.registry = null;
        this.outcomes = new Outcomes(Objects.requireNonNull(evaluator, "evaluator"), 0);
    }

    @Override
    public Metadata getMetadata() {
        return METADATA;
    }

    /**
     * @return no hooks: an empty list shared by every call (the SDK asks on every evaluation, and the interface's
     *         default makes a new {@code ArrayList} each time)
     */
    @Override
    public List<dev.openfeature.sdk.Hook> getProviderHooks() {
        return List.of();
    }

    /**
     * Starts following the manager and compiles the current snapshot's flags. When it returns, the SDK marks the
     * provider {@code READY} and emits {@code PROVIDER_READY} before {@code setProviderAndWait} returns, so no
     * client sees the provider not ready after that call.
     *
     * @param evaluationContext the global context (not used: Lamina's flags are evaluated per call)
     * @throws GeneralError when the manager has nothing loaded or the current flag definitions are bad (the
     *                      provider then emits {@code PROVIDER_READY} as soon as good definitions are published)
     */
    @Override
    public void initialize(dev.openfeature.sdk.EvaluationContext evaluationContext) throws Exception {
        if (manager != null) {
            synchronized (lock) {
                if (shutDown) {
                    throw new GeneralError("this LaminaProvider was shut down; create a new one to use it again");
                }
                if (!following) {
                    manager.addSnapshotListener(follower);
                    following = true;
                    // Sources already stale: their recovery then emits READY. (STALE itself cannot be emitted before
                    // the SDK's READY that follows initialize; see docs/openfeature.md.)
                    staleSources.clear();
                    manager.sourceHealth().stream().filter(SourceHealth::isStale)
                            .forEach(h -> staleSources.add(h.source()));
                }
                Snapshot current;
                try {
                    current = manager.current();
                } catch (IllegalStateException e) {
                    errored = true;
                    throw new GeneralError("the configuration manager has nothing loaded: load a configuration"
                            + " before initialising the provider");
                }
                Outcomes o = outcomes;
                if (o == null || o.version < current.version()) {
                    try {
                        outcomes = new Outcomes(FlagDefinitions.compile(current.configuration().root(), clock, registry),
                                current.version());
                    } catch (RuntimeException e) {
                        errored = true;
                        throw new GeneralError("flag definitions of configuration version " + current.version()
                                + " are invalid: " + e.getMessage());
                    }
                }
                errored = false;
            }
        }
        // No PROVIDER_READY here: the SDK emits it (and sets the state) when initialize returns, before
        // setProviderAndWait returns; emitting it too would reach every handler twice (see docs/decisions.md).
    }

    /**
     * Stops following the manager; evaluations then answer {@code PROVIDER_NOT_READY} until {@link #initialize}
     * runs again. A provider over a fixed evaluator keeps answering.
     */
    @Override
    public void shutdown() {
        if (manager != null) {
            synchronized (lock) {
                manager.removeSnapshotListener(follower);
                following = false;
                shutDown = true;
                staleSources.clear();
                outcomes = null;
            }
        }
        super.shutdown();
    }

    /**
     * Tells clients that the flags may be out of date; the last flags keep serving. A source of the manager that
     * reports its health ({@link SourceHealth}) does this by itself; this is for what the provider cannot see (a
     * provider over a fixed evaluator, an outside health check). A later published snapshot does not clear it by
     * itself: call {@link #markFresh()}.
     *
     * @param message why, for the event's details
     */
    public void markStale(String message) {
        emitProviderStale(ProviderEventDetails.builder().message(Objects.requireNonNull(message, "message")).build())
                .await();
    }

    /** Tells clients that the flags are current again after {@link #markStale(String)}: emits {@code PROVIDER_READY}. */
    public void markFresh() {
        emitProviderReady(ProviderEventDetails.builder().message("flags current again").build()).await();
    }

    /** @return the configuration version whose flags are in force, or empty before {@link #initialize} */
    public Optional<Long> flagsVersion() {
        Outcomes o = outcomes;
        return o == null ? Optional.empty() : Optional.of(o.version);
    }

    /**
     * @param listener called for every {@link #track} call
     */
    public void addTrackingListener(TrackingListener listener) {
        trackingListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * @param listener a registered listener
     * @return {@code true} when it was registered
     */
    public boolean removeTrackingListener(TrackingListener listener) {
        return trackingListeners.remove(listener);
    }

    // ---------------------------------------------------------------- evaluation

    @Override
    public ProviderEvaluation<Boolean> getBooleanEvaluation(String key, Boolean defaultValue,
                                                            dev.openfeature.sdk.EvaluationContext ctx) {
        Outcomes o = outcomes;
        if (o == null) {
            return notReady(defaultValue);
        }
        FlagResolution r;
        try {
            r = resolve(o, key, ctx);
        } catch (OpenFeatureError e) {
            return error(e.getErrorCode(), e.getMessage(), defaultValue);
        }
        int slot = r.slot();
        int index = slot * 2 + (Boolean.TRUE.equals(defaultValue) ? 1 : 0);
        if (slot >= 0) {
            ProviderEvaluation<Boolean> cached = o.booleans[index];
            if (cached != null) {
                return cached;
            }
        }
        ProviderEvaluation<Boolean> built = build(o, r, FlagType.BOOLEAN, defaultValue,
                v -> ((FlagValue.BooleanValue) v).value());
        if (slot >= 0 && built.getErrorCode() == null && defaultValue != null) {
            o.booleans[index] = built;
        }
        return built;
    }

    @Override
    public ProviderEvaluation<String> getStringEvaluation(String key, String defaultValue,
                                                          dev.openfeature.sdk.EvaluationContext ctx) {
        return typed(key, defaultValue, ctx, FlagType.STRING, o -> o.strings, v -> ((FlagValue.StringValue) v).value());
    }

    @Override
    public ProviderEvaluation<Integer> getIntegerEvaluation(String key, Integer defaultValue,
                                                            dev.openfeature.sdk.EvaluationContext ctx) {
        return typed(key, defaultValue, ctx, FlagType.INTEGER, o -> o.integers, v -> {
            long l = ((FlagValue.IntegerValue) v).value();
            return l == (int) l ? Integer.valueOf((int) l) : null; // null: outside int range, a type mismatch
        });
    }

    @Override
    public ProviderEvaluation<Long> getLongEvaluation(String key, Long defaultValue,
                                                      dev.openfeature.sdk.EvaluationContext ctx) {
        return typed(key, defaultValue, ctx, FlagType.INTEGER, o -> o.longs, v -> ((FlagValue.IntegerValue) v).value());
    }

    @Override
    public ProviderEvaluation<Double> getDoubleEvaluation(String key, Double defaultValue,
                                                          dev.openfeature.sdk.EvaluationContext ctx) {
        return typed(key, defaultValue, ctx, FlagType.DOUBLE, o -> o.doubles, v -> ((FlagValue.DoubleValue) v).value());
    }

    @Override
    public ProviderEvaluation<Value> getObjectEvaluation(String key, Value defaultValue,
                                                         dev.openfeature.sdk.EvaluationContext ctx) {
        return typed(key, defaultValue, ctx, FlagType.OBJECT, o -> o.objects, Values::of);
    }

    private <T> ProviderEvaluation<T> typed(String key, T defaultValue, dev.openfeature.sdk.EvaluationContext ctx,
                                            FlagType type, Function<Outcomes, ProviderEvaluation<T>[]> cache,
                                            Function<FlagValue, T> unwrap) {
        Outcomes o = outcomes;
        if (o == null) {
            return notReady(defaultValue);
        }
        FlagResolution r;
        try {
            r = resolve(o, key, ctx);
        } catch (OpenFeatureError e) {
            return error(e.getErrorCode(), e.getMessage(), defaultValue);
        }
        int slot = r.slot();
        ProviderEvaluation<T>[] table = cache.apply(o);
        int withDefault = slot * Outcomes.TYPES + type.ordinal();
        if (slot >= 0) {
            ProviderEvaluation<T> cached = table[slot];
            if (cached != null) {
                return cached;
            }
            // An outcome that serves the caller's default (disabled, or off without a default variant): the last
            // such result, when this caller's default is the same.
            @SuppressWarnings("unchecked")
            ProviderEvaluation<T> last = (ProviderEvaluation<T>) o.withDefault[withDefault];
            if (last != null && defaultValue != null && defaultValue.equals(last.getValue())) {
                return last;
            }
        }
        ProviderEvaluation<T> built = build(o, r, type, defaultValue, unwrap);
        if (slot >= 0 && built.getErrorCode() == null) {
            if (built.getValue() != defaultValue) {
                table[slot] = built; // does not carry the caller's default: the same for every caller
            } else if (defaultValue != null) {
                o.withDefault[withDefault] = built;
            }
        }
        return built;
    }

    private FlagResolution resolve(Outcomes o, String key, dev.openfeature.sdk.EvaluationContext ctx) {
        FlagEvaluator ev = o.evaluator;
        if (!ev.needsContext(key)) {
            return ev.resolve(key, EvaluationContext.empty());
        }
        FlagResolution r;
        if (ctx == null) {
            r = ev.resolve(key, EvaluationContext.empty());
        } else {
            Contexts.check(ctx);
            Contexts.View view = views.open(ctx);
            try {
                r = ev.resolve(key, view.context());
            } finally {
                view.close();
            }
        }
        if ((r.reason() == Reason.ROLLOUT || r.reason() == Reason.ROLLOUT_EXCLUDED || r.reason() == Reason.SPLIT)
                && ev.needsStickyValue(key) && !Contexts.hasStickyValue(ctx)) {
            throw new TargetingKeyMissingError("flag '" + key + "' buckets users by their id: set the context's"
                    + " targetingKey (or a session_id attribute)");
        }
        return r;
    }

    private static <T> ProviderEvaluation<T> build(Outcomes o, FlagResolution r, FlagType type, T defaultValue,
                                                   Function<FlagValue, T> unwrap) {
        if (r.reason() == Reason.FLAG_NOT_FOUND) {
            return error(ErrorCode.FLAG_NOT_FOUND, "flag '" + r.flag() + "' is not defined", defaultValue);
        }
        if (r.reason() == Reason.ERROR) {
            return error(ErrorCode.GENERAL, "flag '" + r.flag() + "' could not be evaluated", defaultValue);
        }
        Optional<String> unreadable = r.payloadProblem(type);
        if (unreadable.isPresent()) {
            return error(ErrorCode.PARSE_ERROR, unreadable.get(), defaultValue);
        }
        Optional<FlagValue> value;
        Optional<VariantPayload> payload = r.declaredType().isEmpty() && r.enabled() && r.reason() != Reason.DISABLED
                ? r.variant().flatMap(Variant::payload) : Optional.empty();
        if (type == FlagType.OBJECT && payload.isPresent()) {
            // An untyped flag's payload is its value whatever its type: a json payload's structure (or scalar), a
            // number payload's number, any other payload's text.
            value = Optional.of(r.value().orElseGet(() -> new FlagValue.StringValue(payload.get().value())));
        } else {
            if (r.mismatches(type)) {
                return error(ErrorCode.TYPE_MISMATCH, "flag '" + r.flag() + "' is "
                        + r.declaredType().map(t -> "of type " + t.configName())
                                .orElse("an on/off flag without that kind of variant")
                        + ", not " + type.configName(), defaultValue);
            }
            value = r.valueAs(type);
        }
        T v = value.map(unwrap).orElse(null);
        if (value.isPresent() && v == null) {
            return error(ErrorCode.TYPE_MISMATCH, "flag '" + r.flag() + "' has a value outside the range of "
                    + type.configName(), defaultValue);
        }
        ImmutableMetadata metadata = o.metadata(r);
        if (v == null) {
            return new ProviderEvaluation<>(defaultValue, null, r.openFeatureReason(), null, null, metadata);
        }
        return new ProviderEvaluation<>(v, r.variant().map(Variant::name).orElse(null), r.openFeatureReason(), null,
                null, metadata);
    }

    private static <T> ProviderEvaluation<T> error(ErrorCode code, String message, T defaultValue) {
        return new ProviderEvaluation<>(defaultValue, null, dev.openfeature.sdk.Reason.ERROR.toString(), code, message,
                ImmutableMetadata.EMPTY);
    }

    private static <T> ProviderEvaluation<T> notReady(T defaultValue) {
        return error(ErrorCode.PROVIDER_NOT_READY, "the provider is not initialised (or was shut down)", defaultValue);
    }

    // ---------------------------------------------------------------- tracking

    /**
     * Forwards a tracking event to the {@link TrackingListener}s and counts it in {@value #TRACKING_METRIC}
     * (tag {@code event}) when a registry was given. Never throws for a listener's failure.
     *
     * @param trackingEventName the event's name; not blank
     * @param context           the context, or {@code null}
     * @param details           the details, or {@code null}
     * @throws IllegalArgumentException if the name is blank
     */
    @Override
    public void track(String trackingEventName, dev.openfeature.sdk.EvaluationContext context,
                      TrackingEventDetails details) {
        Objects.requireNonNull(trackingEventName, "trackingEventName");
        if (trackingEventName.isBlank()) {
            throw new IllegalArgumentException("a tracking event name must not be blank");
        }
        Outcomes o = outcomes;
        EvaluationContext ctx;
        try {
            ctx = Contexts.toLamina(context);
        } catch (InvalidContextError e) {
            ctx = EvaluationContext.empty();
        }
        // The experiments judged by this event: each one listing it in success_metrics, with the variant this
        // context is assigned to (the same assignment its exposures were counted under).
        Map<String, String> experiments = new java.util.LinkedHashMap<>();
        if (o != null) {
            for (ExperimentSummary x : o.evaluator.experiments()) {
                if (x.successMetrics().contains(trackingEventName)) {
                    String key = x.key();
                    o.evaluator.variantOf(key, ctx).ifPresent(v -> experiments.put(key, v));
                }
            }
        }
        if (registry != null) {
            Counter.builder(TRACKING_METRIC).description("OpenFeature tracking events by name")
                    .tag("event", trackingEventName).register(registry).increment();
            experiments.forEach((experiment, variant) -> Counter.builder(CONVERSION_METRIC)
                    .description("tracking events named in an experiment's success_metrics, by assigned variant"
                            + " (divide by lamina.experiments.exposures for a rate)")
                    .tag("experiment", experiment).tag("variant", variant).tag("metric", trackingEventName)
                    .register(registry).increment());
        }
        if (trackingListeners.isEmpty()) {
            return;
        }
        OptionalDouble value = OptionalDouble.empty();
        Map<String, Object> attributes = Map.of();
        if (details != null) {
            value = details.getValue().map(n -> OptionalDouble.of(n.doubleValue())).orElse(OptionalDouble.empty());
            attributes = Values.plain(details);
        }
        TrackingEvent event = new TrackingEvent(trackingEventName, ctx, value, attributes, o == null ? 0 : o.version,
                experiments);
        for (TrackingListener l : trackingListeners) {
            try {
                l.onTrack(event);
            } catch (RuntimeException e) {
                LOG.warn("tracking listener {} threw; the others still run", l, e);
            }
        }
    }

    // ---------------------------------------------------------------- following the manager

    private void published(Snapshot current) {
        List<String> changed = null;
        boolean recovered = false;
        String refused = null;
        String staleNote;
        synchronized (lock) {
            staleNote = staleSources.isEmpty() ? null : "source " + String.join(", ", staleSources) + " still stale";
            Outcomes prev = outcomes;
            // prev is null when initialize failed on bad definitions: a good snapshot then makes the provider ready.
            if (!following || (prev != null && current.version() <= prev.version)) {
                return;
            }
            try {
                FlagEvaluator next = FlagDefinitions.compile(current.configuration().root(), clock, registry);
                Set<String> keys = prev == null ? Set.of() : next.changedFlags(prev.evaluator);
                outcomes = new Outcomes(next, current.version());
                changed = new ArrayList<>(keys);
                recovered = errored;
                errored = false;
            } catch (RuntimeException e) {
                errored = true;
                refused = "flag definitions of configuration version " + current.version() + " refused; "
                        + (prev == null ? "no flags are served yet: " : "those of version " + prev.version
                        + " keep serving: ") + e.getMessage();
            }
        }
        if (refused != null) {
            LOG.warn(refused);
            emitProviderError(ProviderEventDetails.builder().message(refused).errorCode(ErrorCode.GENERAL).build())
                    .await();
            return;
        }
        if (recovered && staleNote != null) {
            // Good flags again, but a source is still stale: the client goes from ERROR to STALE, not to READY.
            emitProviderStale(ProviderEventDetails.builder().message("flags of configuration version "
                    + current.version() + " in force; " + staleNote).build()).await();
        } else if (recovered) {
            emitProviderReady(ProviderEventDetails.builder()
                    .message("flags of configuration version " + current.version() + " in force").build()).await();
        }
        if (!changed.isEmpty()) {
            emitProviderConfigurationChanged(ProviderEventDetails.builder().flagsChanged(changed)
                    .message("flags changed in configuration version " + current.version()).build()).await();
        }
    }

    private void rejected(ConfigErrorEvent error) {
        synchronized (lock) {
            if (!following) {
                return;
            }
            errored = true;
        }
        emitProviderError(ProviderEventDetails.builder().errorCode(ErrorCode.GENERAL)
                .message("configuration change refused; the last good flags keep serving: " + error.message()).build())
                .await();
    }

    /**
     * A source of the manager went stale or current: the first stale source emits {@code PROVIDER_STALE}, the last
     * one to recover {@code PROVIDER_READY} (unless the flags are in error, which only good flags end).
     */
    private void sourceHealth(SourceHealth health) {
        String stale = null;
        String ready = null;
        synchronized (lock) {
            if (!following) {
                return;
            }
            boolean wasStale = !staleSources.isEmpty();
            if (health.isStale()) {
                staleSources.add(health.source());
            } else {
                staleSources.remove(health.source());
            }
            Outcomes o = outcomes;
            String serving = o == null ? "no flags are served yet" : "the flags of configuration version " + o.version
                    + " keep serving";
            if (!wasStale && health.isStale()) {
                stale = "source " + health.source() + " is stale (" + health.reason().orElse("no reason given") + "); "
                        + serving;
            } else if (wasStale && staleSources.isEmpty() && !errored) {
                ready = "source " + health.source() + " is current again";
            }
        }
        if (stale != null) {
            LOG.warn(stale);
            emitProviderStale(ProviderEventDetails.builder().message(stale).build()).await();
        } else if (ready != null) {
            emitProviderReady(ProviderEventDetails.builder().message(ready).build()).await();
        }
    }

    /** Compiles each published snapshot's flags; delivered on the manager's event thread. */
    private final class Follower implements SnapshotListener {
        @Override
        public void onSourceHealth(SourceHealth health) {
            sourceHealth(health);
        }

        @Override
        public void onPublish(Optional<Snapshot> previous, Snapshot current) {
            published(current);
        }

        @Override
        public void onRejected(ConfigErrorEvent error) {
            rejected(error);
        }
    }
}
