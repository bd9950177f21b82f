package dev.lamina.config;

import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Everything a {@link ConfigurationManager} or a {@link ConfigLoader} is built from: one options object for
 * both, so that they run the same pipeline with the same settings. Immutable and thread-safe; build with
 * {@link #builder()}, change a copy with {@link #toBuilder()} or {@link #withValidator(ConfigValidator)}.
 *
 * <p>A manager requires {@link Builder#directory(Path) directory}; a loader uses it (default: the working
 * directory) to resolve relative {@code ${file:...}} paths. Besides the inputs of interpolation ({@link
 * Builder#environment(Map)}, {@link Builder#addResolver(String, ValueResolver)}, {@link
 * Builder#addDecoder(ValueDecoder)}) and merging ({@link Builder#listStrategy(String, ListMergeStrategy)}), the
 * options hold the extra inputs of the layer order ({@link Builder#addSource(ConfigSource, SourcePlacement)},
 * {@link Builder#addLayerProvider(LayerProvider)}) and what tells a manager to reload
 * ({@link Builder#addReloadTrigger(ReloadTrigger)}); the order itself is in {@code docs/merging.md}.
 *
 * <p>Defaults: no metrics, no validation
 * ({@link ConfigValidator#none()}), the UTC system clock, {@link SecretPolicy#DEFAULT},
 * {@link ParseLimits#DEFAULTS}, no environment-variable layer, the process environment for {@code ${NAME}}, no
 * persisted updates, no audit log, {@link AuthorizationPolicy#allowAll()}, a history of 100 versions, 1,000
 * cached tenant views, 10,000 cached values, a quiet period of 200 ms, a debounce of 50 ms, polling every
 * second when polling, the platform's watch service where it works, one daemon listener thread, file lookups
 * ({@code ${file:...}}) confined to the configuration directory, and a read timeout of 10 s.
 */
public final class ConfigurationOptions {

    private final Path directory;
    private final MeterRegistry meterRegistry;
    private final ConfigValidator validator;
    private final Clock clock;
    private final SecretPolicy secretPolicy;
    private final ParseLimits parseLimits;
    private final String envPrefix;
    private final Map<String, String> environment;
    private final Path persistFile;
    private final Path auditLog;
    private final AuthorizationPolicy authorizationPolicy;
    private final int historySize;
    private final long tenantCacheSize;
    private final long valueCacheSize;
    private final Duration quietPeriod;
    private final Duration debounce;
    private final Duration pollInterval;
    private final boolean forcePolling;
    private final Executor listenerExecutor;
    private final List<LayerProvider> layerProviders;
    private final boolean discoverLayerProviders;
    private final boolean directorySet;
    private final MergeOptions mergeOptions;
    private final KeyNaming bindingKeyNaming;
    private final Function<String, Optional<String>> environmentLookup;
    private final Map<String, ValueResolver> resolvers;
    private final List<ValueDecoder> decoders;
    private final Map<SourcePlacement, List<ConfigSource>> sources;
    private final List<ReloadTrigger> reloadTriggers;
    private final List<Path> fileRoots;
    private final Duration readTimeout;
    private final Keyring keyring;
    private final PublicKey signatureKey;
    private final List<DocumentDecoder> documentDecoders;

    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_-]*");

    private static final Function<String, Optional<String>> PROCESS_ENVIRONMENT = new ProcessEnvironment();

    private static final ConfigurationOptions DEFAULTS = builder().build();

    private ConfigurationOptions(Builder b) {
        this.directory = b.directory == null ? Path.of("") : b.directory;
        this.directorySet = b.directory != null;
        this.mergeOptions = b.mergeOptions;
        this.bindingKeyNaming = b.bindingKeyNaming;
        this.environmentLookup = b.environmentLookup;
        this.resolvers = Collections.unmodifiableMap(new LinkedHashMap<>(b.resolvers));
        this.decoders = List.copyOf(b.decoders);
        EnumMap<SourcePlacement, List<ConfigSource>> placed = new EnumMap<>(SourcePlacement.class);
        for (SourcePlacement p : SourcePlacement.values()) {
            placed.put(p, List.copyOf(b.sources.getOrDefault(p, List.of())));
        }
        this.sources = Collections.unmodifiableMap(placed);
        this.reloadTriggers = List.copyOf(b.reloadTriggers);
        this.fileRoots = List.copyOf(b.fileRoots);
        this.readTimeout = b.readTimeout;
        this.meterRegistry = b.meterRegistry;
        this.validator = b.validator;
        this.clock = b.clock;
        this.secretPolicy = b.secretPaths.isEmpty() ? b.secretPolicy : b.secretPolicy.withPaths(b.secretPaths);
        this.parseLimits = b.parseLimits;
        this.envPrefix = b.envPrefix;
        this.environment = b.environment;
        this.persistFile = b.persistFile;
        this.auditLog = b.auditLog;
        this.authorizationPolicy = b.authorizationPolicy;
        this.historySize = b.historySize;
        this.tenantCacheSize = b.tenantCacheSize;
        this.valueCacheSize = b.valueCacheSize;
        this.quietPeriod = b.quietPeriod;
        this.debounce = b.debounce;
        this.pollInterval = b.pollInterval;
        this.forcePolling = b.forcePolling;
        this.listenerExecutor = b.listenerExecutor;
        this.layerProviders = List.copyOf(b.layerProviders);
        this.discoverLayerProviders = b.discoverLayerProviders;
        this.keyring = b.keyring;
        this.signatureKey = b.signatureKey;
        this.documentDecoders = List.copyOf(b.documentDecoders);
    }

    /** @return a builder holding the defaults (no directory yet) */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The defaults, as {@link #builder()}{@code .build()}: what {@code new ConfigLoader()} uses.
     *
     * @return the default options (the working directory; no manager can be built from them)
     */
    public static ConfigurationOptions defaults() {
        return DEFAULTS;
    }

    /** @return a builder holding these options */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.directory = directorySet ? directory : null;
        b.mergeOptions = mergeOptions;
        b.bindingKeyNaming = bindingKeyNaming;
        b.environmentLookup = environmentLookup;
        b.resolvers.putAll(resolvers);
        b.decoders.addAll(decoders);
        sources.forEach((p, list) -> b.sources.computeIfAbsent(p, k -> new ArrayList<>()).addAll(list));
        b.reloadTriggers.addAll(reloadTriggers);
        b.fileRoots.addAll(fileRoots);
        b.readTimeout = readTimeout;
        b.meterRegistry = meterRegistry;
        b.validator = validator;
        b.clock = clock;
        b.secretPolicy = secretPolicy;
        b.parseLimits = parseLimits;
        b.envPrefix = envPrefix;
        b.environment = environment;
        b.persistFile = persistFile;
        b.auditLog = auditLog;
        b.authorizationPolicy = authorizationPolicy;
        b.historySize = historySize;
        b.tenantCacheSize = tenantCacheSize;
        b.valueCacheSize = valueCacheSize;
        b.quietPeriod = quietPeriod;
        b.debounce = debounce;
        b.pollInterval = pollInterval;
        b.forcePolling = forcePolling;
        b.listenerExecutor = listenerExecutor;
        b.layerProviders.addAll(layerProviders);
        b.discoverLayerProviders = discoverLayerProviders;
        b.keyring = keyring;
        b.signatureKey = signatureKey;
        b.documentDecoders.addAll(documentDecoders);
        return b;
    }

    /**
     * @param validator the validator every candidate must pass
     * @return a copy of these options with the validator replaced
     * @throws NullPointerException if {@code validator} is {@code null}
     */
    public ConfigurationOptions withValidator(ConfigValidator validator) {
        return toBuilder().validator(validator).build();
    }

    /**
     * @return the configuration directory: {@code base.*}, {@code <env>.*}, {@code environments.yaml},
     *         {@code tenants/}; relative {@code ${file:...}} paths resolve from it. The working directory when
     *         none was set.
     */
    public Path directory() {
        return directory;
    }

    /** @return {@code true} when {@link Builder#directory(Path)} was called (a manager requires it) */
    public boolean hasDirectory() {
        return directorySet;
    }

    /** @return the merge options (list strategies) */
    public MergeOptions mergeOptions() {
        return mergeOptions;
    }

    /** @return how {@link Configuration#bind(String, Class) bind} matches keys to members */
    public KeyNaming bindingKeyNaming() {
        return bindingKeyNaming;
    }

    /**
     * @return the lookup for {@code ${NAME}}: the {@link Builder#environment(Map) injected variables}, the
     *         {@link Builder#environment(Function) injected function}, or else the process environment then
     *         system properties; never returns {@code null}
     */
    public Function<String, Optional<String>> environmentLookup() {
        if (environmentLookup != null) {
            return environmentLookup;
        }
        if (environment != null) {
            Map<String, String> vars = environment;
            return name -> Optional.ofNullable(vars.get(name));
        }
        return PROCESS_ENVIRONMENT;
    }

    /**
     * The process environment, then system properties. A class rather than a method reference: every load asks for
     * it, and a method reference is a class spun at run time, which a cold start pays for.
     */
    private static final class ProcessEnvironment implements Function<String, Optional<String>> {
        @Override
        public Optional<String> apply(String name) {
            return processEnvironment(name);
        }
    }

    /** @return the extra resolvers by prefix, in registration order, unmodifiable */
    public Map<String, ValueResolver> resolvers() {
        return resolvers;
    }

    /** @return the value decoders, in registration order (the first that accepts a scalar decodes it) */
    public List<ValueDecoder> decoders() {
        return decoders;
    }

    /**
     * @param placement a slot of the layer order
     * @return the sources added there, in registration order
     */
    public List<ConfigSource> sources(SourcePlacement placement) {
        return sources.get(Objects.requireNonNull(placement, "placement"));
    }

    /** @return the reload triggers added (not those offered by sources), in registration order */
    public List<ReloadTrigger> reloadTriggers() {
        return reloadTriggers;
    }

    /**
     * @return the directories {@code ${file:...}} may read below besides the {@link #directory() configuration
     *         directory}, in the order allowed; absolute and normalised. Never {@code /proc}, {@code /sys} or
     *         {@code /dev}, which file lookups refuse whatever is allowed.
     */
    public List<Path> fileRoots() {
        return fileRoots;
    }

    /**
     * @return the longest one read of a file may take (configuration files, {@code environments.yaml}, the
     *         persist file, {@code ${file:...}} targets); a read that takes longer fails with an error naming the
     *         file. Default 10 s.
     */
    public Duration readTimeout() {
        return readTimeout;
    }

    private static Optional<String> processEnvironment(String name) {
        String v = System.getenv(name);
        if (v == null) {
            v = System.getProperty(name);
        }
        return Optional.ofNullable(v);
    }

    /** @return where metrics go, when anywhere */
    public Optional<MeterRegistry> meterRegistry() {
        return Optional.ofNullable(meterRegistry);
    }

    /** @return the validator every candidate must pass */
    public ConfigValidator validator() {
        return validator;
    }

    /** @return the clock for snapshot, history and audit times */
    public Clock clock() {
        return clock;
    }

    /**
     * @return which paths are secret by name and declaration (the policy given to the builder, with the paths added
     *         by {@link Builder#addSecretPaths(String...)}); a configuration adds encrypted and marked values, see
     *         {@link Configuration#isSecret(String)}
     */
    public SecretPolicy secretPolicy() {
        return secretPolicy;
    }

    /** @return the bounds every parser enforces */
    public ParseLimits parseLimits() {
        return parseLimits;
    }

    /** @return the prefix of the environment-variable layer, when there is one */
    public Optional<String> envPrefix() {
        return Optional.ofNullable(envPrefix);
    }

    /**
     * @return the variables used for {@code ${NAME}} and the environment-variable layer instead of the process
     *         environment, when set (typical in tests)
     */
    public Optional<Map<String, String>> environment() {
        return Optional.ofNullable(environment);
    }

    /** @return the file runtime updates are persisted to and loaded from, when set */
    public Optional<Path> persistFile() {
        return Optional.ofNullable(persistFile);
    }

    /** @return the audit log file (JSON Lines), when set */
    public Optional<Path> auditLog() {
        return Optional.ofNullable(auditLog);
    }

    /** @return who may change what at run time */
    public AuthorizationPolicy authorizationPolicy() {
        return authorizationPolicy;
    }

    /** @return how many versions the history keeps */
    public int historySize() {
        return historySize;
    }

    /** @return how many tenant views are cached */
    public long tenantCacheSize() {
        return tenantCacheSize;
    }

    /** @return how many typed values and bound objects are cached */
    public long valueCacheSize() {
        return valueCacheSize;
    }

    /** @return how long a changed file must stay unchanged before it is read */
    public Duration quietPeriod() {
        return quietPeriod;
    }

    /** @return how long a burst of file events is collected into one reload */
    public Duration debounce() {
        return debounce;
    }

    /** @return how often files are polled when the watch service is not used */
    public Duration pollInterval() {
        return pollInterval;
    }

    /** @return {@code true} to poll even where the watch service works */
    public boolean forcePolling() {
        return forcePolling;
    }

    /** @return where listeners are called, when not the manager's own daemon thread */
    public Optional<Executor> listenerExecutor() {
        return Optional.ofNullable(listenerExecutor);
    }

    /** @return the layer providers, in registration order (their layers are ordered by {@link LayerProvider#position()}) */
    public List<LayerProvider> layerProviders() {
        return layerProviders;
    }

    /**
     * @return {@code true} (the default) when a manager, or a loader with a {@link Builder#directory(Path) directory},
     *         also uses the {@link LayerProvider}s listed for {@link java.util.ServiceLoader} (the profiles and overrides
     *         modules list theirs), except those of a class already {@link Builder#addLayerProvider added}
     */
    public boolean discoverLayerProviders() {
        return discoverLayerProviders;
    }

    /**
     * @return the keyring that decrypts {@code ENC[v1,...]} values, when set; without one, a loader or manager uses
     *         {@code CONFIG_ENCRYPTION_KEY} from {@link #environmentLookup()} when that is set
     */
    public Optional<Keyring> keyring() {
        return Optional.ofNullable(keyring);
    }

    /**
     * @return the Ed25519 public key the configuration directory's signature must verify with, when one is required
     */
    public Optional<PublicKey> requiredSignatureKey() {
        return Optional.ofNullable(signatureKey);
    }

    /** @return the whole-document decoders (SOPS files), in registration order */
    public List<DocumentDecoder> documentDecoders() {
        return documentDecoders;
    }

    @Override
    public String toString() {
        // The environment map is deliberately left out: it may hold secrets.
        return "ConfigurationOptions{directory=" + directory + ", envPrefix=" + envPrefix + ", persistFile="
                + persistFile + ", auditLog=" + auditLog + ", historySize=" + historySize + ", quietPeriod="
                + quietPeriod + ", debounce=" + debounce + ", pollInterval=" + pollInterval + ", forcePolling="
                + forcePolling + ", layerProviders=" + layerProviders.size() + ", resolvers=" + resolvers.keySet()
                + ", decoders=" + decoders.size() + ", sources=" + sources.values().stream().mapToInt(List::size).sum()
                + ", reloadTriggers=" + reloadTriggers.size() + ", fileRoots=" + fileRoots + ", readTimeout="
                + readTimeout
                + ", keyring=" + (keyring == null ? "none"
                : keyring.keyIds()) + ", requireSignature=" + (signatureKey != null) + ", documentDecoders="
                + documentDecoders.size() + "}";
    }

    /** Builds {@link ConfigurationOptions}. Not thread-safe; every {@link #build()} returns an independent value. */
    public static final class Builder {

        private Path directory;
        private MeterRegistry meterRegistry;
        private ConfigValidator validator = ConfigValidator.none();
        private Clock clock = Clock.systemUTC();
        private SecretPolicy secretPolicy = SecretPolicy.DEFAULT;
        private final List<String> secretPaths = new ArrayList<>();
        private ParseLimits parseLimits = ParseLimits.DEFAULTS;
        private String envPrefix;
        private Map<String, String> environment;
        private Path persistFile;
        private Path auditLog;
        private AuthorizationPolicy authorizationPolicy = AuthorizationPolicy.allowAll();
        private int historySize = 100;
        private long tenantCacheSize = 1_000;
        private long valueCacheSize = 10_000;
        private Duration quietPeriod = Duration.ofMillis(200);
        private Duration debounce = Duration.ofMillis(50);
        private Duration pollInterval = Duration.ofSeconds(1);
        private boolean forcePolling;
        private Executor listenerExecutor;
        private final List<LayerProvider> layerProviders = new ArrayList<>();
        private boolean discoverLayerProviders = true;
        private MergeOptions mergeOptions = MergeOptions.defaults();
        private KeyNaming bindingKeyNaming = KeyNaming.AS_WRITTEN;
        private Function<String, Optional<String>> environmentLookup;
        private final Map<String, ValueResolver> resolvers = new LinkedHashMap<>();
        private final List<ValueDecoder> decoders = new ArrayList<>();
        private final Map<SourcePlacement, List<ConfigSource>> sources = new EnumMap<>(SourcePlacement.class);
        private final List<ReloadTrigger> reloadTriggers = new ArrayList<>();
        private final List<Path> fileRoots = new ArrayList<>();
        private Duration readTimeout = Duration.ofSeconds(10);
        private Keyring keyring;
        private PublicKey signatureKey;
        private final List<DocumentDecoder> documentDecoders = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param directory the configuration directory (required by a manager; for a loader, where relative
         *                  {@code ${file:...}} paths resolve from)
         * @return this builder
         */
        public Builder directory(Path directory) {
            this.directory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * @param registry where to publish {@code lamina.config.*} metrics
         * @return this builder
         */
        public Builder meterRegistry(MeterRegistry registry) {
            this.meterRegistry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * @param validator the validator every candidate must pass before it is published
         * @return this builder
         */
        public Builder validator(ConfigValidator validator) {
            this.validator = Objects.requireNonNull(validator, "validator");
            return this;
        }

        /**
         * @param clock the clock for snapshot, history and audit times
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param policy which paths are secret (masked in events, history and audit)
         * @return this builder
         */
        public Builder secretPolicy(SecretPolicy policy) {
            this.secretPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Declares paths secret whatever their names, on top of the {@linkplain #secretPolicy(SecretPolicy) policy}
         * (in whichever order the two are called): the hook through which a schema's {@code writeOnly} fields or an
         * application's own knowledge reach every output. See {@link SecretPolicy#withPaths(String...)}.
         *
         * @param patterns config paths, {@code *} standing for one segment ({@code services.*.token})
         * @return this builder
         * @throws IllegalArgumentException if a pattern is not a valid path, or is the root
         */
        public Builder addSecretPaths(String... patterns) {
            SecretPolicy.none().withPaths(patterns); // validates now, so the error points at this call
            secretPaths.addAll(List.of(patterns));
            return this;
        }

        /**
         * @param limits the bounds every parser enforces
         * @return this builder
         */
        public Builder parseLimits(ParseLimits limits) {
            this.parseLimits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Adds a layer of environment variables with this prefix above the files and layer providers.
         *
         * @param prefix the prefix, for example {@code LAMINA_}; not blank
         * @return this builder
         * @throws IllegalArgumentException if the prefix is blank
         */
        public Builder envPrefix(String prefix) {
            Objects.requireNonNull(prefix, "prefix");
            if (prefix.isBlank()) {
                throw new IllegalArgumentException("envPrefix must not be blank");
            }
            this.envPrefix = prefix;
            return this;
        }

        /**
         * Uses these variables instead of the process environment, for {@code ${NAME}} and for the
         * environment-variable layer. Copied.
         *
         * @param variables the variables
         * @return this builder
         */
        public Builder environment(Map<String, String> variables) {
            this.environment = Map.copyOf(variables);
            this.environmentLookup = null;
            return this;
        }

        /**
         * Uses a function to look up {@code ${NAME}} (and {@link LayerContext#variable(String)}). It must be
         * thread-safe and must not return {@code null}. The environment-variable layer, which must list the
         * variables, keeps reading the process environment (or the map of {@link #environment(Map)}).
         *
         * @param lookup the lookup
         * @return this builder
         * @throws NullPointerException if {@code lookup} is {@code null}
         */
        public Builder environment(Function<String, Optional<String>> lookup) {
            this.environmentLookup = Objects.requireNonNull(lookup, "lookup");
            return this;
        }

        /**
         * Replaces all merge options, including list strategies declared earlier on this builder.
         *
         * @param options the merge options
         * @return this builder
         * @throws NullPointerException if {@code options} is {@code null}
         */
        public Builder mergeOptions(MergeOptions options) {
            this.mergeOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * Sets how {@link Configuration#bind(String, Class) bind} matches keys to the members of records and
         * classes: {@link KeyNaming#SNAKE_CASE} lets {@code request_timeout: 5s} bind to a component
         * {@code requestTimeout} without an annotation. Unknown keys stay errors. Default
         * {@link KeyNaming#AS_WRITTEN}.
         *
         * @param naming the naming
         * @return this builder
         * @throws NullPointerException if {@code naming} is {@code null}
         */
        public Builder bindingKeyNaming(KeyNaming naming) {
            this.bindingKeyNaming = Objects.requireNonNull(naming, "naming");
            return this;
        }

        /**
         * Declares the strategy for the list at a path.
         *
         * @param path     a config path; {@code *} segments match any key or index
         * @param strategy the strategy
         * @return this builder
         * @throws NullPointerException     if an argument is {@code null}
         * @throws IllegalArgumentException if the path is malformed
         */
        public Builder listStrategy(String path, ListMergeStrategy strategy) {
            this.mergeOptions = mergeOptions.withListStrategy(ConfigPath.parse(path), strategy);
            return this;
        }

        /**
         * Registers a resolver for {@code ${prefix:key}}.
         *
         * @param prefix   lower-case letters, digits, {@code -} or {@code _}, starting with a letter; not
         *                 {@code ref} or {@code file} (built in)
         * @param resolver the resolver
         * @return this builder
         * @throws NullPointerException     if an argument is {@code null}
         * @throws IllegalArgumentException if the prefix is malformed, built in or already registered
         */
        public Builder addResolver(String prefix, ValueResolver resolver) {
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(resolver, "resolver");
            if (!PREFIX.matcher(prefix).matches()) {
                throw new IllegalArgumentException("resolver prefix '" + prefix
                        + "' must be lower-case letters, digits, '-' or '_', starting with a letter");
            }
            if (prefix.equals("ref") || prefix.equals("file")) {
                throw new IllegalArgumentException("resolver prefix '" + prefix + "' is built in and cannot be replaced");
            }
            if (resolvers.containsKey(prefix)) {
                throw new IllegalArgumentException("a resolver for prefix '" + prefix + "' is already registered");
            }
            resolvers.put(prefix, resolver);
            return this;
        }

        /**
         * Registers a decoder of whole scalars (an encrypted envelope, …), tried after those added before.
         *
         * @param decoder the decoder
         * @return this builder
         * @throws NullPointerException if {@code decoder} is {@code null}
         */
        public Builder addDecoder(ValueDecoder decoder) {
            this.decoders.add(Objects.requireNonNull(decoder, "decoder"));
            return this;
        }

        /**
         * Adds a source above the files and the contributed layers, below environment variables (as
         * {@link SourcePlacement#ABOVE_FILES}). A manager reads it on every load and reload, outside its publish
         * lock, and starts the source's {@link ConfigSource#reloadTrigger() trigger} after the first load.
         *
         * @param source the source
         * @return this builder
         * @throws NullPointerException if {@code source} is {@code null}
         */
        public Builder addSource(ConfigSource source) {
            return addSource(source, SourcePlacement.ABOVE_FILES);
        }

        /**
         * Adds a source at a slot of the layer order (see {@code docs/merging.md}); sources of one slot apply in
         * registration order.
         *
         * @param source    the source
         * @param placement where its layers go
         * @return this builder
         * @throws NullPointerException if an argument is {@code null}
         */
        public Builder addSource(ConfigSource source, SourcePlacement placement) {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(placement, "placement");
            sources.computeIfAbsent(placement, p -> new ArrayList<>()).add(source);
            return this;
        }

        /**
         * Adds something that tells the manager when to reload; started after the first successful load, stopped
         * on {@link ConfigurationManager#disableHotReload()} and {@link ConfigurationManager#close()}.
         *
         * @param trigger the trigger
         * @return this builder
         * @throws NullPointerException if {@code trigger} is {@code null}
         */
        public Builder addReloadTrigger(ReloadTrigger trigger) {
            this.reloadTriggers.add(Objects.requireNonNull(trigger, "trigger"));
            return this;
        }

        /**
         * @param file where runtime updates are persisted (YAML for {@code .yaml}/{@code .yml}, else JSON), and
         *             loaded from when the manager is built
         * @return this builder
         */
        public Builder persistFile(Path file) {
            this.persistFile = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * @param file the audit log (JSON Lines, append-only); every applied or refused change is recorded there
         *             first, and a change whose record cannot be written is not applied
         * @return this builder
         */
        public Builder auditLog(Path file) {
            this.auditLog = Objects.requireNonNull(file, "file");
            return this;
        }

        /**
         * @param policy who may change what at run time
         * @return this builder
         */
        public Builder authorizationPolicy(AuthorizationPolicy policy) {
            this.authorizationPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * @param size how many versions the history keeps; at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code size < 1}
         */
        public Builder historySize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("historySize must be at least 1, got " + size);
            }
            this.historySize = size;
            return this;
        }

        /**
         * @param size how many tenant views are cached; at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code size < 1}
         */
        public Builder tenantCacheSize(long size) {
            if (size < 1) {
                throw new IllegalArgumentException("tenantCacheSize must be at least 1, got " + size);
            }
            this.tenantCacheSize = size;
            return this;
        }

        /**
         * @param size how many typed values and bound objects are cached; at least 1
         * @return this builder
         * @throws IllegalArgumentException if {@code size < 1}
         */
        public Builder valueCacheSize(long size) {
            if (size < 1) {
                throw new IllegalArgumentException("valueCacheSize must be at least 1, got " + size);
            }
            this.valueCacheSize = size;
            return this;
        }

        /**
         * @param period how long a changed file must keep the same size and modification time before it is read
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder quietPeriod(Duration period) {
            this.quietPeriod = nonNegative(period, "quietPeriod");
            return this;
        }

        /**
         * @param window how long a burst of file events is collected into one reload
         * @return this builder
         * @throws IllegalArgumentException if negative
         */
        public Builder debounce(Duration window) {
            this.debounce = nonNegative(window, "debounce");
            return this;
        }

        /**
         * @param interval how often to poll when polling; positive
         * @return this builder
         * @throws IllegalArgumentException if zero or negative
         */
        public Builder pollInterval(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.isZero() || interval.isNegative()) {
                throw new IllegalArgumentException("pollInterval must be positive, got " + interval);
            }
            this.pollInterval = interval;
            return this;
        }

        /**
         * @param polling {@code true} to poll even where the platform's watch service works (network file
         *                systems, some containers)
         * @return this builder
         */
        public Builder forcePolling(boolean polling) {
            this.forcePolling = polling;
            return this;
        }

        /**
         * @param executor where listeners are called; events keep their order only if it runs tasks in order
         * @return this builder
         */
        public Builder listenerExecutor(Executor executor) {
            this.listenerExecutor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * @param provider a provider whose layers go above the environment's files, ordered among providers by
         *                 its {@link LayerProvider#position()}
         * @return this builder
         */
        public Builder addLayerProvider(LayerProvider provider) {
            this.layerProviders.add(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /**
         * Whether to use the layer providers listed for {@link java.util.ServiceLoader} as well: on by default, so that
         * adding {@code config-profiles} or {@code config-overrides} to the class path is enough for
         * {@code CONFIG_PROFILE}, {@code CONFIG_REGION}, {@code CONFIG_OVERRIDE_TYPE} and {@code environments.yaml}'s
         * {@code profiles:}, {@code region:} and {@code overrides:} to take effect. A discovered provider is skipped
         * when one of the same class was added explicitly.
         *
         * @param discover {@code false} to use only the providers added
         * @return this builder
         */
        public Builder discoverLayerProviders(boolean discover) {
            this.discoverLayerProviders = discover;
            return this;
        }

        /**
         * @param providers the providers, replacing any added before
         * @return this builder
         */
        public Builder layerProviders(List<LayerProvider> providers) {
            this.layerProviders.clear();
            providers.forEach(this::addLayerProvider);
            return this;
        }

        /**
         * Lets {@code ${file:...}} read regular files below {@code root} too (by default it reads only below the
         * configuration directory). Typical roots hold mounted secrets: {@code /run/secrets},
         * {@code /var/run/secrets/kubernetes.io}. The root's real path counts (symbolic links resolved when a
         * lookup runs), and a file counts as below it only when its own real path is, so a link inside a root that
         * points outside it is refused.
         *
         * @param root an absolute directory; it need not exist yet
         * @return this builder
         * @throws NullPointerException     if {@code root} is {@code null}
         * @throws IllegalArgumentException if {@code root} is relative, or is or lies below {@code /proc},
         *                                  {@code /sys} or {@code /dev} (never readable through file lookups)
         */
        public Builder allowFileRoot(Path root) {
            Objects.requireNonNull(root, "root");
            if (!root.isAbsolute()) {
                throw new IllegalArgumentException("a file root must be an absolute path, got " + root);
            }
            Path normal = root.normalize();
            for (String denied : List.of("/proc", "/sys", "/dev")) {
                if (normal.startsWith(Path.of(denied))) {
                    throw new IllegalArgumentException("file lookups never read below " + denied
                            + " (process, kernel and device state, not configuration); cannot allow " + root);
                }
            }
            if (!fileRoots.contains(normal)) {
                fileRoots.add(normal);
            }
            return this;
        }

        /**
         * Decrypts {@code ENC[v1,AES256_GCM,...]} values with these keys while loading (the config path is the
         * authenticated data; decrypted values are secret). Without a keyring, {@code CONFIG_ENCRYPTION_KEY} is used
         * when set; with neither, envelopes stay as written (masked) and a warning names their paths.
         *
         * @param keyring the keys
         * @return this builder
         * @throws NullPointerException if {@code keyring} is {@code null}
         */
        public Builder keyring(Keyring keyring) {
            this.keyring = Objects.requireNonNull(keyring, "keyring");
            return this;
        }

        /**
         * @param timeout the longest the reads of one load's configuration files may take together (they are
         *                made in one hand-over to a helper thread), and one {@code ${file:}} or provider read;
         *                positive. A file that blocks (a FIFO that slipped past the regular-file check, a stalled
         *                network file system) fails after it instead of hanging the load or the reload thread.
         * @return this builder
         * @throws IllegalArgumentException if zero or negative
         */
        public Builder readTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("readTimeout must be positive, got " + timeout);
            }
            this.readTimeout = timeout;
            return this;
        }

        /**
         * Requires the configuration directory to carry a valid signature ({@link BundleSignature}) made with the
         * private key of this Ed25519 public key. Checked before any file is parsed, on every load and reload; a
         * refused reload keeps the last good snapshot.
         *
         * @param publicKey the Ed25519 public key
         * @return this builder
         * @throws IllegalArgumentException if the key is not an Ed25519 key
         */
        public Builder requireSignature(PublicKey publicKey) {
            Objects.requireNonNull(publicKey, "publicKey");
            if (!BundleSignature.isEd25519(publicKey)) {
                throw new IllegalArgumentException("requireSignature needs an Ed25519 public key, got "
                        + publicKey.getAlgorithm());
            }
            this.signatureKey = publicKey;
            return this;
        }

        /**
         * Registers a whole-document decoder (SOPS files), tried after those added before.
         *
         * @param decoder the decoder
         * @return this builder
         * @throws NullPointerException if {@code decoder} is {@code null}
         */
        public Builder addDocumentDecoder(DocumentDecoder decoder) {
            this.documentDecoders.add(Objects.requireNonNull(decoder, "decoder"));
            return this;
        }

        /** @return the options (a manager also requires a {@link #directory(Path) directory}) */
        public ConfigurationOptions build() {
            return new ConfigurationOptions(this);
        }

        private static Duration nonNegative(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, got " + d);
            }
            return d;
        }
    }
}
