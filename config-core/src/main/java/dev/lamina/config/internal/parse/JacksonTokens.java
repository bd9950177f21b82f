package dev.lamina.config.internal.parse;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/** A Jackson streaming parser (JSON, TOML, XML) as a {@link TokenStream}. */
final class JacksonTokens implements TokenStream {

    final JsonParser parser;

    JacksonTokens(JsonParser parser) {
        this.parser = parser;
    }

    @Override
    public Token next() throws IOException {
        return of(parser.nextToken());
    }

    static Token of(JsonToken t) {
        if (t == null) {
            return null;
        }
        return switch (t) {
            case START_OBJECT -> Token.START_OBJECT;
            case END_OBJECT -> Token.END_OBJECT;
            case START_ARRAY -> Token.START_ARRAY;
            case END_ARRAY -> Token.END_ARRAY;
            case FIELD_NAME -> Token.KEY;
            case VALUE_STRING -> Token.STRING;
            case VALUE_NUMBER_INT -> Token.INTEGER;
            case VALUE_NUMBER_FLOAT -> Token.DECIMAL;
            case VALUE_TRUE -> Token.TRUE;
            case VALUE_FALSE -> Token.FALSE;
            case VALUE_NULL -> Token.NULL;
            default -> Token.OTHER;
        };
    }

    @Override
    public String name() throws IOException {
        return parser.currentName();
    }

    @Override
    public String text() throws IOException {
        return parser.getText();
    }

    @Override
    public long line() {
        JsonLocation at = parser.currentTokenLocation();
        return at == null ? -1 : at.getLineNr();
    }

    @Override
    public long column() {
        JsonLocation at = parser.currentTokenLocation();
        return at == null ? -1 : at.getColumnNr();
    }
}
