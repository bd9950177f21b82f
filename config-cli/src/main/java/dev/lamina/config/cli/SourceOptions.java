package dev.lamina.config.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.lamina.config.ConfigChangeListener;
import dev.lamina.config.ConfigRenderer;
import dev.lamina.config.ConfigWarningEvent;
import dev.lamina.config.Configuration;
import dev.lamina.config.ConfigDirectories;
import dev.lamina.config.ConfigurationManager;
import dev.lamina.config.ConfigurationOptions;
import dev.lamina.config.SecretPolicy;
import dev.lamina.config.overrides.OverrideLayerProvider;
import dev.lamina.config.profiles.ProfileLayerProvider;
import dev.lamina.config.profiles.RegionLayerProvider;
import dev.lamina.config.etcd.EtcdLayout;
import dev.lamina.config.etcd.EtcdOptions;
import dev.lamina.config.etcd.EtcdSource;
import dev.lamina.config.etcd.EtcdTls;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options every command that loads a configuration shares ({@code --dir}, {@code --env},
 * {@code --env-prefix}, {@code --secret-pattern}, {@code --allow-file-root}, {@code --read-timeout}, {@code --profile},
 * {@code --region}, {@code --override}; {@code --dir} and {@code --env} default to the product's
 * {@code CONFIG_PATH} and {@code CONFIG_ENVIRONMENT} variables), and the one way the CLI loads: through
 * {@link ConfigurationManager#loadEnvironmentConfig(String)}, so a command shows exactly what a service gets
 * ({@code base.*}, the ancestors declared in {@code environments.yaml}, {@code <env>.*}, then, with
 * {@code --env-prefix}, environment variables). With {@code --etcd} and {@code --prefix}, the keys under the prefix
 * are a layer above the files (a service's {@code EtcdSource}); without a directory, etcd alone is read.
 *
 * <p>A command adds it with {@code @Mixin SourceOptions source;} and calls {@link #load()}.
 */
public final class SourceOptions {

    private static final Pattern ENV_PREFIX = Pattern.compile("[A-Z][A-Z0-9_]*");

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    /** The variables the product documents for the directory and the environment (PRODUCT.md). */
    static final String CONFIG_PATH = "CONFIG_PATH";
    static final String CONFIG_ENVIRONMENT = "CONFIG_ENVIRONMENT";

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Configuration directory holding base.* and <env>.* files (default: $CONFIG_PATH).")
    private Path directory;

    /** Every {@code --env} given: {@code diff} takes two, every other command one (picocli refuses a second). */
    private final List<String> environments = new java.util.ArrayList<>();

    /**
     * A single-valued option on a setter rather than a list field, so that the synopsis reads {@code [--env=ENV]}
     * and a second {@code --env} is a usage error; only {@code diff} allows it to repeat (see {@link ConfigCtl}).
     *
     * @param environment one {@code --env} value
     */
    @Option(names = "--env", paramLabel = "ENV",
            description = "Environment to load, e.g. development, staging, production "
                    + "(default: $CONFIG_ENVIRONMENT).")
    void addEnvironment(String environment) {
        environments.add(environment);
    }

    @Option(names = "--env-prefix", paramLabel = "PREFIX",
            description = "Also read environment variables with this prefix as the highest layer "
                    + "(PREFIX_SERVER_PORT -> server.port).")
    private String envPrefix;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Activate a deployment or user profile (repeatable, applied in order, after "
                    + "environments.yaml's profiles and $CONFIG_PROFILE): high-volume, low-latency, high-accuracy, "
                    + "cost-optimized, or profiles/NAME.* in DIR.")
    private List<String> profiles;

    @Option(names = "--region", paramLabel = "CODE",
            description = "Apply a geographic profile (EU, US, UK, BR, JP, KR, or regions/CODE.* in DIR) above the "
                    + "profiles; wins over $CONFIG_REGION and environments.yaml's region.")
    private String region;

    @Option(names = "--override", paramLabel = "NAME",
            description = "Select an override file overrides/NAME.* in DIR (repeatable; besides environments.yaml's "
                    + "overrides and $CONFIG_OVERRIDE_TYPE). Applied by priority when its conditions hold.")
    private List<String> overrides;

    @Option(names = "--etcd", paramLabel = "ENDPOINTS",
            description = "Also read etcd v3 (comma-separated client URLs, e.g. http://127.0.0.1:2379) under --prefix, "
                    + "above the files and below environment variables. Without --dir and $CONFIG_PATH, etcd alone.")
    private String etcd;

    @Option(names = "--prefix", paramLabel = "PREFIX",
            description = "The etcd key prefix, e.g. /lamina/checkout/production/ (with --etcd).")
    private String etcdPrefix;

    @Option(names = "--etcd-layout", paramLabel = "LAYOUT", defaultValue = "tree",
            description = "tree (one key per value: <prefix>server/port) or documents (one YAML/JSON/... document "
                    + "per key) (default: ${DEFAULT-VALUE}).")
    private String etcdLayout;

    @Option(names = "--etcd-user", paramLabel = "USER",
            description = "etcd user; the password is read from $" + ETCD_PASSWORD + ", never from the command line.")
    private String etcdUser;

    @Option(names = "--etcd-trust-store", paramLabel = "FILE",
            description = "PKCS#12 or JKS trust store for https endpoints; its password, if any, from $"
                    + ETCD_TRUST_STORE_PASSWORD + ".")
    private Path etcdTrustStore;

    /** Where the etcd password comes from: an option's value would be visible in {@code ps} and shell history. */
    static final String ETCD_PASSWORD = "LAMINA_ETCD_PASSWORD";
    static final String ETCD_TRUST_STORE_PASSWORD = "LAMINA_ETCD_TRUST_STORE_PASSWORD";

    /** The environment used when only etcd is read (no directory): the scratch directory holds an empty one. */
    static final String ETCD_ONLY_ENVIRONMENT = "etcd";

    private Path scratch;
    private EtcdSource etcdSource;

    @Option(names = "--secret-pattern", paramLabel = "REGEX",
            description = "More keys to treat as secret (case-insensitive regex matched against each key), "
                    + "in addition to the built-in ones (see docs/secrets.md).")
    private String secretPattern;

    @Option(names = "--allow-file-root", paramLabel = "DIR",
            description = "Let $${file:...} also read regular files below DIR (repeatable). By default it reads only "
                    + "below --dir; /proc, /sys and /dev are never read.")
    private List<Path> fileRoots;

    @Option(names = "--read-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Fail a file read that takes longer than this, e.g. 2s (default: 10s).")
    private java.time.Duration readTimeout;

    @Option(names = "--key-file", paramLabel = "FILE",
            description = "Key file that decrypts ENC[v1,...] values (mode 600; default: $CONFIG_ENCRYPTION_KEY). "
                    + "Decrypted values stay masked; only 'configctl decrypt' prints one.")
    private Path keyFile;

    @Option(names = "--require-signature", paramLabel = "PUBLIC_KEY",
            description = "Ed25519 public key (PEM) the directory's .lamina-signature must verify with; "
                    + "checked before any file is read.")
    private Path signatureKey;

    /** Set by {@code validate --schema}: its secret paths count besides the directory's conventional schema's. */
    private Path schemaForSecrets;

    /**
     * @return the configuration directory: {@code --dir}, else {@code $CONFIG_PATH}
     * @throws ParameterException if neither is given
     */
    public Path directory() {
        if (directory == null && etcd != null && isBlank(environmentVariables().get(CONFIG_PATH))) {
            return scratchDirectory();
        }
        return directory != null ? directory : Path.of(required("--dir=DIR", CONFIG_PATH));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * With {@code --etcd} and no directory: an empty directory holding an empty file for the environment, so the
     * manager loads etcd alone (removed when the JVM exits).
     */
    private Path scratchDirectory() {
        if (scratch == null) {
            try {
                Path dir = Files.createTempDirectory("configctl-etcd");
                Path env = dir.resolve(environment() + ".yaml");
                Files.writeString(env, "");
                dir.toFile().deleteOnExit();
                env.toFile().deleteOnExit();
                scratch = dir;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a scratch directory for --etcd", e);
            }
        }
        return scratch;
    }

    /**
     * @return the etcd options of {@code --etcd}, {@code --prefix}, {@code --etcd-layout}, {@code --etcd-user} and
     *         {@code --etcd-trust-store}, or empty without {@code --etcd}
     * @throws ParameterException if they are incomplete or malformed
     */
    public Optional<EtcdOptions> etcdOptions() {
        if (etcd == null) {
            if (etcdPrefix != null) {
                throw new ParameterException(spec.commandLine(), "Option '--prefix' needs '--etcd=ENDPOINTS'");
            }
            return Optional.empty();
        }
        if (etcdPrefix == null || etcdPrefix.isBlank()) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--prefix=PREFIX' (with --etcd)");
        }
        EtcdLayout layout = switch (etcdLayout.toLowerCase(java.util.Locale.ROOT)) {
            case "tree" -> EtcdLayout.TREE;
            case "documents" -> EtcdLayout.DOCUMENTS;
            default -> throw new ParameterException(spec.commandLine(), "Invalid value for option '--etcd-layout': '"
                    + etcdLayout + "' (tree or documents)");
        };
        try {
            EtcdOptions.Builder b = EtcdOptions.builder().endpoints(etcd).prefix(etcdPrefix).layout(layout);
            if (etcdUser != null) {
                String pw = environmentVariables().get(ETCD_PASSWORD);
                if (pw == null) {
                    throw new ParameterException(spec.commandLine(), "Option '--etcd-user' needs the password in $"
                            + ETCD_PASSWORD);
                }
                b.auth(etcdUser, pw.toCharArray());
            }
            if (etcdTrustStore != null) {
                String pw = environmentVariables().get(ETCD_TRUST_STORE_PASSWORD);
                b.tls(EtcdTls.trusting(etcdTrustStore, pw == null ? null : pw.toCharArray()));
            }
            return Optional.of(b.build());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ParameterException(spec.commandLine(), "Invalid etcd options: " + e.getMessage());
        }
    }

    /** @return the etcd source of these options (one per command run), or empty without {@code --etcd} */
    public Optional<EtcdSource> etcdSource() {
        if (etcdSource == null) {
            etcdOptions().ifPresent(o -> etcdSource = EtcdSource.create(o));
        }
        return Optional.ofNullable(etcdSource);
    }

    /**
     * @return the environment: {@code --env}, else {@code $CONFIG_ENVIRONMENT}
     * @throws ParameterException if neither is given, or {@code --env} is given more than once
     */
    public String environment() {
        List<String> envs = environments();
        if (envs.size() > 1) {
            throw new ParameterException(spec.commandLine(), "Option '--env' should be specified only once");
        }
        return envs.get(0);
    }

    /**
     * @return every {@code --env} in the order given, else {@code $CONFIG_ENVIRONMENT} alone; never empty
     * @throws ParameterException if neither is given
     */
    public List<String> environments() {
        if ((environments == null || environments.isEmpty()) && etcd != null && directory == null
                && isBlank(environmentVariables().get(CONFIG_PATH))
                && isBlank(environmentVariables().get(CONFIG_ENVIRONMENT))) {
            return List.of(ETCD_ONLY_ENVIRONMENT);
        }
        List<String> names = environments != null && !environments.isEmpty() ? List.copyOf(environments)
                : List.of(required("--env=ENV", CONFIG_ENVIRONMENT));
        for (String name : names) {
            checkEnvironment(name);
        }
        return names;
    }

    private String required(String option, String variable) {
        String value = environmentVariables().get(variable);
        if (value == null || value.isBlank()) {
            throw new ParameterException(spec.commandLine(),
                    "Missing required option: '" + option + "' (or set " + variable + ")");
        }
        return value;
    }

    /** @return the {@code --env-prefix}, when given */
    public Optional<String> envPrefix() {
        return Optional.ofNullable(envPrefix);
    }

    /**
     * How to render for these options: the {@code --env-prefix}, when given, also names {@code --format env}
     * variables, so that rendered names read back through the same prefix.
     *
     * @param showOrigins whether to write origins
     * @return the render options
     */
    public ConfigRenderer.Options renderOptions(boolean showOrigins) {
        ConfigRenderer.Options options = ConfigRenderer.Options.defaults().withOrigins(showOrigins);
        return envPrefix == null ? options : options.withEnvPrefix(envPrefix);
    }

    /**
     * The secret policy: the built-in pattern, plus {@code --secret-pattern} when given. The CLI can add
     * secrets but never un-mask the built-in ones.
     *
     * @return the policy
     * @throws ParameterException if the pattern is not a valid regular expression
     */
    public SecretPolicy secretPolicy() {
        if (secretPattern == null) {
            return SecretPolicy.DEFAULT;
        }
        try {
            return SecretPolicy.DEFAULT.withNames(secretPattern);
        } catch (PatternSyntaxException e) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--secret-pattern': not a regular expression (" + e.getDescription() + ")");
        }
    }

    /**
     * Loads the configuration the options describe, as a service's {@code ConfigurationManager} would.
     *
     * @return the merged, interpolated configuration
     * @throws ParameterException               if an option is malformed
     * @throws dev.lamina.config.ConfigException if the configuration cannot be read or is invalid
     */
    public Configuration load() {
        return load(directory(), environment());
    }

    /**
     * Loads one environment of one directory with these options' prefix, secret pattern and variables (what
     * {@code diff} needs twice).
     *
     * @param directory   the configuration directory
     * @param environment the environment
     * @return the merged, interpolated configuration
     * @throws ParameterException               if an option or the environment name is malformed
     * @throws dev.lamina.config.ConfigException if the configuration cannot be read or is invalid
     */
    public Configuration load(Path directory, String environment) {
        checkEnvironment(environment);
        warnAboutUnreadFiles(directory, environment);
        // No hot reload: the manager reads once and its (idle) listener thread ends with close().
        List<ConfigWarningEvent> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        Configuration loaded;
        try (ConfigurationManager manager = new ConfigurationManager(managerOptions(directory).build())) {
            manager.addChangeListener(new ConfigChangeListener() {
                @Override
                public void onChange(dev.lamina.config.ConfigChangeEvent event) {
                }

                @Override
                public void onWarning(ConfigWarningEvent event) {
                    warnings.add(event);
                }
            });
            loaded = manager.loadEnvironmentConfig(environment);
        } finally {
            closeEtcd();
        }
        // After close(), which delivers the queued events: a skipped override is said, not only shown by explain.
        warnings.forEach(w -> spec.commandLine().getErr().println("configctl: warning: " + w.message()));
        spec.commandLine().getErr().flush();
        return loaded;
    }

    /**
     * Loads the files only, without {@code --etcd} (what {@code push} sends), with the same secrets options as
     * every load: {@code --key-file}, {@code --require-signature}, the schema's secret paths.
     *
     * @param sopsDecoder decodes (or, for a push that would send decrypted values, refuses) SOPS files
     * @return the configuration of {@code --dir} and {@code --env}
     */
    public Configuration loadFiles(dev.lamina.config.DocumentDecoder sopsDecoder) {
        Path dir = directory != null ? directory : Path.of(required("--dir=DIR", CONFIG_PATH));
        String env = environments != null && !environments.isEmpty() ? environment()
                : required("--env=ENV", CONFIG_ENVIRONMENT);
        checkEnvironment(env);
        warnAboutUnreadFiles(dir, env);
        checkEnvPrefix();
        ConfigurationOptions.Builder b = ConfigurationOptions.builder().directory(dir).secretPolicy(secretPolicy())
                .environment(environmentVariables());
        envPrefix().ifPresent(b::envPrefix);
        addSecrets(b, dir, sopsDecoder);
        try (ConfigurationManager manager = new ConfigurationManager(b.build())) {
            return manager.loadEnvironmentConfig(env);
        }
    }

    /** Stops the etcd source's watch, if one was made. */
    public void closeEtcd() {
        if (etcdSource != null) {
            etcdSource.close();
            etcdSource = null;
        }
    }

    /**
     * Prints one warning line on stderr for each file of the environment that no source reads ({@code base.ini}):
     * loading skips it, and a user who put it there should not have to guess why its keys are missing.
     *
     * @param directory   the configuration directory
     * @param environment the environment, already checked
     */
    void warnAboutUnreadFiles(Path directory, String environment) {
        for (Path p : dev.lamina.config.ConfigDirectories.unreadFiles(directory, environment)) {
            String name = p.getFileName().toString();
            spec.commandLine().getErr().println("configctl: warning: not reading " + p + ": no Lamina source reads ."
                    + name.substring(name.lastIndexOf('.') + 1) + " files (use .yaml, .yml, .json, .toml, .xml, "
                    + ".properties or .env; 'configctl migrate' converts .ini)");
        }
        spec.commandLine().getErr().flush();
    }

    /**
     * The manager's options for these command-line options: the directory, the secret policy, {@code --env-prefix}
     * and the variables for {@code ${NAME}} (the process's, or the ones a test injected through
     * {@link ConfigCtl#commandLine(java.io.PrintWriter, java.io.PrintWriter, Map)}). Commands that keep a
     * manager open ({@code watch}) add their timing to it.
     *
     * @param directory the configuration directory
     * @return a builder holding those options
     * @throws ParameterException if {@code --env-prefix} or {@code --secret-pattern} is malformed
     */
    public ConfigurationOptions.Builder managerOptions(Path directory) {
        checkEnvPrefix();
        ConfigurationOptions.Builder b = ConfigurationOptions.builder()
                .directory(directory)
                .secretPolicy(secretPolicy())
                .environment(environmentVariables());
        envPrefix().ifPresent(b::envPrefix);
        if (fileRoots != null) {
            for (Path root : fileRoots) {
                try {
                    b.allowFileRoot(root.toAbsolutePath().normalize());
                } catch (IllegalArgumentException e) {
                    throw new ParameterException(spec.commandLine(), "Invalid value for option '--allow-file-root': "
                            + e.getMessage());
                }
            }
        }
        if (readTimeout != null) {
            if (readTimeout.isZero() || readTimeout.isNegative()) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '--read-timeout': "
                        + "it must be positive");
            }
            b.readTimeout(readTimeout);
        }
        // Explicit providers replace the discovered ones of the same class, so the names given here are applied once.
        b.addLayerProvider(new ProfileLayerProvider(profiles()));
        b.addLayerProvider(region == null ? new RegionLayerProvider() : new RegionLayerProvider(region));
        b.addLayerProvider(new OverrideLayerProvider(overrides()));
        addSecrets(b, directory, SecretsSupport.sopsDecoder(environmentVariables()));
        etcdSource().ifPresent(b::addSource);
        return b;
    }

    /**
     * What every load takes from the secrets options: the key file (without it the core reads
     * {@code CONFIG_ENCRYPTION_KEY} from the same variables), the required signature, a document decoder for SOPS
     * files, and the paths the directory's schema (or {@code validate --schema}) declares {@code writeOnly} or
     * {@code x-secret}.
     */
    private void addSecrets(ConfigurationOptions.Builder b, Path directory, dev.lamina.config.DocumentDecoder sops) {
        if (keyFile != null) {
            b.keyring(dev.lamina.config.Keyring.load(keyFile));
        }
        if (signatureKey != null) {
            b.requireSignature(dev.lamina.config.BundleSignature.readPublicKey(signatureKey));
        }
        b.addDocumentDecoder(sops);
        // Both schemas count when validate --schema names another one: masking more is the safe side.
        Optional<Path> conventional = dev.lamina.config.validation.ValidationEngine.conventionalSchema(directory);
        conventional.ifPresent(schema -> b.addSecretPaths(
                dev.lamina.config.validation.ValidationEngine.schemaSecretPaths(schema).toArray(String[]::new)));
        if (schemaForSecrets != null) {
            b.addSecretPaths(dev.lamina.config.validation.ValidationEngine.schemaSecretPaths(schemaForSecrets)
                    .toArray(String[]::new));
        }
    }

    /**
     * Declares a schema whose {@code writeOnly}/{@code x-secret} paths are secret in the loads that follow, besides
     * the directory's conventional one ({@code validate --schema}).
     *
     * @param schema the schema file
     */
    void secretsFromSchema(Path schema) {
        this.schemaForSecrets = schema;
    }

    /** @return the {@code --profile} names, in order */
    public List<String> profiles() {
        return profiles == null ? List.of() : List.copyOf(profiles);
    }

    /** @return the {@code --region}, when given */
    public Optional<String> region() {
        return Optional.ofNullable(region);
    }

    /** @return the {@code --override} names */
    public List<String> overrides() {
        return overrides == null ? List.of() : List.copyOf(overrides);
    }

    /**
     * The manager's own rule (no path separators or dots, so {@code --env ../x} cannot leave the directory, and no
     * reserved stem such as {@code base}), checked here so that a bad name is a usage error, not an internal one.
     *
     * @param environment an environment name
     * @throws ParameterException unless {@link ConfigDirectories#checkEnvironmentName} accepts it
     */
    void checkEnvironment(String environment) {
        try {
            ConfigDirectories.checkEnvironmentName(environment);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--env': " + e.getMessage());
        }
    }

    private Map<String, String> environmentVariables() {
        return ((ConfigCtl) spec.root().userObject()).environment();
    }

    private void checkEnvPrefix() {
        if (envPrefix != null && !ENV_PREFIX.matcher(envPrefix).matches()) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--env-prefix': '" + envPrefix
                    + "' (upper-case letters, digits and '_', starting with a letter)");
        }
    }
}
