package dev.lamina.config.flags.internal.match;

import dev.lamina.config.flags.internal.context.AttributeValue;
import dev.lamina.config.flags.internal.context.ContextData;

/**
 * A compiled constraint: an attribute, an operator with pre-parsed values, and {@code inverted}. A missing
 * attribute makes every operator false except {@code NOT_IN}; {@code inverted} then negates the result.
 * Immutable; {@link #matches} takes no lock and (except for {@code REGEX}) allocates nothing.
 */
public abstract class Constraint {

    private final AttributeRef attribute;
    private final boolean inverted;

    /**
     * @param attribute the attribute
     * @param inverted  whether to negate the result
     */
    protected Constraint(AttributeRef attribute, boolean inverted) {
        this.attribute = attribute;
        this.inverted = inverted;
    }

    /**
     * @param ctx the context
     * @return whether the context satisfies the constraint
     */
    public final boolean matches(ContextData ctx) {
        return evaluate(ctx) != inverted;
    }

    /** The operator's own result, before {@code inverted}. */
    protected boolean evaluate(ContextData ctx) {
        AttributeValue v = attribute.resolve(ctx);
        return v == null ? whenMissing() : test(v);
    }

    /** @return the attribute */
    protected final AttributeRef attribute() {
        return attribute;
    }

    /** @return the result for a missing attribute (before inversion) */
    protected boolean whenMissing() {
        return false;
    }

    /**
     * @param value the attribute's value
     * @return the operator's result
     */
    protected abstract boolean test(AttributeValue value);
}
