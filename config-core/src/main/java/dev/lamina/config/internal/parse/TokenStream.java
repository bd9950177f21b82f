package dev.lamina.config.internal.parse;

import java.io.IOException;

/**
 * A document as a stream of {@link Token}s, pulled by {@link TokenTreeBuilder}: Lamina's own YAML reader, or a
 * Jackson streaming parser for JSON, TOML and XML ({@link JacksonTokens}). One instance reads one document.
 */
interface TokenStream {

    /**
     * @return the next token, or {@code null} at the end of the document
     * @throws IOException if the underlying parser fails
     */
    Token next() throws IOException;

    /** @return the current {@link Token#KEY}'s name */
    String name() throws IOException;

    /** @return the current scalar's text */
    String text() throws IOException;

    /** @return the current token's 1-based line, or a value below 1 when unknown */
    long line();

    /** @return the current token's 1-based column, or a value below 1 when unknown */
    long column();

    /**
     * @return {@code true} when the current scalar or key was written without quotes or tag (YAML), which decides
     *         its type, and whether a dotted key is a path
     */
    default boolean plain() {
        return false;
    }
}
