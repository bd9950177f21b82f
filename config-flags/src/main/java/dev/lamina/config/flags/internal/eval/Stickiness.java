package dev.lamina.config.flags.internal.eval;

import dev.lamina.config.flags.internal.context.AttributeValue;
import dev.lamina.config.flags.internal.context.ContextData;
import dev.lamina.config.flags.internal.match.AttributeRef;

/**
 * Which context value buckets a user: {@code default} ({@code user_id}, then {@code session_id}, then random),
 * {@code random}, or a named attribute.
 */
public final class Stickiness {

    /** Marker returned instead of a value when the bucket must be drawn at random (compared by identity). */
    static final AttributeValue RANDOM = new AttributeValue("<random>");

    /** The {@code default} stickiness. */
    public static final Stickiness DEFAULT = new Stickiness("default", null);

    private final String name;
    private final AttributeRef attribute;

    private Stickiness(String name, AttributeRef attribute) {
        this.name = name;
        this.attribute = attribute;
    }

    /** @return {@code true} unless the stickiness is {@code default}, {@code user_id} or {@code session_id} */
    boolean isRandom() {
        // Only the identity chain counts: a named attribute's absence is the definition's business, not a missing key.
        return !("default".equals(name) || "user_id".equals(name) || "session_id".equals(name));
    }

    /**
     * @param name {@code default}, {@code random} or an attribute name
     * @return the stickiness
     */
    public static Stickiness of(String name) {
        return switch (name) {
            case "default" -> DEFAULT;
            case "random" -> new Stickiness("random", null);
            default -> new Stickiness(name, new AttributeRef(name));
        };
    }

    /** @return the name as written */
    public String name() {
        return name;
    }

    /** @return {@code true} when a named attribute may be missing (only then can a rollout be turned off) */
    boolean isNamed() {
        return attribute != null;
    }

    /**
     * For rollouts: a named attribute that is missing gives {@code null} (the rollout is off).
     *
     * @param ctx the context
     * @return the sticky value, {@link #RANDOM}, or {@code null}
     */
    AttributeValue rolloutValue(ContextData ctx) {
        if (attribute != null) {
            return attribute.resolve(ctx);
        }
        return "random".equals(name) ? RANDOM : defaultChain(ctx);
    }

    /**
     * For variants and experiments: a named attribute that is missing falls back to the default chain, as Unleash
     * does for variants, because the flag is already on and needs some variant.
     *
     * @param ctx the context
     * @return the sticky value or {@link #RANDOM}
     */
    AttributeValue variantValue(ContextData ctx) {
        AttributeValue v = rolloutValue(ctx);
        return v == null ? defaultChain(ctx) : v;
    }

    private static AttributeValue defaultChain(ContextData ctx) {
        AttributeValue v = ctx.builtin(ContextData.USER_ID);
        if (v == null) {
            v = ctx.builtin(ContextData.SESSION_ID);
        }
        return v == null ? RANDOM : v;
    }
}
