package dev.lamina.config.internal.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Origin;
import dev.lamina.config.ParseLimits;
import dev.lamina.config.internal.source.EnvironmentSource;

/**
 * Reads {@code .env} text with the grammar of Docker Compose's dotenv parser (compose-go {@code dotenv}), keeping the
 * line and column of every key (see {@code docs/dotenv.md}):
 *
 * <ul>
 *   <li>{@code KEY=value}, {@code KEY: value}, an optional {@code export } prefix; spaces around the separator;</li>
 *   <li>unquoted values run to the end of the line, lose an inline comment that starts with {@code " #"} and
 *       trailing whitespace;</li>
 *   <li>single quotes are literal ({@code \'} is a quote), double quotes decode {@code \a \b \f \n \r \t \v \\ \"
 *       \$} and {@code \0ooo}; quoted values may span lines;</li>
 *   <li>a bare {@code KEY} line takes the variable of that name from the environment.</li>
 * </ul>
 *
 * <p>Variables are not expanded here: the value becomes a Lamina template ({@code docs/interpolation.md}), resolved
 * after merge like every other string. Literal text (single quotes, {@code \$}) has its {@code $} doubled; a
 * variable naming a key defined earlier in the same file becomes {@code ${NAME-${ref:path}}}, which is Compose's
 * order (the environment first, then the file's earlier value). Keys map to paths by the environment variable rule
 * ({@link EnvironmentSource#segments}). Stateless apart from one instance per call.
 */
public final class DotenvParser {

    private final String source;
    private final String text;
    private final ParseLimits limits;
    private int pos;
    private int line = 1;
    private int lineStart;
    /** Raw key of each entry defined so far, to its path, for references to earlier keys. */
    private final Map<String, ConfigPath> defined = new HashMap<>();

    private DotenvParser(String source, String text, ParseLimits limits) {
        this.source = source;
        this.text = text;
        this.limits = limits;
    }

    /**
     * One entry as written: the key, the value as a Lamina template, and where the key starts.
     *
     * @param key      the key as written ({@code DB_HOST})
     * @param path     the config path it maps to ({@code db.host})
     * @param template the value as a Lamina template
     * @param origin   the key's source, line and column
     */
    public record Entry(String key, ConfigPath path, String template, Origin origin) {
    }

    /**
     * @param source the source's name
     * @param text   the decoded text
     * @param limits the bounds to enforce
     * @return the document's root object
     * @throws dev.lamina.config.ConfigParseException if a line is not valid dotenv, a key does not map to a path,
     *                                                 or two keys clash
     */
    static ConfigObject parse(String source, String text, ParseLimits limits) {
        List<Entry> entries = entries(source, text, limits);
        PathTree tree = new PathTree(Origin.of(source));
        int nodes = 1;
        for (Entry e : entries) {
            // Depth first, as in .properties: one name of 100,000 segments is too deep, not 'too many nodes'.
            if (e.path().size() > limits.maxDepth()) {
                throw Failures.limit(e.origin(), null, "nesting depth (" + e.path().size() + ")", "maxDepth",
                        limits.maxDepth());
            }
            nodes += e.path().size();
            if (nodes > limits.maxNodes()) {
                throw Failures.limit(e.origin(), null, "number of nodes (more than " + limits.maxNodes() + ")",
                        "maxNodes", limits.maxNodes());
            }
            Optional<PathTree.Conflict> conflict = tree.put(e.path().segments(),
                    ConfigScalar.string(e.template(), e.origin()));
            if (conflict.isPresent()) {
                PathTree.Conflict c = conflict.get();
                String first = c.origin().hasLine() ? "line " + c.origin().line() : "an earlier line";
                String reason = switch (c.kind()) {
                    case DUPLICATE -> "key " + e.key() + " maps to the same path as the key at " + first
                            + " (names are lower-cased; '_' separates segments); keep one of them";
                    case BELOW_VALUE -> "key " + e.key() + " nests below '" + c.existing() + "', which is set to a "
                            + "value at " + first + "; a path cannot be both a value and a parent";
                    case ABOVE_ENTRIES -> "key " + e.key() + " sets a value on a path that has nested keys (from "
                            + first + "); a path cannot be both a value and a parent";
                };
                throw Failures.parse(e.origin(), e.path(), reason);
            }
        }
        return tree.build();
    }

    /**
     * Reads the entries of a {@code .env} text in order (used by the parser and by the migrator, which needs the
     * keys as written).
     *
     * @param source the source's name
     * @param text   the decoded text (a leading byte-order mark is skipped)
     * @param limits the bounds to enforce
     * @return the entries in file order
     * @throws dev.lamina.config.ConfigParseException if a line is not valid dotenv or a key does not map to a path
     */
    public static List<Entry> entries(String source, String text, ParseLimits limits) {
        String t = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
        return new DotenvParser(source, t, limits).readAll();
    }

    private List<Entry> readAll() {
        List<Entry> out = new ArrayList<>();
        while (true) {
            skipBlankAndComments();
            if (pos >= text.length()) {
                return out;
            }
            out.add(statement());
        }
    }

    private void skipBlankAndComments() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\f' || c == '\u000b') {
                pos++;
            } else if (c == '\r' || c == '\n') {
                newline();
            } else if (c == '#') {
                skipToEndOfLine();
            } else {
                return;
            }
        }
    }

    private Entry statement() {
        if (text.startsWith("export", pos) && pos + 6 < text.length()
                && (text.charAt(pos + 6) == ' ' || text.charAt(pos + 6) == '\t')) {
            pos += 6;
            skipSpaces();
        }
        Origin keyOrigin = here();
        int keyStart = pos;
        int keyEnd = -1;
        boolean inherited;
        while (true) {
            if (pos >= text.length() || isNewline(text.charAt(pos))) {
                inherited = true;
                break;
            }
            int cp = text.codePointAt(pos);
            if (cp == '=' || cp == ':') {
                inherited = false;
                break;
            }
            if (cp == ' ' || cp == '\t') {
                pos++;
                continue;
            }
            if (!(Character.isLetterOrDigit(cp) || cp == '_' || cp == '.' || cp == '-' || cp == '[' || cp == ']')) {
                throw Failures.parse(here(), null, "unexpected character '" + printable(cp) + "' in a key; a key "
                        + "holds letters, digits, '_', '.', '-', '[' and ']', then '=' and the value");
            }
            pos += Character.charCount(cp);
            keyEnd = pos;
        }
        String key = keyEnd < 0 ? "" : text.substring(keyStart, keyEnd);
        if (key.indexOf(' ') >= 0 || key.indexOf('\t') >= 0) {
            throw Failures.parse(keyOrigin, null, "key cannot contain a space (write KEY=value; quote a value "
                    + "that has spaces)");
        }
        if (key.isEmpty()) {
            throw Failures.parse(keyOrigin, null, "empty key; write KEY=value");
        }
        if (key.length() > limits.maxStringLength()) {
            throw Failures.limit(keyOrigin, null, "string length", "maxStringLength", limits.maxStringLength());
        }
        ConfigPath path = pathOf(key, keyOrigin);
        String template;
        if (inherited) {
            if (!key.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
                throw Failures.parse(keyOrigin, path, "a line with only a name takes that environment variable, "
                        + "but '" + key + "' is not a variable name; write " + key + "=value");
            }
            template = "${" + key + "}";
        } else {
            pos++; // the '=' or ':'
            skipSpaces();
            template = value(keyOrigin, path);
        }
        if (template.length() > limits.maxStringLength()) {
            throw Failures.limit(keyOrigin, path, "string length", "maxStringLength", limits.maxStringLength());
        }
        Entry e = new Entry(key, path, template, keyOrigin);
        defined.put(key, path);
        return e;
    }

    private ConfigPath pathOf(String key, Origin at) {
        Optional<List<String>> segments = EnvironmentSource.segments(key);
        if (segments.isEmpty()) {
            throw Failures.parse(at, null, "key " + key + " does not map to a config path: one '_' separates "
                    + "segments, '__' is a '_' and '___' a '-' inside a key, so a name cannot start or end with '_' "
                    + "or hold four '_' in a row (see docs/environment-variables.md)");
        }
        return ConfigPath.of(segments.get());
    }

    private String value(Origin keyOrigin, ConfigPath path) {
        if (pos >= text.length()) {
            return "";
        }
        char q = text.charAt(pos);
        if (q != '"' && q != '\'') {
            int start = pos;
            skipToEndOfLine();
            String raw = text.substring(start, pos);
            int comment = raw.indexOf(" #");
            if (comment >= 0) {
                raw = raw.substring(0, comment);
            }
            return rewrite(stripTrailing(raw));
        }
        Origin open = here();
        int startLine = line;
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw Failures.parse(open, path, "unterminated quoted value: the " + (q == '"' ? "double" : "single")
                        + " quote opened here (line " + startLine + ") is never closed; add the closing " + q
                        + " (write \\" + q + " for a quote inside the value)");
            }
            char c = text.charAt(pos);
            if (c == q) {
                pos++;
                break;
            }
            if (c == '\\' && pos + 1 < text.length()) {
                char n = text.charAt(pos + 1);
                if (q == '\'') {
                    if (n == '\'') {
                        sb.append('\'');
                        pos += 2;
                    } else {
                        sb.append("\\");
                        pos++;
                    }
                    continue;
                }
                pos += 2;
                switch (n) {
                    case 'a' -> sb.append('\u0007');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'v' -> sb.append('\u000b');
                    case '\\' -> sb.append('\\');
                    case '"' -> sb.append('"');
                    case '$' -> sb.append("$$"); // a literal '$' in template form
                    case '0' -> sb.append(octal());
                    default -> {
                        sb.append('\\');
                        pos--; // keep the next character as it is (it may be a newline)
                    }
                }
                continue;
            }
            if (c == '\n' || c == '\r') {
                sb.append(c);
                newlineKeepingText();
                continue;
            }
            if (q == '\'' && c == '$') {
                sb.append("$$");
            } else {
                sb.append(c);
            }
            pos++;
        }
        // After the closing quote only blanks and a comment may follow.
        skipSpaces();
        if (pos < text.length() && !isNewline(text.charAt(pos)) && text.charAt(pos) != '#') {
            throw Failures.parse(here(), path, "unexpected text after the closing quote; put a comment after "
                    + "' #', or the whole value inside the quotes");
        }
        skipToEndOfLine();
        return q == '"' ? rewrite(sb.toString()) : sb.toString();
    }

    /** {@code \0} followed by up to three octal digits (Compose reads {@code \0123} as {@code S}). */
    private String octal() {
        int v = 0;
        int n = 0;
        while (n < 3 && pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '7') {
            v = v * 8 + (text.charAt(pos) - '0');
            pos++;
            n++;
        }
        return String.valueOf((char) (v & 0xFF));
    }

    /**
     * Rewrites variables that name a key defined earlier in this file so that they fall back to that key
     * ({@code ${NAME}} → {@code ${NAME-${ref:path}}}): Compose looks at the environment first, then at the values
     * read so far. Everything else is left for the interpolation engine, whose grammar Compose's matches.
     */
    private String rewrite(String s) {
        if (s.indexOf('$') < 0 || defined.isEmpty()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c != '$' || i + 1 >= s.length()) {
                out.append(c);
                i++;
                continue;
            }
            char n = s.charAt(i + 1);
            if (n == '$') {
                out.append("$$");
                i += 2;
            } else if (n == '{') {
                int nameEnd = i + 2;
                while (nameEnd < s.length() && isNameChar(s.charAt(nameEnd), true)) {
                    nameEnd++;
                }
                String name = s.substring(i + 2, nameEnd);
                ConfigPath target = name.isEmpty() ? null : defined.get(name);
                int close = target == null ? -1 : closingBrace(s, nameEnd);
                if (target == null || close < 0) {
                    out.append("${");
                    i += 2;
                    continue;
                }
                String op = s.substring(nameEnd, close);
                String ref = "${ref:" + target + "}";
                if (op.isEmpty() || op.startsWith("-") || op.startsWith("?")) {
                    out.append("${").append(name).append('-').append(ref).append('}');
                } else if (op.startsWith(":-")) {
                    out.append("${").append(name).append(":-${ref:").append(target).append(":-")
                            .append(rewrite(op.substring(2))).append("}}");
                } else if (op.startsWith(":?")) {
                    out.append("${").append(name).append(":-").append(ref).append('}');
                } else {
                    out.append(s, i, close + 1); // :+ and + (and anything else): as written
                }
                i = close + 1;
            } else if (isNameChar(n, false) && !Character.isDigit(n)) {
                int nameEnd = i + 1;
                while (nameEnd < s.length() && isNameChar(s.charAt(nameEnd), false)) {
                    nameEnd++;
                }
                String name = s.substring(i + 1, nameEnd);
                ConfigPath target = defined.get(name);
                if (target == null) {
                    out.append(s, i, nameEnd);
                } else {
                    out.append("${").append(name).append("-${ref:").append(target).append("}}");
                }
                i = nameEnd;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** @return the index of the {@code }} closing an expression whose name ends at {@code from}, or -1 */
    private static int closingBrace(String s, int from) {
        int depth = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '$') {
                i++;
            } else if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
                depth++;
                i++;
            } else if (c == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
        }
        return -1;
    }

    private static boolean isNameChar(char c, boolean braced) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'
                || (braced && c == '.');
    }

    private static String stripTrailing(String s) {
        int end = s.length();
        while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end);
    }

    private static String printable(int cp) {
        return Character.isISOControl(cp) ? String.format("U+%04X", cp) : new String(Character.toChars(cp));
    }

    private Origin here() {
        return Failures.at(source, line, pos - lineStart + 1);
    }

    private void skipSpaces() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
    }

    private void skipToEndOfLine() {
        while (pos < text.length() && !isNewline(text.charAt(pos))) {
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

    /** A newline inside a quoted value: counted, and a {@code \r\n} pair is kept whole in the value. */
    private void newlineKeepingText() {
        char c = text.charAt(pos);
        pos++;
        if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
            // The '\n' is appended by the caller's next round; count the line once.
            return;
        }
        line++;
        lineStart = pos;
    }
}
