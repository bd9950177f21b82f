package dev.lamina.config.internal.resolve;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import dev.lamina.config.SecretPolicy;
import dev.lamina.config.ValueDecoder;
import dev.lamina.config.ValueResolver;
import dev.lamina.config.internal.source.FileReads;

/**
 * What interpolation needs from the loader. Immutable; thread-safe when the functions and resolvers are.
 *
 * @param environment   looks up {@code ${NAME}}: environment variables, then system properties (injectable in tests);
 *                      returns empty for an unset name ({@code null} is treated as empty too)
 * @param resolvers     user resolvers by prefix; {@code ref} and {@code file} are built in and may not be replaced
 * @param decoders      whole-scalar decoders, tried in order before interpolation
 * @param baseDirectory where relative {@code ${file:...}} paths are resolved from
 * @param secrets       which paths are secret, so that messages never quote them
 * @param fileRoots     the directories {@code ${file:...}} may read below besides {@code baseDirectory}
 * @param maxFileBytes  the largest file {@code ${file:...}} reads, in bytes (the string length limit)
 * @param reads         how files are read (refusing FIFOs and devices, bounded in time)
 */
public record ResolveSettings(Function<String, Optional<String>> environment, Map<String, ValueResolver> resolvers,
                              List<ValueDecoder> decoders, Path baseDirectory, SecretPolicy secrets,
                              List<Path> fileRoots, int maxFileBytes, FileReads reads) {

    private static final Pattern PREFIX = Pattern.compile("[a-z][a-z0-9_-]*");

    /**
     * @param others the decoders to use instead
     * @return these settings with other decoders
     */
    public ResolveSettings withDecoders(List<ValueDecoder> others) {
        return new ResolveSettings(environment, resolvers, others, baseDirectory, secrets, fileRoots, maxFileBytes,
                reads);
    }

    /** Settings without decoders; file lookups below the base directory only, with the default bounds. */
    public ResolveSettings(Function<String, Optional<String>> environment, Map<String, ValueResolver> resolvers,
                           Path baseDirectory, SecretPolicy secrets) {
        this(environment, resolvers, List.of(), baseDirectory, secrets);
    }

    /** Settings whose file lookups read below the base directory only, with the default bounds. */
    public ResolveSettings(Function<String, Optional<String>> environment, Map<String, ValueResolver> resolvers,
                           List<ValueDecoder> decoders, Path baseDirectory, SecretPolicy secrets) {
        this(environment, resolvers, decoders, baseDirectory, secrets, List.of(), Resolution.MAX_VALUE_LENGTH,
                new FileReads(FileReads.DEFAULT_TIMEOUT));
    }

    /**
     * Copies the resolver map and checks it.
     *
     * @throws NullPointerException     if a component, key or resolver is {@code null}
     * @throws IllegalArgumentException if a prefix is not {@code [a-z][a-z0-9_-]*}, is {@code ref} or {@code file},
     *                                  or {@code maxFileBytes} is not positive
     */
    public ResolveSettings {
        Objects.requireNonNull(environment, "environment");
        resolvers = Map.copyOf(resolvers);
        decoders = List.copyOf(decoders);
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        Objects.requireNonNull(secrets, "secrets");
        fileRoots = List.copyOf(fileRoots);
        Objects.requireNonNull(reads, "reads");
        if (maxFileBytes <= 0) {
            throw new IllegalArgumentException("maxFileBytes must be positive, got " + maxFileBytes);
        }
        for (String prefix : resolvers.keySet()) {
            if (!PREFIX.matcher(prefix).matches()) {
                throw new IllegalArgumentException("resolver prefix '" + prefix
                        + "' must be a lower-case letter followed by lower-case letters, digits, '-' or '_'");
            }
            if (prefix.equals(Resolution.REF) || prefix.equals(Resolution.FILE)) {
                throw new IllegalArgumentException("resolver prefix '" + prefix + "' is built in and cannot be replaced");
            }
        }
    }
}
