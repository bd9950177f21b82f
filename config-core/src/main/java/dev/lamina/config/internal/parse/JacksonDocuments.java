package dev.lamina.config.internal.parse;

import java.io.IOException;
import java.io.StringReader;
import java.util.Locale;

import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;

import dev.lamina.config.ConfigException;
import dev.lamina.config.ConfigLimitException;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigParseException;
import dev.lamina.config.Format;
import dev.lamina.config.Origin;
import dev.lamina.config.ParseLimits;

/**
 * JSON, TOML and XML through their Jackson streaming parsers into {@link TokenTreeBuilder}. A class of its own so
 * that a YAML-only application never loads Jackson's parser and exception classes (issue 11: cold start).
 */
final class JacksonDocuments {

    private JacksonDocuments() {
    }

    /**
     * @param source the source's name
     * @param format JSON, TOML or XML
     * @param text   the document's text
     * @param limits the bounds to enforce
     * @return the document's root object
     */
    static ConfigObject parse(String source, Format format, String text, ParseLimits limits) {
        TomlLineIndex index = format == Format.TOML ? TomlLineIndex.of(source, text, limits) : null;
        TokenTreeBuilder builder = new TokenTreeBuilder(source, format, limits, index);
        JsonParser parser = null;
        try {
            parser = open(source, format, text, limits);
            if (parser == null) {
                return ConfigObject.empty(Origin.of(source)); // XML without a root element
            }
            JacksonTokens tokens = new JacksonTokens(parser);
            ConfigObject root = builder.readRoot(tokens, tokens.next());
            checkEnd(source, format, parser, builder, tokens);
            return root;
        } catch (ConfigException e) {
            throw e;
        } catch (StreamConstraintsException e) {
            throw limitFrom(source, e, limits, parser);
        } catch (JsonProcessingException e) {
            ConfigLimitException limit = format == Format.XML ? XmlSupport.limitError(source, e, limits, location(source, parser)) : null;
            throw limit != null ? limit : syntax(source, format, e, parser);
        } catch (XMLStreamException e) {
            ConfigLimitException limit = XmlSupport.limitError(source, e, limits, location(source, parser));
            if (limit != null) {
                throw limit;
            }
            Location at = e.getLocation();
            throw Failures.parse(at == null ? Origin.of(source) : Failures.at(source, at.getLineNumber(),
                    at.getColumnNumber()), null, Reasons.syntax(format, e.getMessage()));
        } catch (IOException | RuntimeException e) {
            StreamConstraintsException limit = find(e, StreamConstraintsException.class);
            if (limit != null) {
                throw limitFrom(source, limit, limits, parser);
            }
            ConfigLimitException xmlLimit = format == Format.XML ? XmlSupport.limitError(source, e, limits, location(source, parser)) : null;
            if (xmlLimit != null) {
                throw xmlLimit;
            }
            throw new ConfigParseException(location(source, parser), null,
                    "cannot parse " + format.name() + " (" + e.getClass().getSimpleName() + ")");
        } finally {
            if (parser != null) {
                try {
                    parser.close();
                } catch (IOException ignored) {
                    // Reading from memory: nothing to release.
                }
            }
        }
    }

    private static JsonParser open(String source, Format format, String text, ParseLimits limits)
            throws IOException, XMLStreamException {
        switch (format) {
            case JSON:
                return StreamFactories.of(limits).json().createParser(new StringReader(text));
            case TOML:
                OptionalFormats.require(source, format);
                return TomlSupport.open(text, limits);
            case XML:
                OptionalFormats.require(source, format);
                return XmlSupport.open(source, text, limits);
            default:
                throw new IllegalStateException("no streaming parser for " + format);
        }
    }

    /** What may follow the root: nothing (JSON trailing content is an error). */
    private static void checkEnd(String source, Format format, JsonParser parser, TokenTreeBuilder builder,
                                 JacksonTokens tokens) throws IOException {
        JsonToken next;
        try {
            next = parser.nextToken();
        } catch (JsonProcessingException e) {
            if (format == Format.JSON) {
                throw Failures.parse(Failures.at(source, e.getLocation()), null,
                        "trailing content after the JSON document; a file holds exactly one object");
            }
            throw e;
        }
        if (next != null) {
            throw Failures.parse(builder.origin(tokens), null,
                    "trailing content after the " + format.name() + " document; a file holds exactly one object");
        }
    }

    static StreamReadConstraints constraints(ParseLimits limits) {
        // Jackson's own checks are a backstop with the same values; its errors carry no source, so we add it.
        return StreamReadConstraints.builder()
                .maxDocumentLength(limits.maxDocumentBytes())
                .maxNestingDepth(limits.maxDepth())
                .maxStringLength(limits.maxStringLength())
                .maxNameLength(limits.maxStringLength())
                .maxNumberLength(limits.maxNumberLength())
                .build();
    }

    private static RuntimeException limitFrom(String source, StreamConstraintsException e, ParseLimits limits,
                                              JsonParser parser) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        Origin at = e.getLocation() != null && e.getLocation().getLineNr() > 0
                ? Failures.at(source, e.getLocation()) : location(source, parser);
        if (m.contains("nesting depth")) {
            return Failures.limit(at, null, "nesting depth", "maxDepth", limits.maxDepth());
        }
        if (m.contains("number value length")) {
            return Failures.limit(at, null, "number length", "maxNumberLength", limits.maxNumberLength());
        }
        if (m.contains("string value length") || m.contains("name length")) {
            return Failures.limit(at, null, "string length", "maxStringLength", limits.maxStringLength());
        }
        if (m.contains("document length")) {
            return Failures.limit(at, null, "document size", "maxDocumentBytes", limits.maxDocumentBytes());
        }
        return new ConfigLimitException(at, null,
                "document exceeds a parser limit (nesting depth, string or number length, or size); see ParseLimits");
    }

    private static RuntimeException syntax(String source, Format format, JsonProcessingException e, JsonParser parser) {
        Origin at = e.getLocation() != null && e.getLocation().getLineNr() > 0
                ? Failures.at(source, e.getLocation()) : location(source, parser);
        return Failures.parse(at, null, Reasons.syntax(format, e.getOriginalMessage()));
    }

    private static Origin location(String source, JsonParser parser) {
        return parser == null ? Origin.of(source) : Failures.at(source, parser.currentLocation());
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
