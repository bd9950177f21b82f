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
 * {@code --env-prefix}, {@code --secret-pattern}), and the one way the CLI loads: {@code base.*}, then
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

    @Option(names = "--dir", required = true, paramLabel = "DIR",
            description = "Configuration directory holding base.* and <env>.* files.")
    private Path directory;

    @Option(names = "--env", required = true, paramLabel = "ENV",
            description = "Environment to load, e.g. development, staging, production.")
    private String environment;

    @Option(names = "--env-prefix", paramLabel = "PREFIX",
            description = "Also read environment variables with this prefix as the highest layer "
                    + "(PREFIX_SERVER_PORT -> server.port). Also the prefix of --format env names.")
    private String envPrefix;

    @Option(names = "--secret-pattern", paramLabel = "REGEX",
            description = "More keys to treat as secret (case-insensitive regex matched against each key), "
                    + "in addition to the built-in password|secret|token|api_key|private_key|credential.")
    private String secretPattern;

    /** @return the configuration directory given with {@code --dir} */
    public Path directory() {
        return directory;
    }

    /** @return the environment given with {@code --env} */
    public String environment() {
        return environment;
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
        sources.add(ConfigSources.directory(directory, environment));
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
                .baseDirectory(directory)
                .environment(environmentVariables())
                .build();
        return new ConfigLoader(options).load(sources);
    }

    private Map<String, String> environmentVariables() {
        return ((ConfigCtl) spec.root().userObject()).environment();
    }

    private void checkSyntax() {
        if (!ENVIRONMENT.matcher(environment).matches()) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--env': '" + environment
                    + "' (letters, digits, '-' and '_' only)");
        }
        if (envPrefix != null && !ENV_PREFIX.matcher(envPrefix).matches()) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--env-prefix': '" + envPrefix
                    + "' (upper-case letters, digits and '_', starting with a letter)");
        }
    }
}
