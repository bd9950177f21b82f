package dev.lamina.config.internal.resolve;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import dev.lamina.config.SecretPolicy;
import dev.lamina.config.ValueResolver;

/**
 * What interpolation needs from the loader.
 *
 * @param environment   looks up {@code ${NAME}}: environment variables, then system properties (injectable in tests)
 * @param resolvers     user resolvers by prefix; {@code ref} and {@code file} are built in and may not be replaced
 * @param baseDirectory where relative {@code ${file:...}} paths are resolved from
 * @param secrets       which paths are secret, so that messages never quote them
 */
public record ResolveSettings(Function<String, Optional<String>> environment, Map<String, ValueResolver> resolvers,
                              Path baseDirectory, SecretPolicy secrets) {

    /** Copies the resolver map and checks that nothing is {@code null}. */
    public ResolveSettings {
        Objects.requireNonNull(environment, "environment");
        resolvers = Map.copyOf(resolvers);
        Objects.requireNonNull(baseDirectory, "baseDirectory");
        Objects.requireNonNull(secrets, "secrets");
    }
}
