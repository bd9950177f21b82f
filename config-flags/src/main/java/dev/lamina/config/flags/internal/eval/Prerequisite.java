package dev.lamina.config.flags.internal.eval;

import java.util.List;

import dev.lamina.config.flags.Variant;
import dev.lamina.config.flags.internal.context.ContextData;

/**
 * A prerequisite: another flag that must be on (optionally with one of some variants) or off, evaluated with the
 * same context. Cycles are refused at compile time, so evaluation always terminates.
 */
public final class Prerequisite {

    private final String flag;
    private final boolean expectEnabled;
    private final String[] variants;
    private CompiledFlag parent;

    /**
     * @param flag          the parent flag's key
     * @param expectEnabled {@code true} when the parent must be on, {@code false} when it must be off
     * @param variants      when non-empty (and {@code expectEnabled}), the parent's variant must be one of these
     *                      ({@value Variant#DISABLED_NAME} meaning "on without a variant")
     */
    public Prerequisite(String flag, boolean expectEnabled, List<String> variants) {
        this.flag = flag;
        this.expectEnabled = expectEnabled;
        this.variants = variants.toArray(String[]::new);
    }

    /** @return the parent flag's key */
    public String flag() {
        return flag;
    }

    /** @return the variants the parent must have, possibly empty */
    public List<String> variants() {
        return List.of(variants);
    }

    /** Links the parent; called once by the compiler before the flags are published. */
    void link(CompiledFlag parent) {
        this.parent = parent;
    }

    boolean satisfied(ContextData ctx) {
        int d = parent.decide(ctx, false);
        boolean on = Decisions.isOn(d);
        if (!expectEnabled) {
            return !on;
        }
        if (!on) {
            return false;
        }
        if (variants.length == 0) {
            return true;
        }
        CompiledVariant v = parent.selectVariant(ctx, d);
        String name = v == null ? Variant.DISABLED_NAME : v.name;
        for (String s : variants) {
            if (s.equals(name)) {
                return true;
            }
        }
        return false;
    }
}
