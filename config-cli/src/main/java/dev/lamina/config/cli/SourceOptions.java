package dev.lamina.config.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.lamina.config.ConfigRenderer;
import dev.lamina.config.Configuration;
import dev.lamina.config.ConfigurationManager;
import dev.lamina.config.ConfigurationOptions;
import dev.lamina.config.SecretPolicy;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options every command that loads a configuration shares ({@code --dir}, {@code --env},
 * {@code --env-prefix}, {@code --secret-pattern}; {@code --dir} and {@code --env} default to the product's
 * {@code CONFIG_PATH} and {@code CONFIG_ENVIRONMENT} variables), and the one way the CLI loads: through
 * {@link ConfigurationManager#loadEnvironmentConfig(String)}, so a command shows exactly what a service gets
 * ({@code base.*}, the ancestors declared in {@code environments.yaml}, {@code <env>.*}, then, with
 * {@code --env-prefix}, environment variables).
 *
 * <p>A command adds it with {@code @Mixin SourceOptions source;} and calls {@link #load()}.
 */
public final class SourceOptions {

    /**
     * Environment names: no path separators or dots, so {@code --env ../x} cannot leave the directory; the same
     * rule as {@link ConfigurationManager#loadEnvironmentConfig(String)}, checked here so a bad name is a usage error.
     */
    private static final Pattern ENVIRONMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
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

    @Option(names = "--secret-pattern", paramLabel = "REGEX",
            description = "More keys to treat as secret (case-insensitive regex matched against each key), "
                    + "in addition to the built-in ones (see docs/secrets.md).")
    private String secretPattern;

    /**
     * @return the configuration directory: {@code --dir}, else {@code $CONFIG_PATH}
     * @throws ParameterException if neither is given
     */
    public Path directory() {
        return directory != null ? directory : Path.of(required("--dir=DIR", CONFIG_PATH));
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
        return !environments.isEmpty() ? List.copyOf(environments)
                : List.of(required("--env=ENV", CONFIG_ENVIRONMENT));
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
            Pattern.compile(secretPattern);
            return SecretPolicy.matching("(?:" + SecretPolicy.DEFAULT.keyPattern().pattern() + ")|(?:"
                    + secretPattern + ")");
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
        try (ConfigurationManager manager = new ConfigurationManager(managerOptions(directory).build())) {
            return manager.loadEnvironmentConfig(environment);
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
        return b;
    }

    /**
     * @param environment an environment name
     * @throws ParameterException unless it is letters, digits, {@code -} and {@code _} (at most 64)
     */
    void checkEnvironment(String environment) {
        if (!ENVIRONMENT.matcher(environment).matches()) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--env': '" + environment
                    + "' (letters, digits, '-' and '_' only, at most 64)");
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
