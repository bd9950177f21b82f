package dev.lamina.config.internal.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.lamina.config.ConfigException;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ParseLimits;

/**
 * Where each TOML key was written. Jackson's TOML parser builds a tree before it hands out tokens, so its token
 * locations are {@code -1}; this small scanner reads the same text for {@code [table]} and {@code [[array]]}
 * headers, {@code key = value} lines (dotted and quoted keys included), inline tables and array items, and records
 * the line and column of each path. It never throws: on text it does not understand it stops and keeps what it
 * has, because Jackson reports the syntax error itself. Paths are the joined segments with list indices as
 * decimal strings, the same shape the tree builder uses.
 *
 * <p>The scan runs before Jackson's TOML parser, which builds the whole tree before handing out a token, so it is
 * also where the {@link ParseLimits} are enforced while reading: a key or header deeper than {@code maxDepth}
 * (a 100,000-level dotted key cost Jackson minutes and gigabytes) and more than {@code maxNodes} keys and items
 * are refused here, in time linear in the text. It also reports a key defined twice with both lines, which
 * Jackson reports one line late and without the key.
 */
final class TomlLineIndex {

    private final String source;
    private final String text;
    private final ParseLimits limits;
    private final int maxDepth;
    private int depth;
    /** Where each {@code key = value} was defined, by full path, to report duplicates with both positions. */
    private final Map<List<String>, int[]> definitions = new HashMap<>();
    private final Map<List<String>, int[]> positions = new HashMap<>();
    /** The written text of bare values (numbers, booleans, dates and times), by path. */
    private final Map<List<String>, String> bareValues = new HashMap<>();
    /** Current element index of each array of tables, keyed by its resolved path. */
    private final Map<List<String>, Integer> arrayTables = new HashMap<>();
    private int pos;
    private int line = 1;
    private int lineStart;

    private TomlLineIndex(String source, String text, ParseLimits limits) {
        this.source = source;
        this.text = text;
        this.limits = limits;
        this.maxDepth = limits.maxDepth();
    }

    /**
     * @param source the source's name, for errors
     * @param text   the document
     * @param limits the limits to enforce while scanning
     * @return the index
     * @throws ConfigException when a limit is exceeded or a key is defined twice
     */
    static TomlLineIndex of(String source, String text, ParseLimits limits) {
        TomlLineIndex index = new TomlLineIndex(source, text, limits);
        try {
            index.scan();
        } catch (ConfigException e) {
            throw e;
        } catch (RuntimeException ignored) {
            // Malformed input: Jackson reports it with a location; keep what was indexed so far.
        }
        return index;
    }

    /**
     * @param path the segments of a node
     * @return {line, column} of the node, or of its nearest indexed ancestor, or {@code null}
     */
    int[] find(List<String> path) {
        for (int n = path.size(); n > 0; n--) {
            int[] p = positions.get(path.subList(0, n));
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    /**
     * @param path the segments of a scalar
     * @return the text written for it when it is a bare value (not a quoted string), else {@code null}
     */
    String bareValue(List<String> path) {
        return bareValues.get(path);
    }

    private void scan() {
        List<String> table = List.of();
        while (true) {
            skipBlankAndComments(true);
            if (pos >= text.length()) {
                return;
            }
            char c = text.charAt(pos);
            if (c == '[') {
                int l = line;
                int col = column();
                boolean array = pos + 1 < text.length() && text.charAt(pos + 1) == '[';
                pos += array ? 2 : 1;
                List<String> keys = readKey(0, l, col);
                skipInline();
                pos += array ? 2 : 1;
                List<String> resolved = resolve(keys, array);
                checkDepth(resolved.size(), l, col);
                // Every table on the way ([a.b.c] also creates a and a.b) gets the header's position if it has none.
                for (int n = 1; n <= resolved.size(); n++) {
                    record(List.copyOf(resolved.subList(0, n)), l, col);
                }
                table = resolved;
            } else {
                readKeyValue(table);
            }
            skipToLineEnd();
        }
    }

    /** Resolves a header's keys through the arrays of tables seen so far; for {@code [[x]]} adds a new index. */
    private List<String> resolve(List<String> keys, boolean newArrayElement) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            out.add(keys.get(i));
            boolean last = i == keys.size() - 1;
            if (last && newArrayElement) {
                int next = arrayTables.merge(List.copyOf(out), 1, Integer::sum) - 1;
                out.add(Integer.toString(next));
            } else {
                Integer current = arrayTables.get(out);
                if (current != null) {
                    out.add(Integer.toString(current - 1));
                }
            }
        }
        return List.copyOf(out);
    }

    private void readKeyValue(List<String> prefix) {
        int l = line;
        int col = column();
        List<String> keys = readKey(prefix.size(), l, col);
        List<String> path = new ArrayList<>(prefix);
        for (String k : keys) {
            path.add(k);
            record(List.copyOf(path), l, col);
        }
        skipInline();
        if (pos < text.length() && text.charAt(pos) == '=') {
            List<String> full = List.copyOf(path);
            int[] first = definitions.putIfAbsent(full, new int[] {l, col});
            if (first != null) {
                throw Failures.parse(Failures.at(source, l, col), ConfigPath.of(full), "duplicate key '"
                        + full.get(full.size() - 1) + "' (first defined at " + first[0] + ":" + first[1]
                        + "); keep one of them");
            }
            pos++;
            skipInline();
            readValue(path);
        }
    }

    private void readValue(List<String> path) {
        if (pos >= text.length()) {
            return;
        }
        if (++depth > maxDepth) {
            throw new IllegalStateException("too deep to index"); // bounded recursion, whatever the input
        }
        try {
            readNestedValue(path);
        } finally {
            depth--;
        }
    }

    private void readNestedValue(List<String> path) {
        char c = text.charAt(pos);
        if (c == '{') {
            pos++;
            while (true) {
                skipInline();
                if (pos >= text.length() || text.charAt(pos) == '}') {
                    pos++;
                    return;
                }
                if (text.charAt(pos) == ',') {
                    pos++;
                    continue;
                }
                int before = pos;
                readKeyValue(path);
                if (pos == before) {
                    throw new IllegalStateException("no progress");
                }
            }
        } else if (c == '[') {
            pos++;
            int index = 0;
            while (true) {
                skipBlankAndComments(true);
                if (pos >= text.length() || text.charAt(pos) == ']') {
                    pos++;
                    return;
                }
                if (text.charAt(pos) == ',') {
                    pos++;
                    index++;
                    continue;
                }
                List<String> item = new ArrayList<>(path);
                item.add(Integer.toString(index));
                record(List.copyOf(item), line, column());
                int before = pos;
                readValue(item);
                if (pos == before) {
                    throw new IllegalStateException("no progress");
                }
            }
        } else if (c == '"' || c == '\'') {
            readString();
        } else {
            int start = pos;
            while (pos < text.length() && ",]}#\n\r".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
            bareValues.putIfAbsent(List.copyOf(path), text.substring(start, pos).strip());
        }
    }

    /**
     * Reads a dotted key up to {@code =} or {@code ]}; quoted parts may hold dots. Refuses a key that would nest
     * deeper than {@code maxDepth} as soon as its segments pass the limit, before reading the rest.
     */
    private List<String> readKey(int prefixDepth, int l, int col) {
        List<String> keys = new ArrayList<>();
        while (true) {
            checkDepth(prefixDepth + keys.size() + 1, l, col);
            skipInline();
            if (pos >= text.length()) {
                return keys;
            }
            char c = text.charAt(pos);
            if (c == '"' || c == '\'') {
                keys.add(readString());
            } else {
                int start = pos;
                while (pos < text.length() && isBareKeyChar(text.charAt(pos))) {
                    pos++;
                }
                if (pos == start) {
                    throw new IllegalStateException("not a key");
                }
                keys.add(text.substring(start, pos));
            }
            skipInline();
            if (pos < text.length() && text.charAt(pos) == '.') {
                pos++;
            } else {
                return keys;
            }
        }
    }

    private static boolean isBareKeyChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-';
    }

    /** Reads a basic, literal or multi-line string and returns its value (escapes decoded for basic strings). */
    private String readString() {
        char quote = text.charAt(pos);
        boolean multi = text.startsWith(String.valueOf(quote).repeat(3), pos);
        pos += multi ? 3 : 1;
        StringBuilder sb = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (multi && text.startsWith(String.valueOf(quote).repeat(3), pos)) {
                pos += 3;
                // Up to two more quotes right before the closing delimiter belong to the string.
                while (pos < text.length() && text.charAt(pos) == quote) {
                    pos++;
                }
                return sb.toString();
            }
            if (!multi && c == quote) {
                pos++;
                return sb.toString();
            }
            if (c == '\n') {
                newline();
                sb.append(c);
                continue;
            }
            if (quote == '"' && c == '\\' && pos + 1 < text.length()) {
                pos = decodeEscape(sb, pos + 1);
                continue;
            }
            sb.append(c);
            pos++;
        }
        return sb.toString();
    }

    private int decodeEscape(StringBuilder sb, int at) {
        char e = text.charAt(at);
        switch (e) {
            case 'b' -> sb.append('\b');
            case 't' -> sb.append('\t');
            case 'n' -> sb.append('\n');
            case 'f' -> sb.append('\f');
            case 'r' -> sb.append('\r');
            case '"' -> sb.append('"');
            case '\\' -> sb.append('\\');
            case 'u', 'U' -> {
                int len = e == 'u' ? 4 : 8;
                int cp = Integer.parseInt(text.substring(at + 1, at + 1 + len), 16);
                sb.appendCodePoint(cp);
                return at + 1 + len;
            }
            case '\n' -> {
                // A line-ending backslash in a multi-line string trims the newline and following whitespace.
                newlineAt(at);
                int p = at + 1;
                while (p < text.length() && Character.isWhitespace(text.charAt(p))) {
                    if (text.charAt(p) == '\n') {
                        newlineAt(p);
                    }
                    p++;
                }
                return p;
            }
            default -> sb.append(e);
        }
        return at + 1;
    }

    private void skipInline() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
    }

    private void skipBlankAndComments(boolean newlines) {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '\n' && newlines) {
                newline();
            } else if (c == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    private void skipToLineEnd() {
        while (pos < text.length() && text.charAt(pos) != '\n') {
            pos++;
        }
    }

    private void newline() {
        newlineAt(pos);
        pos++;
    }

    private void newlineAt(int at) {
        line++;
        lineStart = at + 1;
    }

    private int column() {
        return pos - lineStart + 1;
    }

    private void record(List<String> path, int l, int col) {
        if (positions.putIfAbsent(path, new int[] {l, col}) == null && positions.size() >= limits.maxNodes()) {
            // The root is a node too, hence >=: the same count the tree builder would reach.
            throw Failures.limit(Failures.at(source, l, col), ConfigPath.of(path), "number of nodes (more than "
                    + limits.maxNodes() + ")", "maxNodes", limits.maxNodes());
        }
    }

    private void checkDepth(int keyDepth, int l, int col) {
        if (keyDepth > maxDepth) {
            throw Failures.limit(Failures.at(source, l, col), null, "nesting depth (" + keyDepth + ")", "maxDepth",
                    maxDepth);
        }
    }
}
