package dev.lamina.config;

import java.util.Objects;

/**
 * How a list in a higher layer combines with the list at the same path in the layers below it.
 *
 * <p>The default for every path is {@link #replace()}: the higher layer's list replaces the lower one whole,
 * as in RFC 7386. Other strategies are declared per path through {@link MergeOptions} or
 * {@link ConfigurationOptions.Builder#listStrategy(String, ListMergeStrategy)}; they apply only when both layers hold a
 * list at that path (a list always replaces a non-list, and a non-list always replaces a list).
 *
 * <p>Instances are immutable values and thread-safe.
 */
public sealed interface ListMergeStrategy
        permits ListMergeStrategy.Replace, ListMergeStrategy.Append, ListMergeStrategy.MergeByKey {

    /** @return the strategy that lets the higher layer's list replace the lower one (the default) */
    static ListMergeStrategy replace() {
        return Replace.INSTANCE;
    }

    /** @return the strategy that appends the higher layer's items after the lower layer's items */
    static ListMergeStrategy append() {
        return Append.INSTANCE;
    }

    /**
     * A strategy for lists of objects identified by a key field: an item of the higher layer whose field
     * has the same value as an item below is merged into it as an object (key by key, nulls delete); other
     * items are appended. Every item of both lists must be an object holding the field as a scalar,
     * otherwise the merge fails with a {@link ConfigException} naming the path and the item's origin.
     *
     * @param field the key field, for example {@code name}
     * @return the strategy
     * @throws NullPointerException     if {@code field} is {@code null}
     * @throws IllegalArgumentException if {@code field} is blank
     */
    static ListMergeStrategy mergeByKey(String field) {
        return new MergeByKey(field);
    }

    /**
     * Reads the textual form used in options files and on the command line: {@code replace}, {@code append}
     * or {@code merge-by-key:<field>} (case-insensitive names, field taken as written).
     *
     * @param text the text
     * @return the strategy
     * @throws NullPointerException     if {@code text} is {@code null}
     * @throws IllegalArgumentException if the text names no strategy
     */
    static ListMergeStrategy parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.trim();
        if (t.equalsIgnoreCase("replace")) {
            return replace();
        }
        if (t.equalsIgnoreCase("append")) {
            return append();
        }
        String prefix = "merge-by-key:";
        if (t.regionMatches(true, 0, prefix, 0, prefix.length())) {
            String field = t.substring(prefix.length()).trim();
            if (field.isEmpty()) {
                throw new IllegalArgumentException("merge-by-key needs a field name: merge-by-key:<field>");
            }
            return mergeByKey(field);
        }
        throw new IllegalArgumentException("unknown list merge strategy '" + t
                + "'; expected replace, append or merge-by-key:<field>");
    }

    /** The higher layer's list replaces the lower one whole (the default). */
    record Replace() implements ListMergeStrategy {
        private static final Replace INSTANCE = new Replace();

        /** @return {@code replace} */
        @Override
        public String toString() {
            return "replace";
        }
    }

    /** The higher layer's items are appended after the lower layer's items. */
    record Append() implements ListMergeStrategy {
        private static final Append INSTANCE = new Append();

        /** @return {@code append} */
        @Override
        public String toString() {
            return "append";
        }
    }

    /**
     * Items with the same value of {@code field} are merged as objects; other items are appended.
     *
     * @param field the key field; never blank
     */
    record MergeByKey(String field) implements ListMergeStrategy {

        /** Checks that the field is present and not blank. */
        public MergeByKey {
            Objects.requireNonNull(field, "field");
            if (field.isBlank()) {
                throw new IllegalArgumentException("merge-by-key field must not be blank");
            }
        }

        /** @return {@code merge-by-key:<field>}, the form {@link ListMergeStrategy#parse} reads */
        @Override
        public String toString() {
            return "merge-by-key:" + field;
        }
    }
}
