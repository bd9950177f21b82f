package dev.lamina.config.internal.resolve;

import java.util.List;
import java.util.Optional;

/**
 * A parsed interpolation template: literal text and expressions, in order. Expressions keep their operand
 * templates unevaluated, so that a default is only expanded when it is used (bash semantics: an unused default
 * that names an unset variable is not an error).
 *
 * @param parts the parts, in order
 */
record Template(List<Part> parts) {

    static final Template EMPTY = new Template(List.of());

    Template {
        parts = List.copyOf(parts);
    }

    /** @return {@code true} when the template has no expression at all (evaluation yields the literal text) */
    boolean isLiteral() {
        return parts.stream().allMatch(p -> p instanceof Literal);
    }

    /** One piece of a template. */
    sealed interface Part permits Literal, Variable, Lookup {
    }

    /**
     * Text copied as is ({@code $$} already turned into {@code $}).
     *
     * @param text the text
     */
    record Literal(String text) implements Part {
    }

    /** The bash operators; see {@code docs/interpolation.md}. */
    enum Operator {
        /** {@code ${NAME}} or {@code $NAME}: the value; unset is an error. */
        NONE,
        /** {@code ${NAME:-word}}: word when unset or empty. */
        DEFAULT_UNSET_OR_EMPTY,
        /** {@code ${NAME-word}}: word when unset. */
        DEFAULT_UNSET,
        /** {@code ${NAME:?message}}: error when unset or empty. */
        REQUIRE_NON_EMPTY,
        /** {@code ${NAME?message}}: error when unset. */
        REQUIRE_SET,
        /** {@code ${NAME:+word}}: word when set and not empty, else empty. */
        ALTERNATIVE_NON_EMPTY,
        /** {@code ${NAME+word}}: word when set, else empty. */
        ALTERNATIVE_SET
    }

    /**
     * A variable looked up in the environment.
     *
     * @param name     the variable's name
     * @param operator the operator
     * @param word     the default, alternative or message ({@link #EMPTY} for {@link Operator#NONE})
     * @param column   1-based position of the {@code $} in the string
     * @param braced   {@code false} for the bare {@code $NAME} form
     */
    record Variable(String name, Operator operator, Template word, int column, boolean braced) implements Part {
    }

    /**
     * A namespaced lookup {@code ${prefix:key}} or {@code ${prefix:key:-default}}.
     *
     * @param prefix   the resolver's prefix
     * @param key      the key (may itself contain expressions)
     * @param fallback the default, when written
     * @param column   1-based position of the {@code $} in the string
     */
    record Lookup(String prefix, Template key, Optional<Template> fallback, int column) implements Part {
    }
}
