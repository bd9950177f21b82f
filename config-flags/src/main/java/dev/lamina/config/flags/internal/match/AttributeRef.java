package dev.lamina.config.flags.internal.match;

import dev.lamina.config.flags.internal.context.AttributeValue;
import dev.lamina.config.flags.internal.context.ContextData;

/** An attribute name resolved at compile time to a built-in slot or a custom key. */
public final class AttributeRef {

    private final String name;
    private final int builtin;

    /** @param name the attribute name as written */
    public AttributeRef(String name) {
        // Canonical instance: contexts are mostly built with constant names, so the custom-map lookup's identity
        // check hits instead of String.equals (names parsed from a file are fresh instances).
        this.name = name.intern();
        this.builtin = ContextData.builtinIndex(name);
    }

    /** @return the name */
    public String name() {
        return name;
    }

    /** @return {@code true} for {@code current_time} */
    public boolean isCurrentTime() {
        return builtin == ContextData.CURRENT_TIME;
    }

    /**
     * @param ctx the context
     * @return the value, or {@code null} when absent
     */
    public AttributeValue resolve(ContextData ctx) {
        return builtin >= 0 ? ctx.builtin(builtin) : ctx.custom(name);
    }
}
