package dev.lamina.config.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.lamina.config.ConfigLoader;
import dev.lamina.config.ConfigRenderer;
import dev.lamina.config.ConfigSource;
import dev.lamina.config.ConfigSources;
import dev.lamina.config.Configuration;
import dev.lamina.config.LoadOptions;
import dev.lamina.config.SecretPolicy;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options every command that loads a configuration shares ({@code --dir}, {@code --env},
 * {@code --env-prefix}, {@code --secret-pattern}; {@code --dir} and {@code --env} default to the product's
 * {@code CONFIG_PATH} and {@code CONFIG_ENVIRONMENT} variables), and the one way the CLI loads: {@code base.*}, then
 * {@code <env>.*} from the directory, then, with {@code --env-prefix}, environment variables.
 *
 * <p>A command adds it with {@code @Mixin SourceOptions source;} and calls {@link #load()}.
 */
public final class SourceOptions {

    /** Environment names: no path separators or dots, so {@code --env ../x} cannot leave the directory. */
    private static final Pattern ENVIRONMENT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");
    private static final Pattern ENV_PREFIX = Pattern.compile("[A-Z][A-Z0-9_]*");

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    /** The variables the product documents for the directory and the environment (PRODUCT.md). */
    static final String CONFIG_PATH = "CONFIG_PATH";
    static final String CONFIG_ENVIRONMENT = "CONFIG_ENVIRONMENT";

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Configuration directory holding base.* and <env>.* files (default: $CONFIG_PATH).")
    private Path directory;

    @Option(names = "--env", paramLabel = "ENV",
            description = "Environment to load, e.g. development, staging, production "
                    + "(default: $CONFIG_ENVIRONMENT).")
    private String environment;

    @Option(names = "--env-prefix", paramLabel = "PREFIX",
            description = "Also read environment variables with this prefix as the highest layer "
                    + "(PREFIX_SERVER_PORT -> server.port). Also the prefix of --format env names.")
    private String envPrefix;

    @Option(names = "--secret-pattern", paramLabel = "REGEX",
            description = "More keys to treat as secret (case-insensitive regex matched against each key), "
                    + "in addition to the built-in password|secret|token|api_key|private_key|credential.")
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
     * @throws ParameterException if neither is given
     */
    public String environment() {
        return environment != null ? environment : required("--env=ENV", CONFIG_ENVIRONMENT);
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
     * The sources, lowest precedence first: the directory for the environment, then environment variables
     * when {@code --env-prefix} is given.
     *
     * @return the sources
     * @throws ParameterException    if {@code --env} or {@code --env-prefix} is malformed
     * @throws dev.lamina.config.ConfigSourceException if the directory does not exist or has no file for the
     *                                                 environment (when the sources are read)
     */
    public List<ConfigSource> sources() {
        checkSyntax();
        List<ConfigSource> sources = new ArrayList<>(2);
        // The directory source requires <env>.* and lists the environments it found when it is missing.
        sources.add(ConfigSources.directory(directory(), environment()));
        envPrefix().ifPresent(p -> sources.add(ConfigSources.environmentVariables(p, environmentVariables())));
        return sources;
    }

    /**
     * Loads the configuration the options describe.
     *
     * @return the merged, interpolated configuration
     * @throws ParameterException               if an option is malformed
     * @throws dev.lamina.config.ConfigException if the configuration cannot be read or is invalid
     */
    public Configuration load() {
        SecretPolicy secrets = secretPolicy();
        List<ConfigSource> sources = sources();
        LoadOptions options = LoadOptions.builder()
                .secretPolicy(secrets)
                .baseDirectory(directory())
                .environment(environmentVariables())
                .build();
        return new ConfigLoader(options).load(sources);
    }

    private Map<String, String> environmentVariables() {
        return ((ConfigCtl) spec.root().userObject()).environment();
    }

    private void checkSyntax() {
        String env = environment();
        if (!ENVIRONMENT.matcher(env).matches()) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--env': '" + env
                    + "' (letters, digits, '-' and '_' only)");
        }
        if (envPrefix != null && !ENV_PREFIX.matcher(envPrefix).matches()) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--env-prefix': '" + envPrefix
                    + "' (upper-case letters, digits and '_', starting with a letter)");
        }
    }
}
