package dev.lamina.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What a {@link ConfigLoader} needs besides its sources: parse limits, merge options, the secret policy, and the
 * inputs of interpolation (environment lookup, base directory for {@code ${file:...}}, extra resolvers).
 *
 * <p>Immutable and thread-safe; build with {@link #builder()} or change a copy with {@link #toBuilder()}.
 */
public final class LoadOptions {

    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_-]*");

    private static final LoadOptions DEFAULTS = builder().build();

    private final ParseLimits parseLimits;
    private final MergeOptions mergeOptions;
    private final SecretPolicy secretPolicy;
    private final Path baseDirectory;
    private final Function<String, Optional<String>> environment;
    private final Map<String, ValueResolver> resolvers;

    private LoadOptions(Builder b) {
        this.parseLimits = b.parseLimits;
        this.mergeOptions = b.mergeOptions;
        this.secretPolicy = b.secretPolicy;
        this.baseDirectory = b.baseDirectory;
        this.environment = b.environment;
        this.resolvers = Map.copyOf(b.resolvers);
    }

    /**
     * The defaults: {@link ParseLimits#DEFAULTS}, {@link MergeOptions#defaults()}, {@link SecretPolicy#DEFAULT},
     * the working directory as base directory, the process environment (then system properties) for
     * {@code ${NAME}}, and no extra resolvers.
     *
     * @return the default options
     */
    public static LoadOptions defaults() {
        return DEFAULTS;
    }

    /** @return a builder holding the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these options */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.parseLimits = parseLimits;
        b.mergeOptions = mergeOptions;
        b.secretPolicy = secretPolicy;
        b.baseDirectory = baseDirectory;
        b.environment = environment;
        b.resolvers.putAll(resolvers);
        return b;
    }

    /** @return the bounds every parser enforces */
    public ParseLimits parseLimits() {
        return parseLimits;
    }

    /** @return the merge options (list strategies) */
    public MergeOptions mergeOptions() {
        return mergeOptions;
    }

    /** @return which paths are secret */
    public SecretPolicy secretPolicy() {
        return secretPolicy;
    }

    /** @return the directory relative {@code ${file:...}} paths are resolved against */
    public Path baseDirectory() {
        return baseDirectory;
    }

    /** @return the lookup for {@code ${NAME}}; never returns {@code null} */
    public Function<String, Optional<String>> environment() {
        return environment;
    }

    /** @return the extra resolvers by prefix, unmodifiable */
    public Map<String, ValueResolver> resolvers() {
        return resolvers;
    }

    @Override
    public String toString() {
        // The environment is deliberately left out: it may hold secrets.
        return "LoadOptions{parseLimits=" + parseLimits + ", mergeOptions=" + mergeOptions
                + ", secretPolicy=" + secretPolicy.keyPattern().pattern() + ", baseDirectory=" + baseDirectory
                + ", resolvers=" + resolvers.keySet() + "}";
    }

    private static Optional<String> processEnvironment(String name) {
        String v = System.getenv(name);
        if (v == null) {
            v = System.getProperty(name);
        }
        return Optional.ofNullable(v);
    }

    /** Builds {@link LoadOptions}. Not thread-safe; each {@link #build()} returns an independent value. */
    public static final class Builder {

        private ParseLimits parseLimits = ParseLimits.DEFAULTS;
        private MergeOptions mergeOptions = MergeOptions.defaults();
        private SecretPolicy secretPolicy = SecretPolicy.DEFAULT;
        private Path baseDirectory = Path.of("");
        private Function<String, Optional<String>> environment = LoadOptions::processEnvironment;
        private final Map<String, ValueResolver> resolvers = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * @param limits the parse limits
         * @return this builder
         * @throws NullPointerException if {@code limits} is {@code null}
         */
        public Builder parseLimits(ParseLimits limits) {
            this.parseLimits = Objects.requireNonNull(limits, "limits");
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
         * @param policy which paths are secret
         * @return this builder
         * @throws NullPointerException if {@code policy} is {@code null}
         */
        public Builder secretPolicy(SecretPolicy policy) {
            this.secretPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * @param directory where relative {@code ${file:...}} paths are resolved from
         * @return this builder
         * @throws NullPointerException if {@code directory} is {@code null}
         */
        public Builder baseDirectory(Path directory) {
            this.baseDirectory = Objects.requireNonNull(directory, "directory");
            return this;
        }

        /**
         * Uses a fixed map instead of the process environment (typical in tests). The map is copied.
         *
         * @param variables the variables {@code ${NAME}} may read
         * @return this builder
         * @throws NullPointerException if the map, a key or a value is {@code null}
         */
        public Builder environment(Map<String, String> variables) {
            Map<String, String> copy = Map.copyOf(variables);
            this.environment = name -> Optional.ofNullable(copy.get(name));
            return this;
        }

        /**
         * Uses a function to look up {@code ${NAME}}. It must be thread-safe and must not return {@code null}.
         *
         * @param lookup the lookup
         * @return this builder
         * @throws NullPointerException if {@code lookup} is {@code null}
         */
        public Builder environment(Function<String, Optional<String>> lookup) {
            this.environment = Objects.requireNonNull(lookup, "lookup");
            return this;
        }

        /**
         * Registers a resolver for {@code ${prefix:key}}.
         *
         * @param resolver the resolver
         * @return this builder
         * @throws NullPointerException     if {@code resolver} or its prefix is {@code null}
         * @throws IllegalArgumentException if the prefix is malformed, built in ({@code ref}, {@code file}) or
         *                                  already registered on this builder
         */
        public Builder resolver(ValueResolver resolver) {
            Objects.requireNonNull(resolver, "resolver");
            String prefix = Objects.requireNonNull(resolver.prefix(), "resolver prefix");
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

        /** @return the options */
        public LoadOptions build() {
            return new LoadOptions(this);
        }
    }
}
