package dev.lamina.config;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Resolves namespaced interpolation expressions {@code ${prefix:key}}, for example a resolver registered with
 * prefix {@code vault} answers {@code ${vault:db/password}}. Lamina ships {@code ref} (another key of the merged
 * tree) and {@code file} (a file's content, trailing newline trimmed); users register more by prefix with
 * {@link ConfigurationOptions.Builder#addResolver(String, ValueResolver)}.
 *
 * <p>Implementations must be thread-safe; they are called during loads and reloads, never on lookups.
 */
@FunctionalInterface
public interface ValueResolver {

    /**
     * @param key     the text after {@code prefix:} (with any {@code :-default} already split off)
     * @param context the path and origin of the value being resolved
     * @return the value, possibly marked secret, or empty when the key is not known (then a default applies, or
     *         the load fails)
     * @throws ConfigResolveException when the lookup itself fails; the message must not contain a secret
     */
    Optional<ResolvedValue> resolve(String key, ValueContext context);

    /**
     * A resolver from a plain lookup whose values are not secret.
     *
     * @param lookup key to value
     * @return the resolver
     */
    static ValueResolver of(Function<String, Optional<String>> lookup) {
        Objects.requireNonNull(lookup, "lookup");
        return (key, context) -> lookup.apply(key).map(ResolvedValue::plain);
    }

    /**
     * A resolver from a plain lookup whose values are all secret (a vault, a secrets manager).
     *
     * @param lookup key to value
     * @return the resolver
     */
    static ValueResolver secrets(Function<String, Optional<String>> lookup) {
        Objects.requireNonNull(lookup, "lookup");
        return (key, context) -> lookup.apply(key).map(ResolvedValue::secret);
    }
}
