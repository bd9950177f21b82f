package dev.lamina.config.internal.parse;

import java.io.IOException;
import java.io.StringReader;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.dataformat.toml.TomlFactory;

import dev.lamina.config.ParseLimits;

/**
 * TOML input. The only class that names jackson-dataformat-toml, which is optional: it is loaded when a TOML
 * document is parsed, after {@link OptionalFormats#require} has checked the jar is there.
 */
final class TomlSupport {

    /** The factory for the default limits; immutable once built, like every configured Jackson factory. */
    private static final TomlFactory DEFAULTS = build(ParseLimits.DEFAULTS);

    private TomlSupport() {
    }

    static JsonParser open(String text, ParseLimits limits) throws IOException {
        TomlFactory f = ParseLimits.DEFAULTS.equals(limits) ? DEFAULTS : build(limits);
        return f.createParser(new StringReader(text));
    }

    private static TomlFactory build(ParseLimits limits) {
        return TomlFactory.builder().streamReadConstraints(JacksonDocuments.constraints(limits)).build();
    }
}
