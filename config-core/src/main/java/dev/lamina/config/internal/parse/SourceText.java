package dev.lamina.config.internal.parse;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import dev.lamina.config.ParseLimits;

/**
 * Turns a document's bytes into text before any format parser sees them: checks the size limit, decodes UTF-8
 * strictly (an invalid byte sequence is an error with its line and column, never replaced by U+FFFD) and drops a
 * leading byte-order mark. Decoding here, once, gives every format the same encoding rules and locations.
 */
final class SourceText {

    private SourceText() {
    }

    static void checkSize(String source, long bytes, ParseLimits limits) {
        if (bytes > limits.maxDocumentBytes()) {
            throw Failures.limit(Failures.at(source, -1, -1), null, "document size (" + bytes + " bytes)",
                    "maxDocumentBytes", limits.maxDocumentBytes());
        }
    }

    /** Decodes strictly; the limit is checked before a single byte is decoded. */
    static String decode(String source, byte[] content, ParseLimits limits) {
        checkSize(source, content.length, limits);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(content.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw invalidUtf8(source, content, in.position());
        }
        result = decoder.flush(out);
        if (result.isError()) {
            throw invalidUtf8(source, content, in.position());
        }
        out.flip();
        return stripBom(out.toString());
    }

    /** Measures a string's UTF-8 size for the document limit without allocating the encoded form. */
    static String check(String source, String content, ParseLimits limits) {
        long bytes = 0;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        checkSize(source, bytes, limits);
        return stripBom(content);
    }

    /**
     * Refuses raw control characters (NUL and the other C0 controls except tab, form feed and line breaks) in the
     * line-based formats, as the YAML, JSON and TOML readers refuse them: C and many tools end a string at NUL,
     * so such a value would be read differently by different programs. Escapes ({@code \\u0000}) stay allowed,
     * as in JSON.
     *
     * @param source the source's name
     * @param text   the decoded text
     * @param kind   the format's name for the message, e.g. {@code "a properties file"}
     */
    static void refuseControlCharacters(String source, String text, String kind) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20) {
                continue;
            }
            if (c == '\n' || c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                line++;
                lineStart = i + 1;
            } else if (c != '\t' && c != '\f' && c != '\r') {
                throw Failures.parse(Failures.at(source, line, text.codePointCount(lineStart, i) + 1L), null,
                        "control character U+" + String.format("%04X", (int) c) + " is not allowed in " + kind
                                + "; remove it (write it as an escape if it is really meant)");
            }
        }
    }

    private static String stripBom(String text) {
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    /** Line and column of the bad byte: newlines are single bytes in UTF-8, columns count code points. */
    private static RuntimeException invalidUtf8(String source, byte[] content, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset && i < content.length; i++) {
            byte b = content[i];
            if (b == '\n') {
                line++;
                column = 1;
            } else if ((b & 0xC0) != 0x80) {
                column++;
            }
        }
        return Failures.parse(Failures.at(source, line, column), null,
                "invalid UTF-8 byte sequence (configuration files must be UTF-8)");
    }
}
