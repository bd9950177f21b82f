package dev.lamina.config.internal.render;

import java.util.regex.Pattern;

/**
 * Quotes a value for a {@code .env} file so that Docker Compose's dotenv parser, and Lamina's, read back exactly
 * the same string: plain when it is made only of characters neither reader treats specially, otherwise in double
 * quotes with {@code \\ \" \$ \n \r \t} escaped and other control characters as {@code \0ooo}. (Not meant to be
 * {@code source}d by a shell: use {@code RenderFormat.ENV} for that.) Stateless.
 */
public final class DotenvText {

    /** Read as written, without quotes, by both dotenv readers; no {@code $}, {@code #}, quotes or blanks. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:,@%+=-]+");

    private DotenvText() {
    }

    /**
     * @param value any string, possibly empty
     * @return the value as written after {@code KEY=}
     */
    public static String quote(String value) {
        if (PLAIN.matcher(value).matches()) {
            return value;
        }
        StringBuilder sb = new StringBuilder(value.length() + 8).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '"' -> sb.append("\\\"");
                case '$' -> sb.append("\\$");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append("\\0").append(String.format("%03o", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
