package dev.lamina.config.internal.parse;

import java.util.List;
import java.util.Optional;

import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Origin;
import dev.lamina.config.ParseLimits;

/**
 * Reads {@code .properties} text (the {@link java.util.Properties#load(java.io.Reader)} syntax: {@code #}/{@code !}
 * comments, {@code =}, {@code :} or whitespace separators, backslash continuations and escapes) while keeping the
 * line and column of every key, which {@code java.util.Properties} does not. Dotted keys nest; every value is a
 * string scalar. A repeated key, or a key that is both a value and a parent, is an error naming both lines.
 */
final class PropertiesParser {

    private final String source;
    private final String text;
    private final ParseLimits limits;
    private int pos;
    private int line = 1;
    private int lineStart;

    private PropertiesParser(String source, String text, ParseLimits limits) {
        this.source = source;
        this.text = text;
        this.limits = limits;
    }

    static ConfigObject parse(String source, String text, ParseLimits limits) {
        return new PropertiesParser(source, text, limits).parse();
    }

    private ConfigObject parse() {
        PathTree tree = new PathTree(Origin.of(source));
        int nodes = 1;
        while (pos < text.length()) {
            skipWhitespace();
            if (pos >= text.length()) {
                break;
            }
            char c = text.charAt(pos);
            if (isNewline(c)) {
                newline();
                continue;
            }
            if (c == '#' || c == '!') {
                while (pos < text.length() && !isNewline(text.charAt(pos))) {
                    pos++;
                }
                continue;
            }
            Origin keyOrigin = Failures.at(source, line, pos - lineStart + 1);
            String key = readPart(true);
            skipWhitespace();
            if (pos < text.length() && (text.charAt(pos) == '=' || text.charAt(pos) == ':')) {
                pos++;
                skipWhitespace();
            }
            String value = readPart(false);
            if (key.length() > limits.maxStringLength() || value.length() > limits.maxStringLength()) {
                throw Failures.limit(keyOrigin, null, "string length", "maxStringLength", limits.maxStringLength());
            }
            List<String> segments = segments(key, keyOrigin);
            // Depth first: one key of 100,000 segments is too deep, which says more than 'too many nodes'.
            if (segments.size() > limits.maxDepth()) {
                throw Failures.limit(keyOrigin, null, "nesting depth (" + segments.size() + ")", "maxDepth",
                        limits.maxDepth());
            }
            nodes += segments.size();
            if (nodes > limits.maxNodes()) {
                throw Failures.limit(keyOrigin, null, "number of nodes (more than " + limits.maxNodes() + ")",
                        "maxNodes", limits.maxNodes());
            }
            Optional<PathTree.Conflict> conflict = tree.put(segments, ConfigScalar.string(value, keyOrigin));
            if (conflict.isPresent()) {
                throw conflict(keyOrigin, ConfigPath.of(segments), conflict.get());
            }
        }
        return tree.build();
    }

    private List<String> segments(String key, Origin at) {
        try {
            ConfigPath path = ConfigPath.parse(key);
            if (path.isRoot()) {
                throw Failures.parse(at, null, "empty key; write key=value");
            }
            return path.segments();
        } catch (IllegalArgumentException e) {
            throw Failures.parse(at, null,
                    "key is not a valid config path (empty segment, unclosed quote or bracket); quote a segment that "
                            + "contains dots, e.g. a.\"b.c\"=1");
        }
    }

    private static RuntimeException conflict(Origin at, ConfigPath path, PathTree.Conflict c) {
        String first = c.origin().hasLine() ? "line " + c.origin().line() : "an earlier line";
        String reason = switch (c.kind()) {
            case DUPLICATE -> "duplicate key (first defined at " + first + "); keep one of them";
            case BELOW_VALUE -> "key '" + c.existing() + "' is set to a value at " + first
                    + ", so it cannot also have nested keys";
            case ABOVE_ENTRIES -> "key has nested keys (from " + first + "), so it cannot also be set to a value";
        };
        return Failures.parse(at, path, reason);
    }

    /** Reads a key (up to an unescaped separator) or a value (to the end of the logical line), decoding escapes. */
    private String readPart(boolean key) {
        StringBuilder sb = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (isNewline(c)) {
                break;
            }
            if (key && (c == '=' || c == ':' || c == ' ' || c == '\t' || c == '\f')) {
                break;
            }
            if (c != '\\') {
                sb.append(c);
                pos++;
                continue;
            }
            pos++;
            if (pos >= text.length()) {
                break;
            }
            char e = text.charAt(pos);
            if (isNewline(e)) {
                // Continuation: the next line's leading whitespace is dropped.
                if (e == '\r' && pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
                    pos++;
                }
                newline();
                skipWhitespace();
                continue;
            }
            pos++;
            switch (e) {
                case 't' -> sb.append('\t');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 'f' -> sb.append('\f');
                case 'u' -> sb.append(unicode());
                default -> sb.append(e);
            }
        }
        return sb.toString();
    }

    private char unicode() {
        if (pos + 4 > text.length()) {
            throw malformedUnicode();
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(text.charAt(pos + i), 16);
            if (d < 0) {
                throw malformedUnicode();
            }
            v = v * 16 + d;
        }
        pos += 4;
        return (char) v;
    }

    private RuntimeException malformedUnicode() {
        return Failures.parse(Failures.at(source, line, pos - lineStart + 1), null,
                "malformed \\uXXXX escape (four hexadecimal digits expected)");
    }

    private void skipWhitespace() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t' || text.charAt(pos) == '\f')) {
            pos++;
        }
    }

    private static boolean isNewline(char c) {
        return c == '\n' || c == '\r';
    }

    private void newline() {
        char c = text.charAt(pos);
        pos++;
        if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
            pos++;
        }
        line++;
        lineStart = pos;
    }
}
