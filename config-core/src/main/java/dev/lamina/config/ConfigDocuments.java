package dev.lamina.config;

import dev.lamina.config.internal.parse.DocumentParser;

/**
 * Parses a document (YAML, JSON, TOML, XML or properties) into an immutable {@link ConfigObject}, the same way every
 * {@link ConfigSource} does. Every node carries its {@link Origin} ({@code sourceName:line:column}).
 *
 * <p>The parser is hardened (see {@code docs/sources-and-formats.md}): YAML anchors, aliases, merge keys, tags other
 * than {@code !!str} and extra documents are rejected; duplicate keys are errors in every format; JSON trailing
 * content, XML DOCTYPEs and TOML integers outside 64 bits are rejected; content must be UTF-8 (a byte-order mark is
 * accepted); the bounds of {@link ParseLimits} are enforced. Scalars keep the text as written; YAML is typed by the
 * YAML 1.2 core schema, so {@code NO}, {@code on} and {@code 0755} are strings. The root must be an object; an empty
 * or comment-only document gives an empty object.
 *
 * <p>Error messages name the source, line and column and never quote the document's values.
 *
 * <p>Stateless and thread-safe.
 */
public final class ConfigDocuments {

    private ConfigDocuments() {
    }

    /**
     * Parses UTF-8 bytes.
     *
     * @param sourceName the name used in origins and messages, for example {@code config/base.yaml}; not blank
     * @param format     the document's format
     * @param content    the bytes, UTF-8 with an optional byte-order mark
     * @param limits     the bounds to enforce; {@link ParseLimits#DEFAULTS} for the documented defaults
     * @return the root object; never {@code null}
     * @throws NullPointerException     if an argument is {@code null}
     * @throws IllegalArgumentException if {@code sourceName} is blank
     * @throws ConfigLimitException     if a bound is exceeded (the message names the {@code ParseLimits} component)
     * @throws ConfigParseException     if the document is malformed or rejected by the hardening rules
     */
    public static ConfigObject parse(String sourceName, Format format, byte[] content, ParseLimits limits) {
        return DocumentParser.parse(sourceName, format, content, limits);
    }

    /**
     * Parses text. The size limit is applied to the text's UTF-8 length.
     *
     * @param sourceName the name used in origins and messages; not blank
     * @param format     the document's format
     * @param content    the text; a leading byte-order mark is ignored
     * @param limits     the bounds to enforce
     * @return the root object; never {@code null}
     * @throws NullPointerException     if an argument is {@code null}
     * @throws IllegalArgumentException if {@code sourceName} is blank
     * @throws ConfigLimitException     if a bound is exceeded
     * @throws ConfigParseException     if the document is malformed or rejected by the hardening rules
     */
    public static ConfigObject parse(String sourceName, Format format, String content, ParseLimits limits) {
        return DocumentParser.parse(sourceName, format, content, limits);
    }
}
