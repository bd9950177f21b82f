package dev.lamina.config.internal.render;

/**
 * Escaping that {@code java.util.Properties.load} reads back exactly, as {@code Properties.store} writes it:
 * {@code \}-escapes for separators and comment characters, {@code \\uXXXX} for everything outside printable
 * ASCII, so the text is the same whether it is later read as ISO-8859-1 or UTF-8.
 */
final class PropertiesText {

    private PropertiesText() {
    }

    static String key(String s) {
        return escape(s, true);
    }

    static String value(String s) {
        return escape(s, false);
    }

    private static String escape(String s, boolean key) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case ' ' -> sb.append(i == 0 || key ? "\\ " : " ");
                case '\t' -> sb.append("\\t");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\f' -> sb.append("\\f");
                case '\\' -> sb.append("\\\\");
                case '=', ':', '#', '!' -> sb.append('\\').append(c);
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04X", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
