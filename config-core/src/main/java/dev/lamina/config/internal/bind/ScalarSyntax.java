package dev.lamina.config.internal.bind;

/**
 * The allocation-free grammar checks behind {@link Conversions}, used directly on the lookup hot path
 * (no regular expressions, no exceptions, no boxing). Stateless and thread-safe.
 */
public final class ScalarSyntax {

    private ScalarSyntax() {
    }

    /**
     * @param t scalar text
     * @return {@code true} for an optional sign and decimal digits without a leading zero (the integer rules of
     *         {@link Conversions}), of any length
     */
    public static boolean isIntegerText(String t) {
        int n = t.length();
        int i = 0;
        if (n > 0 && (t.charAt(0) == '-' || t.charAt(0) == '+')) {
            i = 1;
        }
        if (i == n) {
            return false;
        }
        if (t.charAt(i) == '0' && n - i > 1) {
            return false;
        }
        for (; i < n; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * @param t scalar text
     * @return {@code true} when {@link #isIntegerText} holds and the value fits in an {@code int}
     */
    public static boolean isIntText(String t) {
        // 11 characters hold every int with its sign; parseLong cannot overflow at that length.
        if (t.length() > 11 || !isIntegerText(t)) {
            return false;
        }
        long v = Long.parseLong(t);
        return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
    }

    /**
     * The allocation-free success path of {@code getInt}.
     *
     * @param t scalar text
     * @return the value as a {@code long} when {@link #isIntText} holds, else {@link #NOT_AN_INT}
     */
    public static long parseIntOrSentinel(String t) {
        if (t.length() > 11 || !isIntegerText(t)) {
            return NOT_AN_INT;
        }
        long v = Long.parseLong(t);
        return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? v : NOT_AN_INT;
    }

    /** What {@link #parseIntOrSentinel} returns for text that is not an {@code int}; outside {@code int} range. */
    public static final long NOT_AN_INT = Long.MIN_VALUE;

    /**
     * @param t scalar text
     * @return {@code true} when {@link #isIntegerText} holds and the value fits in a {@code long}
     */
    public static boolean isLongText(String t) {
        if (!isIntegerText(t)) {
            return false;
        }
        // Up to 18 digits always fit; 19 digits need the exact comparison parseLong does.
        int digits = t.length() - (t.charAt(0) == '-' || t.charAt(0) == '+' ? 1 : 0);
        if (digits <= 18) {
            return true;
        }
        if (digits > 19) {
            return false;
        }
        boolean negative = t.charAt(0) == '-';
        String max = negative ? "9223372036854775808" : "9223372036854775807";
        return t.substring(t.length() - 19).compareTo(max) <= 0;
    }

    /**
     * @param t scalar text
     * @return {@code true} for a number in the JSON grammar (optional leading {@code +})
     */
    public static boolean isDecimalText(String t) {
        int n = t.length();
        int i = 0;
        if (i < n && (t.charAt(i) == '-' || t.charAt(i) == '+')) {
            i++;
        }
        int intStart = i;
        while (i < n && isDigit(t.charAt(i))) {
            i++;
        }
        int intDigits = i - intStart;
        if (intDigits == 0 || (intDigits > 1 && t.charAt(intStart) == '0')) {
            return false;
        }
        if (i < n && t.charAt(i) == '.') {
            i++;
            int fracStart = i;
            while (i < n && isDigit(t.charAt(i))) {
                i++;
            }
            if (i == fracStart) {
                return false;
            }
        }
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < n && (t.charAt(i) == '-' || t.charAt(i) == '+')) {
                i++;
            }
            int expStart = i;
            while (i < n && isDigit(t.charAt(i))) {
                i++;
            }
            if (i == expStart) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * @param t scalar text
     * @return {@code true} when the text is {@code true} or {@code false}, in any case
     */
    public static boolean isBooleanText(String t) {
        return t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false");
    }

    /**
     * @param constant an enum constant's name
     * @param text     scalar text
     * @return {@code true} when they are equal ignoring case and treating {@code -} and {@code _} as the same character
     */
    public static boolean sameConstantName(String constant, String text) {
        if (constant.length() != text.length()) {
            return false;
        }
        for (int i = 0; i < constant.length(); i++) {
            char a = constant.charAt(i);
            char b = text.charAt(i);
            if (a == '-') {
                a = '_';
            }
            if (b == '-') {
                b = '_';
            }
            if (a != b && Character.toUpperCase(a) != Character.toUpperCase(b)
                    && Character.toLowerCase(a) != Character.toLowerCase(b)) {
                return false;
            }
        }
        return true;
    }
}
