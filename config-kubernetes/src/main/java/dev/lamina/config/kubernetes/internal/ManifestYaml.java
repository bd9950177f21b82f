package dev.lamina.config.kubernetes.internal;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes the few YAML shapes a ConfigMap or Secret manifest needs: plain keys where safe, double-quoted strings,
 * and literal blocks ({@code |}) for multi-line values, with the chomping and indentation indicators that make a
 * YAML reader give back exactly the string. Stateless.
 */
public final class ManifestYaml {

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][-._/A-Za-z0-9]*");
    /** Words YAML 1.1 readers (kubectl's included) would take as booleans or null. */
    private static final Set<String> SPECIAL = Set.of("y", "yes", "n", "no", "on", "off", "true", "false", "null");

    private ManifestYaml() {
    }

    /**
     * @param key a mapping key
     * @return it plain when no YAML reader could take it for anything but that string, else double-quoted; a key
     *         with a dot is quoted too, because Lamina (and Spring, Micronaut) read an unquoted dotted key as a path
     */
    public static String key(String key) {
        return key.indexOf('.') < 0 && PLAIN_KEY.matcher(key).matches() && !SPECIAL.contains(key.toLowerCase(java.util.Locale.ROOT))
                ? key : quoted(key);
    }

    /**
     * @param s any string
     * @return a YAML double-quoted scalar
     */
    public static String quoted(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (needsEscape(c)) {
                        sb.append(String.format("\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /**
     * Appends {@code key: value} at an indentation, as a literal block when the value has several lines.
     *
     * @param out    where to write
     * @param indent the key's indentation in spaces
     * @param key    the key
     * @param value  the value
     */
    public static void entry(StringBuilder out, int indent, String key, String value) {
        out.append(" ".repeat(indent)).append(key(key)).append(':');
        if (!blockable(value)) {
            out.append(' ').append(quoted(value)).append('\n');
            return;
        }
        int trailing = 0;
        while (trailing < value.length() && value.charAt(value.length() - 1 - trailing) == '\n') {
            trailing++;
        }
        String body = value.substring(0, value.length() - trailing);
        String chomp = trailing == 0 ? "-" : trailing == 1 ? "" : "+";
        String firstContent = body.lines().filter(l -> !l.isEmpty()).findFirst().orElse("");
        String indicator = firstContent.startsWith(" ") ? "2" : "";
        out.append(" |").append(indicator).append(chomp).append('\n');
        String pad = " ".repeat(indent + 2);
        for (String line : body.split("\n", -1)) {
            if (!line.isEmpty()) {
                out.append(pad).append(line);
            }
            out.append('\n');
        }
        for (int i = 1; i < trailing; i++) {
            out.append('\n');
        }
    }

    /** A literal block holds the text exactly when it has a line break, a non-blank line and nothing to escape. */
    private static boolean blockable(String v) {
        if (v.indexOf('\n') < 0 || v.isBlank()) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c != '\n' && c != '\t' && needsEscape(c) || c == '\r') {
                return false;
            }
        }
        // A line that is only blanks after the first content would change the detected indentation.
        for (String line : v.split("\n", -1)) {
            if (!line.isEmpty() && line.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static boolean needsEscape(char c) {
        return c < 0x20 || c == 0x7f || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\uFEFF'
                || (c >= 0x80 && c < 0xA0);
    }

    /**
     * @param out    where to write
     * @param indent the indentation
     * @param key    the mapping's key
     * @param map    its entries, written in order; nothing is written for an empty map
     */
    public static void stringMap(StringBuilder out, int indent, String key, Map<String, String> map) {
        if (map.isEmpty()) {
            return;
        }
        out.append(" ".repeat(indent)).append(key).append(":\n");
        map.forEach((k, v) -> out.append(" ".repeat(indent + 2)).append(key(k)).append(": ").append(quoted(v))
                .append('\n'));
    }
}
