package dev.lamina.config;

import java.util.Objects;

/**
 * Where a configuration value was written: the source's name and, where the parser knows them, the
 * line and column (both 1-based).
 *
 * <p>Origins travel with every node of the tree, so that errors, {@code explain} output and validation
 * reports can point at the exact spot. Unknown positions are {@code -1}; {@link #describe()} leaves them out.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param source the source's stable name, for example {@code config/staging.yaml}, {@code env:LAMINA_} or
 *               {@code classpath:app.yaml}; never {@code null} or blank
 * @param line   1-based line, or {@code -1} when unknown
 * @param column 1-based column, or {@code -1} when unknown
 */
public record Origin(String source, int line, int column) {

    /** An origin for values that were not read from any source (defaults, values made in code). */
    public static final Origin UNKNOWN = new Origin("<unknown>", -1, -1);

    /**
     * Checks the components.
     *
     * @throws NullPointerException     if {@code source} is {@code null}
     * @throws IllegalArgumentException if {@code source} is blank or a position is below {@code -1} or zero
     */
    public Origin {
        Objects.requireNonNull(source, "source");
        if (source.isBlank()) {
            throw new IllegalArgumentException("origin source must not be blank");
        }
        if (line == 0 || line < -1 || column == 0 || column < -1) {
            throw new IllegalArgumentException("line and column are 1-based, or -1 when unknown");
        }
    }

    /**
     * An origin without a position.
     *
     * @param source the source's name
     * @return an origin whose line and column are unknown
     */
    public static Origin of(String source) {
        return new Origin(source, -1, -1);
    }

    /**
     * An origin with a line and column.
     *
     * @param source the source's name
     * @param line   1-based line, or {@code -1}
     * @param column 1-based column, or {@code -1}
     * @return the origin
     */
    public static Origin of(String source, int line, int column) {
        return new Origin(source, line, column);
    }

    /** @return {@code true} when the line is known */
    public boolean hasLine() {
        return line > 0;
    }

    /**
     * The form used in every message: {@code source:line:column}, {@code source:line} or {@code source}.
     *
     * @return a human-readable location
     */
    public String describe() {
        if (line < 0) {
            return source;
        }
        return column < 0 ? source + ":" + line : source + ":" + line + ":" + column;
    }

    @Override
    public String toString() {
        return describe();
    }
}
