package dev.lamina.config;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.lamina.config.internal.secret.NodeText;
import dev.lamina.config.internal.tree.CompactMap;

/**
 * An object: keys in the order they were written, each mapped to a node.
 *
 * @param entries the entries, copied into an unmodifiable map that keeps insertion order
 * @param origin  where the object starts
 */
public record ConfigObject(Map<String, ConfigNode> entries, Origin origin) implements ConfigNode {

    /** Copies the entries (keeping their order) and checks that nothing is {@code null}. */
    public ConfigObject {
        Objects.requireNonNull(origin, "origin");
        // Compact rather than a LinkedHashMap: a configuration holds one map per object (see CompactMap).
        entries = CompactMap.copyOf(entries);
    }

    /**
     * An empty object.
     *
     * @param origin where it was written
     * @return an object with no entries
     */
    public static ConfigObject empty(Origin origin) {
        return new ConfigObject(Map.of(), origin);
    }

    /**
     * Looks up a direct child.
     *
     * @param key the key
     * @return the child, or empty when absent
     */
    public Optional<ConfigNode> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    /** @return {@code true} when the object has no entries */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public ConfigObject withOrigin(Origin origin) {
        return new ConfigObject(entries, origin);
    }

    @Override
    public String kindName() {
        return "object";
    }

    /**
     * An object does not know its path, the snapshot's secret policy nor which of its values were decrypted, so
     * its text shows keys and structure and masks every scalar. Read values with {@link #entries()} or print them
     * through the configuration that holds them ({@link Configuration#toString()}, {@link ConfigRenderer}).
     *
     * @return keys and structure with every scalar as {@value SecretPolicy#MASK}, and the origin
     */
    @Override
    public String toString() {
        return NodeText.of("ConfigObject", this);
    }
}
