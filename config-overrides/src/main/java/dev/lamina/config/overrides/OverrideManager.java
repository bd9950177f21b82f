package dev.lamina.config.overrides;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;

import dev.lamina.config.CacheStatistics;
import dev.lamina.config.ConfigLoader;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigSources;
import dev.lamina.config.Configuration;
import dev.lamina.config.ConfigurationOptions;
import dev.lamina.config.Layer;
import dev.lamina.config.Origin;
import dev.lamina.config.overrides.internal.Conditions;
import dev.lamina.config.overrides.internal.MetadataReader;
import dev.lamina.config.overrides.internal.OverrideCatalog;

/**
 * The override files of a directory, for use outside a manager (tools, tests, the product's {@code OverrideManager}).
 * A service puts overrides into its layer order with {@link OverrideLayerProvider} instead.
 *
 * <pre>{@code
 * OverrideManager overrides = new OverrideManager(Path.of("config/overrides"));
 * Configuration cfg = overrides.loadWithValidation("docker");          // docker and what it depends on
 * Configuration merged = overrides.mergeConfigurations(List.of(a, b, c)); // later wins
 * boolean applies = overrides.evaluateConditions(metadata, context);
 * DatabaseConfig db = overrides.getDatabaseConfig(cfg);
 * }</pre>
 *
 * <p>Loaded overrides are kept in a Caffeine cache keyed by name and by the size and modification time of every file
 * involved, so an edited file is read again; {@link #clearCache()} empties it and {@link #getCacheStats()} reports it.
 * Thread-safe.
 */
public final class OverrideManager {

    /**
     * How an {@code OverrideManager} loads and caches (the product's {@code enable_cache}, {@code cache_ttl}).
     *
     * @param enableCache  whether loaded overrides are cached
     * @param cacheTtl     how long an entry lives after it was loaded; positive
     * @param maximumSize  how many loaded overrides are kept at most; at least 1
     * @param loading      parse limits, variables for {@code ${VAR:-default}}, merge options
     */
    public record Settings(boolean enableCache, Duration cacheTtl, long maximumSize, ConfigurationOptions loading) {

        /**
         * Checks the components.
         *
         * @throws IllegalArgumentException if the TTL is not positive or the size is below 1
         */
        public Settings {
            Objects.requireNonNull(cacheTtl, "cacheTtl");
            Objects.requireNonNull(loading, "loading");
            if (cacheTtl.isZero() || cacheTtl.isNegative()) {
                throw new IllegalArgumentException("cacheTtl must be positive, got " + cacheTtl);
            }
            if (maximumSize < 1) {
                throw new IllegalArgumentException("maximumSize must be at least 1, got " + maximumSize);
            }
        }

        /** @return caching on, 5 minutes, 100 entries, the default loading options */
        public static Settings defaults() {
            return new Settings(true, Duration.ofMinutes(5), 100, ConfigurationOptions.defaults());
        }

        /**
         * @param enable whether to cache
         * @return a copy
         */
        public Settings withCache(boolean enable) {
            return new Settings(enable, cacheTtl, maximumSize, loading);
        }

        /**
         * @param ttl how long entries live
         * @return a copy
         */
        public Settings withCacheTtl(Duration ttl) {
            return new Settings(enableCache, ttl, maximumSize, loading);
        }

        /**
         * @param options the loading options (variables, limits)
         * @return a copy
         */
        public Settings withLoading(ConfigurationOptions options) {
            return new Settings(enableCache, cacheTtl, maximumSize, options);
        }
    }

    private record Key(String name, List<String> fingerprint) {
    }

    private final Path directory;
    private final Settings settings;
    private final Cache<Key, Configuration> cache;

    /** @param directory the overrides directory ({@code config/overrides}) */
    public OverrideManager(Path directory) {
        this(directory, Settings.defaults());
    }

    /**
     * @param directory the overrides directory
     * @param settings  caching and loading
     */
    public OverrideManager(Path directory, Settings settings) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.cache = Caffeine.newBuilder().expireAfterWrite(settings.cacheTtl())
                .maximumSize(settings.maximumSize()).recordStats().build();
    }

    private OverrideCatalog catalog() {
        return new OverrideCatalog(directory, this::list,
                file -> ConfigSources.file(file).read(settings.loading().parseLimits()).get(0).root());
    }

    private List<Path> list(Path dir) {
        List<Path> out = new ArrayList<>();
        try (var entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                if (Files.isRegularFile(p) && dev.lamina.config.Format.fromFileName(p.getFileName().toString()).isPresent()) {
                    out.add(p);
                }
            }
        } catch (java.nio.file.NoSuchFileException | java.nio.file.NotDirectoryException e) {
            return List.of();
        } catch (IOException e) {
            throw new dev.lamina.config.ConfigSourceException(Origin.of(dir.toString()), null,
                    "cannot list the directory (" + e.getClass().getSimpleName() + ")", e);
        }
        out.sort(null);
        return out;
    }

    /** @return the names of the override files in the directory, sorted */
    public List<String> names() {
        return List.copyOf(catalog().files().keySet());
    }

    /**
     * Reads one override file and checks its metadata (the product's {@code load_override_file}).
     *
     * @param file the file
     * @return the file's name, metadata and layer
     * @throws dev.lamina.config.ConfigException if it cannot be read or its metadata is malformed (file:line:column)
     */
    public OverrideFile loadOverrideFile(Path file) {
        Objects.requireNonNull(file, "file");
        OverrideCatalog single = new OverrideCatalog(file.toAbsolutePath().getParent(), d -> List.of(file),
                f -> ConfigSources.file(f).read(settings.loading().parseLimits()).get(0).root());
        String name = file.getFileName().toString();
        return single.load(name.substring(0, name.lastIndexOf('.')), Origin.of(file.toString()));
    }

    /**
     * Checks an override's {@code _metadata} block (the product's {@code validate_override}).
     *
     * @param data a parsed override file
     * @return its metadata
     * @throws dev.lamina.config.ConfigException if the block is malformed (file:line:column)
     */
    public OverrideMetadata validateOverride(ConfigObject data) {
        return MetadataReader.read(Objects.requireNonNull(data, "data")).metadata();
    }

    /**
     * Loads an override and what it {@code depends_on} (dependencies first), with every file's metadata checked, and
     * resolves {@code ${VAR:-default}} (the product's {@code load_with_validation}). Conditions are not tested here:
     * they depend on the load ({@link #evaluateConditions}).
     *
     * @param overrideType the override's name ({@code docker})
     * @return the merged configuration of the override and its dependencies
     * @throws dev.lamina.config.ConfigException if the name is unknown, a file is malformed, or a dependency cycles
     */
    public Configuration loadWithValidation(String overrideType) {
        Objects.requireNonNull(overrideType, "overrideType");
        if (!settings.enableCache()) {
            return load(overrideType);
        }
        Key key = new Key(OverrideCatalog.canonical(overrideType), fingerprint());
        return cache.get(key, k -> load(overrideType));
    }

    private Configuration load(String overrideType) {
        List<Layer> layers = catalog().withDependencies(overrideType, Origin.of("override name")).stream()
                .map(OverrideFile::layer).toList();
        return new ConfigLoader(settings.loading()).fromLayers(layers);
    }

    private List<String> fingerprint() {
        List<String> out = new ArrayList<>();
        for (Path p : list(directory)) {
            try {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                out.add(p.getFileName() + ":" + a.size() + ":" + a.lastModifiedTime().toMillis());
            } catch (IOException e) {
                out.add(p.getFileName() + ":unreadable");
            }
        }
        return out;
    }

    /**
     * Merges configurations, later ones winning (the product's {@code merge_configurations}); every value keeps its
     * origin, so {@code explain} on the result still names the file.
     *
     * @param configs the configurations, lowest precedence first
     * @return the merged configuration
     */
    public Configuration mergeConfigurations(List<Configuration> configs) {
        List<Layer> layers = new ArrayList<>();
        configs.forEach(c -> layers.addAll(c.layers()));
        return new ConfigLoader(settings.loading()).fromLayers(layers);
    }

    /**
     * @param metadata an override's metadata
     * @param context  the environment, variables and configuration below
     * @return {@code true} when every condition holds (the product's {@code evaluate_conditions})
     */
    public boolean evaluateConditions(OverrideMetadata metadata, ConditionContext context) {
        return explainConditions(metadata, context).applies();
    }

    /**
     * @param metadata an override's metadata
     * @param context  the environment, variables and configuration below
     * @return whether the conditions hold and, if not, one reason per failing condition
     */
    public ConditionResult explainConditions(OverrideMetadata metadata, ConditionContext context) {
        return Conditions.evaluate(metadata.conditions(), context);
    }

    /**
     * Every override file with whether a selection picks it and whether it applies (what
     * {@code configctl overrides list} prints).
     *
     * @param selected the names selected
     * @param context  what conditions are tested against
     * @return one status per file, sorted by name
     * @throws dev.lamina.config.ConfigException if a selected name is unknown or a file is malformed
     */
    public List<OverrideStatus> statuses(List<String> selected, ConditionContext context) {
        List<OverrideCatalog.Selected> named = selected.stream()
                .map(n -> new OverrideCatalog.Selected(n, Origin.of("override selection"))).toList();
        return catalog().plan(named, () -> context).statuses();
    }

    /**
     * @param config a configuration with a {@code database} section
     * @return the section, typed
     * @throws dev.lamina.config.ConfigMissingException if {@code database.host} or {@code database.port} is absent
     * @throws dev.lamina.config.ConfigTypeException    if a value has the wrong type
     */
    public DatabaseConfig getDatabaseConfig(Configuration config) {
        return new DatabaseConfig(config.getString("database.host"), config.getInt("database.port"),
                config.getOptionalString("database.name"), config.getOptionalString("database.user"),
                new DatabaseConfig.Pool(config.getOptionalInt("database.pool.min_size").orElse(10),
                        config.getOptionalInt("database.pool.max_size").orElse(100),
                        config.getOptionalDuration("database.pool.timeout").orElse(Duration.ofSeconds(30)),
                        config.getOptionalDuration("database.pool.recycle_timeout").orElse(Duration.ofSeconds(3600))));
    }

    /**
     * @param config a configuration
     * @return its {@code api} section, typed (defaults for absent keys)
     */
    public ApiConfig getApiConfig(Configuration config) {
        return new ApiConfig(config.getOptionalString("api.host").orElse("0.0.0.0"),
                config.getOptionalInt("api.port").orElse(8000), config.getOptionalInt("api.workers").orElse(4),
                config.getOptionalDuration("api.timeout").orElse(Duration.ofSeconds(30)));
    }

    /**
     * @param config a configuration
     * @return its {@code security} section, typed (defaults for absent keys)
     */
    public SecurityConfig getSecurityConfig(Configuration config) {
        return new SecurityConfig(config.getOptionalInt("security.jwt_access_token_expire_minutes").orElse(30),
                config.getOptionalInt("security.rate_limit_requests").orElse(1000),
                config.getOptionalInt("security.max_login_attempts").orElse(5),
                config.getOptionalBoolean("security.tls_enabled").orElse(true));
    }

    /**
     * @param config a configuration
     * @return its {@code ml} section, typed (defaults for absent keys)
     */
    public MlConfig getMlConfig(Configuration config) {
        return new MlConfig(config.getOptionalString("ml.serving_url"), config.getOptionalString("ml.model_version"),
                config.getOptionalInt("ml.batch_size").orElse(32),
                config.getOptionalDuration("ml.timeout").orElse(Duration.ofSeconds(5)));
    }

    /** Empties the cache of loaded overrides (the product's {@code clear_cache}); statistics are kept. */
    public void clearCache() {
        cache.invalidateAll();
    }

    /** @return hits, misses and evictions of the cache of loaded overrides (the product's {@code get_cache_stats}) */
    public CacheStatistics getCacheStats() {
        CacheStats s = cache.stats();
        return new CacheStatistics(s.hitCount(), s.missCount(), s.evictionCount());
    }

    /** @return the overrides directory */
    public Path directory() {
        return directory;
    }

    /** @return the settings */
    public Settings settings() {
        return settings;
    }

    /** @return the number of cached loaded overrides (approximate, as Caffeine counts) */
    public long cacheSize() {
        return cache.estimatedSize();
    }

    @Override
    public String toString() {
        return "OverrideManager[" + directory + ", cache " + (settings.enableCache() ? "on" : "off") + "]";
    }
}
