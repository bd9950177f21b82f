package dev.lamina.config.flags;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An experiment's traffic split: variants with their share in percent, <b>in order</b>. The order is part of the
 * assignment (variants are walked in order, see {@code docs/experiments.md}), so a split is built from an ordered
 * form ({@link #of(String, double, String, double)} and its overloads, {@link #builder()} or a list), never from an
 * unordered {@code Map}.
 *
 * @param allocations the variants and their percentages, in order; copied
 */
public record TrafficSplit(List<Allocation> allocations) {

    /**
     * One variant's share.
     *
     * @param variant the variant's name; not blank
     * @param percent its share in percent, 0..100
     */
    public record Allocation(String variant, double percent) {

        /**
         * Checks the components.
         *
         * @param variant the {@code variant} component
         * @param percent the {@code percent} component
         * @throws NullPointerException     if {@code variant} is {@code null}
         * @throws IllegalArgumentException if the name is blank or the percentage is outside 0..100
         */
        public Allocation {
            Objects.requireNonNull(variant, "variant");
            if (variant.isBlank()) {
                throw new IllegalArgumentException("a variant name must not be blank");
            }
            if (!(percent >= 0 && percent <= 100)) {
                throw new IllegalArgumentException("variant '" + variant + "': percent must be between 0 and 100, found "
                        + percent);
            }
        }
    }

    /**
     * Checks that there is at least one variant, that names are unique and that the percentages sum to exactly 100
     * (summed as written in decimal, as the definitions compiler does).
     *
     * @param allocations the {@code allocations} component
     * @throws NullPointerException     if the list or an element is {@code null}
     * @throws IllegalArgumentException if the split is empty, names repeat, or the sum is not 100
     */
    public TrafficSplit {
        allocations = List.copyOf(allocations);
        if (allocations.isEmpty()) {
            throw new IllegalArgumentException("a traffic split needs at least one variant");
        }
        Set<String> seen = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (Allocation a : allocations) {
            if (!seen.add(a.variant())) {
                throw new IllegalArgumentException("variant '" + a.variant() + "' appears twice in the traffic split");
            }
            sum = sum.add(BigDecimal.valueOf(a.percent()));
        }
        if (sum.compareTo(BigDecimal.valueOf(100)) != 0) {
            throw new IllegalArgumentException("a traffic split must sum to 100, found "
                    + sum.stripTrailingZeros().toPlainString());
        }
    }

    /**
     * @param v1 the first variant (conventionally the control)
     * @param p1 its percentage
     * @return a one-variant split ({@code p1} must be 100)
     */
    public static TrafficSplit of(String v1, double p1) {
        return new TrafficSplit(List.of(new Allocation(v1, p1)));
    }

    /**
     * @param v1 the first variant (conventionally the control)
     * @param p1 its percentage
     * @param v2 the second variant
     * @param p2 its percentage
     * @return the split, in the order given
     */
    public static TrafficSplit of(String v1, double p1, String v2, double p2) {
        return new TrafficSplit(List.of(new Allocation(v1, p1), new Allocation(v2, p2)));
    }

    /**
     * @param v1 the first variant (conventionally the control)
     * @param p1 its percentage
     * @param v2 the second variant
     * @param p2 its percentage
     * @param v3 the third variant
     * @param p3 its percentage
     * @return the split, in the order given
     */
    public static TrafficSplit of(String v1, double p1, String v2, double p2, String v3, double p3) {
        return new TrafficSplit(List.of(new Allocation(v1, p1), new Allocation(v2, p2), new Allocation(v3, p3)));
    }

    /**
     * @param v1 the first variant (conventionally the control)
     * @param p1 its percentage
     * @param v2 the second variant
     * @param p2 its percentage
     * @param v3 the third variant
     * @param p3 its percentage
     * @param v4 the fourth variant
     * @param p4 its percentage
     * @return the split, in the order given
     */
    public static TrafficSplit of(String v1, double p1, String v2, double p2, String v3, double p3, String v4,
                                  double p4) {
        return new TrafficSplit(List.of(new Allocation(v1, p1), new Allocation(v2, p2), new Allocation(v3, p3),
                new Allocation(v4, p4)));
    }

    /** @return a builder that keeps the order in which variants are added */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the variant names, in order */
    public List<String> variants() {
        return allocations.stream().map(Allocation::variant).toList();
    }

    /** @return variant to percent, in order (an unmodifiable insertion-ordered map) */
    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        allocations.forEach(a -> m.put(a.variant(), a.percent()));
        return Collections.unmodifiableMap(m);
    }

    /** Builds a {@link TrafficSplit} in the order variants are added. Not thread-safe. */
    public static final class Builder {

        private final List<Allocation> allocations = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param variant the variant's name
         * @param percent its share in percent
         * @return this builder
         * @throws IllegalArgumentException if the name is blank or the percentage outside 0..100
         */
        public Builder variant(String variant, double percent) {
            allocations.add(new Allocation(variant, percent));
            return this;
        }

        /**
         * @return the split
         * @throws IllegalArgumentException if it is empty, repeats a name or does not sum to 100
         */
        public TrafficSplit build() {
            return new TrafficSplit(allocations);
        }
    }
}
