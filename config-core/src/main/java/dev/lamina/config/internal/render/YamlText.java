package dev.lamina.config.internal.render;

import java.util.regex.Pattern;

/**
 * Quoting of YAML strings. A string is written plain only when every YAML 1.1 and 1.2 reader reads it back
 * as the same string; otherwise it is double-quoted with escapes. Conservative on purpose: output is read
 * by other tools ({@code kubectl}, PyYAML, SnakeYAML 1.x) whose typing rules are older than ours.
 */
final class YamlText {

    /** Characters allowed in a plain scalar here (a strict subset of what YAML allows). */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./@$%+=~^:,()'-]+( [A-Za-z0-9_./@$%+=~^:,()'-]+)*");
    /** Booleans and nulls of YAML 1.1 and 1.2, in every case form a reader may accept. */
    private static final Pattern KEYWORD = Pattern.compile(
            "(?i)y|n|yes|no|true|false|on|off|null|~");
    /**
     * Anything a YAML 1.1 or 1.2 reader may take for a number: integers with {@code _}, hex, octal (with and
     * without {@code 0o}), binary, floats with or without digits around the dot, exponents, sexagesimal
     * ({@code 1:30}), infinities and NaN.
     */
    private static final Pattern NUMBER_LIKE = Pattern.compile("[-+]?("
            + "[0-9][0-9_]*"
            + "|0x[0-9a-fA-F_]+|0o[0-7_]+|0b[01_]+"
            + "|[0-9][0-9_]*(\\.[0-9_]*)?([eE][-+]?[0-9]+)?"
            + "|\\.[0-9][0-9_]*([eE][-+]?[0-9]+)?"
            + "|[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?"
            + "|\\.(inf|Inf|INF)|\\.(nan|NaN|NAN))");
    /** YAML 1.1 timestamps start with a date. */
    private static final Pattern DATE_LIKE = Pattern.compile("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*");

    private YamlText() {
    }

    /**
     * @return the key, quoted when needed; a key with a dot is always quoted, because Lamina (like Spring Boot) reads
     *         an unquoted dotted key as a path, and the output must read back as the same tree
     */
    static String key(String key) {
        return key.indexOf('.') >= 0 ? quote(key) : string(key);
    }

    /** @return the text as a plain or double-quoted YAML scalar */
    static String string(String s) {
        return isPlainSafe(s) ? s : quote(s);
    }

    private static boolean isPlainSafe(String s) {
        if (s.isEmpty() || !PLAIN.matcher(s).matches()) {
            return false;
        }
        char first = s.charAt(0);
        // Indicators that open something else at the start of a plain scalar.
        if ("-?:,[]{}#&*!|>'\"%@`".indexOf(first) >= 0) {
            return false;
        }
        if (s.endsWith(":") || s.contains(": ") || s.contains(" #")) {
            return false;
        }
        if (KEYWORD.matcher(s).matches() || DATE_LIKE.matcher(s).matches()) {
            return false;
        }
        // "2GB", "300s" and "10.0.0.1" stay readable; "0755", "1_000", "1:30", "1e3", "1.10" are quoted.
        return !NUMBER_LIKE.matcher(s).matches();
    }

    /** Double-quoted with YAML escapes; non-ASCII printable characters are written as they are (UTF-8). */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029 || c == 0xfeff) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
