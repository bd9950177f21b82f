package dev.lamina.config;

import java.util.List;
import java.util.Objects;

import dev.lamina.config.internal.secret.NodeText;

/**
 * An ordered list of nodes.
 *
 * @param items  the items, copied into an unmodifiable list
 * @param origin where the list starts
 */
public record ConfigList(List<ConfigNode> items, Origin origin) implements ConfigNode {

    /** Copies the items and checks that nothing is {@code null}. */
    public ConfigList {
        items = List.copyOf(items);
        Objects.requireNonNull(origin, "origin");
    }

    /** @return the number of items */
    public int size() {
        return items.size();
    }

    @Override
    public ConfigList withOrigin(Origin origin) {
        return new ConfigList(items, origin);
    }

    @Override
    public String kindName() {
        return "list";
    }

    /**
     * As {@link ConfigObject#toString()}: a list cannot tell its secrets, so every scalar in it is masked.
     *
     * @return the structure with every scalar as {@value SecretPolicy#MASK}, and the origin
     */
    @Override
    public String toString() {
        return NodeText.of("ConfigList", this);
    }
}
