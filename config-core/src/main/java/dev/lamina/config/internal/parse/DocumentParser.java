package dev.lamina.config.internal.parse;

import java.util.Objects;




import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigParseException;
import dev.lamina.config.Format;
import dev.lamina.config.ParseLimits;

/**
 * The one parser for every format: text (decoded strictly, see {@link SourceText}) goes through a token stream
 * into {@link TokenTreeBuilder}: Lamina's own {@link YamlReader} for YAML, the format's Jackson streaming parser for
 * JSON, TOML and XML ({@link JacksonDocuments}); properties and .env files have their own small readers. Every failure is a
 * {@link ConfigParseException} (or {@link dev.lamina.config.ConfigLimitException}) naming the source, line and
 * column, with a reason written by us. Stateless and thread-safe: the Jackson factories for the default
 * {@link ParseLimits} are built once and shared (see {@link StreamFactories}); other limits get their own per call.
 */
public final class DocumentParser {

    private DocumentParser() {
    }

    /**
     * Parses a document's bytes (UTF-8, optional byte-order mark).
     *
     * @param source  the source's name, used in every origin
     * @param format  the document's format
     * @param content the bytes
     * @param limits  the bounds to enforce
     * @return the document's root object
     * @throws ConfigParseException if the document is malformed or rejected
     */
    public static ConfigObject parse(String source, Format format, byte[] content, ParseLimits limits) {
        check(source, format, limits);
        Objects.requireNonNull(content, "content");
        return parseText(source, format, SourceText.decode(source, content, limits), limits);
    }

    /**
     * Parses a document's text.
     *
     * @param source  the source's name
     * @param format  the document's format
     * @param content the text
     * @param limits  the bounds to enforce
     * @return the document's root object
     * @throws ConfigParseException if the document is malformed or rejected
     */
    public static ConfigObject parse(String source, Format format, String content, ParseLimits limits) {
        check(source, format, limits);
        Objects.requireNonNull(content, "content");
        return parseText(source, format, SourceText.check(source, content, limits), limits);
    }

    private static void check(String source, Format format, ParseLimits limits) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(limits, "limits");
        if (source.isBlank()) {
            throw new IllegalArgumentException("source name must not be blank");
        }
    }

    private static ConfigObject parseText(String source, Format format, String text, ParseLimits limits) {
        if (format == Format.PROPERTIES) {
            SourceText.refuseControlCharacters(source, text, "a properties file");
            return PropertiesParser.parse(source, text, limits);
        }
        if (format == Format.ENV) {
            SourceText.refuseControlCharacters(source, text, "a .env file");
            return DotenvParser.parse(source, text, limits);
        }
        if (format == Format.YAML) {
            return parseYaml(source, text, limits);
        }
        return JacksonDocuments.parse(source, format, text, limits);
    }

    private static ConfigObject parseYaml(String source, String text, ParseLimits limits) {
        YamlReader reader = new YamlReader(source, text);
        TokenTreeBuilder builder = new TokenTreeBuilder(source, Format.YAML, limits, null);
        ConfigObject root;
        try {
            root = builder.readRoot(reader, reader.next());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("the YAML reader reads from memory and never fails this way", e);
        }
        if (reader.next() != null) { // the reader refuses a second document itself; nothing else can follow
            throw Failures.parse(builder.origin(reader), null, "unexpected content after the document");
        }
        return root;
    }

}
