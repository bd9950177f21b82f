package dev.lamina.config;

import java.util.Optional;

/**
 * Resolves namespaced interpolation expressions {@code ${prefix:key}}, for example a resolver with prefix
 * {@code vault} answers {@code ${vault:db/password}}. Lamina ships {@code ref} (another key of the merged
 * tree) and {@code file} (a file's content, trailing newline trimmed); users register more by prefix.
 *
 * <p>Implementations must be thread-safe; they are called during loads and reloads, never on lookups.
 */
public interface ValueResolver {

    /** @return the prefix before the colon: lower-case letters, digits, {@code -} or {@code _}, starting with a letter */
    String prefix();

    /**
     * @param key the text after {@code prefix:} (with any {@code :-default} already split off)
     * @return the value, or empty when the key is not known (then a default applies, or the load fails)
     * @throws ConfigResolveException when the lookup itself fails; the message must not contain a secret
     */
    Optional<String> resolve(String key);
}
