package dev.lamina.config.internal.parse;

import dev.lamina.config.ConfigObject;
import dev.lamina.config.Format;
import dev.lamina.config.ParseLimits;

/** How a reader turns a document's bytes into a tree: directly, or through a {@link ParsedDocumentCache}. */
@FunctionalInterface
public interface DocumentParsing {

    /** Parses every time. */
    DocumentParsing DIRECT = DocumentParser::parse;

    /**
     * @param sourceName the name used in origins and messages
     * @param format     the format
     * @param content    the bytes
     * @param limits     the parse limits
     * @return the tree
     * @throws dev.lamina.config.ConfigException when the document is malformed or exceeds a limit
     */
    ConfigObject parse(String sourceName, Format format, byte[] content, ParseLimits limits);
}
