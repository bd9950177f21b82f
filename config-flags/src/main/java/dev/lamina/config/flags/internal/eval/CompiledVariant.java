package dev.lamina.config.flags.internal.eval;

import java.util.List;
import java.util.Optional;

import dev.lamina.config.flags.FlagValue;
import dev.lamina.config.flags.ProviderEvaluation;
import dev.lamina.config.flags.Reason;
import dev.lamina.config.flags.Variant;
import dev.lamina.config.flags.VariantPayload;
import dev.lamina.config.flags.internal.context.AttributeValue;
import dev.lamina.config.flags.internal.context.ContextData;
import dev.lamina.config.flags.internal.match.AttributeRef;

/** A variant with its weight, overrides and the {@code Optional} handed out (built once, so no allocation). */
public final class CompiledVariant {

    /** An override: the variant is chosen when the attribute's value is one of the values. */
    public record Override(AttributeRef attribute, List<String> values) {
        boolean matches(ContextData ctx) {
            AttributeValue v = attribute.resolve(ctx);
            return v != null && values.contains(v.raw());
        }
    }

    final String name;
    final int weight;
    private final Optional<Variant> optional;
    private final ProviderEvaluation<String> stringEvaluation;
    private final Override[] overrides;
    private final FlagValue value;
    /** The variant's index among all variants of its flag (flag-level, then each rule's); set once by the flag. */
    int ordinal;

    /**
     * @param variant   the public variant
     * @param weight    the integer weight (0 = never chosen by weight)
     * @param overrides the overrides, in order
     */
    public CompiledVariant(Variant variant, int weight, List<Override> overrides) {
        this(variant, weight, overrides, null);
    }

    /**
     * @param variant   the public variant
     * @param weight    the integer weight (0 = never chosen by weight)
     * @param overrides the overrides, in order
     * @param value     the typed value served (a typed flag's {@code value}, or what an untyped flag's payload
     *                  means), or {@code null} when none
     */
    public CompiledVariant(Variant variant, int weight, List<Override> overrides, FlagValue value) {
        this.value = value;
        this.name = variant.name();
        this.weight = weight;
        this.optional = Optional.of(variant);
        // Built once so that FlagProvider.getStringValue allocates nothing when a variant applies.
        this.stringEvaluation = new ProviderEvaluation<>(variant.payload().map(VariantPayload::value).orElse(name),
                Optional.of(name), Reason.SPLIT, Optional.empty());
        this.overrides = overrides.toArray(Override[]::new);
    }

    /** @return the pre-built optional handed to callers */
    public Optional<Variant> optional() {
        return optional;
    }

    /** @return the pre-built result of {@code FlagProvider.getStringValue} when this variant is chosen */
    public ProviderEvaluation<String> stringEvaluation() {
        return stringEvaluation;
    }

    /** @return the typed value, or {@code null} */
    public FlagValue value() {
        return value;
    }

    /** @return the name */
    public String name() {
        return name;
    }

    boolean hasOverrides() {
        return overrides.length > 0;
    }

    boolean overridden(ContextData ctx) {
        for (Override o : overrides) {
            if (o.matches(ctx)) {
                return true;
            }
        }
        return false;
    }
}
