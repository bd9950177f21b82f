package dev.lamina.config.migration.internal;

import java.util.ArrayList;
import java.util.List;

import dev.lamina.config.ConfigParseException;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Origin;

/**
 * Reads {@code .properties} text key by key, as {@link java.util.Properties#load(java.io.Reader)} does ({@code #}/
 * {@code !} comments, {@code =}, {@code :} or blank separators, backslash continuations and escapes), keeping each
 * key's line and column, repeated keys included (the migrator reports them). Spring Boot's document separators,
 * a line {@code #---} or {@code !---}, split the result into documents. Stateless.
 */
public final class PropertiesReader {

    private PropertiesReader() {
    }

    /**
     * @param source the file name
     * @param text   the text
     * @return the documents (one when there is no separator), each its entries in file order
     * @throws ConfigParseException on a malformed {@code \}{@code uXXXX} escape
     */
    public static List<List<RawEntry>> read(String source, String text) {
        List<List<RawEntry>> docs = new ArrayList<>();
        List<RawEntry> current = new ArrayList<>();
        String[] lines = text.split("\r\n|\r|\n", -1);
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            int lineNo = i + 1;
            i++;
            String trimmed = stripLeading(line);
            if (trimmed.equals("#---") || trimmed.equals("!---")) {
                docs.add(current);
                current = new ArrayList<>();
                continue;
            }
            if (trimmed.isEmpty() || trimmed.charAt(0) == '#' || trimmed.charAt(0) == '!') {
                continue;
            }
            int column = line.length() - trimmed.length() + 1;
            StringBuilder logical = new StringBuilder(trimmed);
            while (endsWithOddBackslashes(logical) && i < lines.length) {
                logical.setLength(logical.length() - 1);
                logical.append(stripLeading(lines[i]));
                i++;
            }
            if (endsWithOddBackslashes(logical)) {
                logical.setLength(logical.length() - 1);
            }
            String l = logical.toString();
            int p = 0;
            StringBuilder key = new StringBuilder();
            while (p < l.length()) {
                char c = l.charAt(p);
                if (c == '=' || c == ':' || c == ' ' || c == '\t' || c == '\f') {
                    break;
                }
                if (c == '\\' && p + 1 < l.length()) {
                    p = unescape(l, p + 1, key, source, lineNo);
                    continue;
                }
                key.append(c);
                p++;
            }
            while (p < l.length() && (l.charAt(p) == ' ' || l.charAt(p) == '\t' || l.charAt(p) == '\f')) {
                p++;
            }
            if (p < l.length() && (l.charAt(p) == '=' || l.charAt(p) == ':')) {
                p++;
            }
            while (p < l.length() && (l.charAt(p) == ' ' || l.charAt(p) == '\t' || l.charAt(p) == '\f')) {
                p++;
            }
            StringBuilder value = new StringBuilder();
            while (p < l.length()) {
                char c = l.charAt(p);
                if (c == '\\' && p + 1 < l.length()) {
                    p = unescape(l, p + 1, value, source, lineNo);
                    continue;
                }
                value.append(c);
                p++;
            }
            Origin origin = new Origin(source, lineNo, column);
            current.add(new RawEntry(key.toString(), ConfigScalar.string(value.toString(), origin), origin));
        }
        docs.add(current);
        return docs;
    }

    private static int unescape(String l, int p, StringBuilder out, String source, int line) {
        char e = l.charAt(p);
        switch (e) {
            case 't' -> out.append('\t');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 'f' -> out.append('\f');
            case 'u' -> {
                if (p + 5 > l.length()) {
                    throw bad(source, line);
                }
                try {
                    out.append((char) Integer.parseInt(l.substring(p + 1, p + 5), 16));
                } catch (NumberFormatException ex) {
                    throw bad(source, line);
                }
                return p + 5;
            }
            default -> out.append(e);
        }
        return p + 1;
    }

    private static ConfigParseException bad(String source, int line) {
        return new ConfigParseException(new Origin(source, line, 1), null,
                "malformed \\uXXXX escape (four hexadecimal digits expected)");
    }

    private static boolean endsWithOddBackslashes(CharSequence s) {
        int n = 0;
        for (int i = s.length() - 1; i >= 0 && s.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }

    private static String stripLeading(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\f')) {
            i++;
        }
        return s.substring(i);
    }
}
