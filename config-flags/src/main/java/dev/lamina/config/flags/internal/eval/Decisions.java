package dev.lamina.config.flags.internal.eval;

import dev.lamina.config.flags.Reason;

/**
 * A flag decision packed into one {@code int} so that the hot path returns it without allocating:
 * bits 0–7 the {@link Reason} ordinal, bits 8–19 an index + 1 (the rule, or the failed prerequisite; 0 = none),
 * bits 20–30 the rollout bucket (0 = not computed).
 */
public final class Decisions {

    private static final Reason[] REASONS = Reason.values();

    private Decisions() {
    }

    static int of(Reason reason) {
        return reason.ordinal();
    }

    static int of(Reason reason, int index, int bucket) {
        return reason.ordinal() | (index + 1) << 8 | bucket << 20;
    }

    /** @param decision a packed decision @return its reason */
    public static Reason reason(int decision) {
        return REASONS[decision & 0xFF];
    }

    /** @param decision a packed decision @return whether the flag is on */
    public static boolean isOn(int decision) {
        return REASONS[decision & 0xFF].isOn();
    }

    /** @param decision a packed decision @return the rule or prerequisite index, or -1 */
    public static int index(int decision) {
        return ((decision >>> 8) & 0xFFF) - 1;
    }

    /** @param decision a packed decision @return the bucket, or 0 when not computed */
    public static int bucket(int decision) {
        return decision >>> 20;
    }
}
