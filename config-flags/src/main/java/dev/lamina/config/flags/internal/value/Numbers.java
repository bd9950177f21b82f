package dev.lamina.config.flags.internal.value;

/** Parses numbers written in the JSON number grammar (with an optional leading {@code +}), nothing else. */
public final class Numbers {

    private Numbers() {
    }

    /**
     * @param text the text
     * @return {@code true} when the text is a decimal number ({@code 12}, {@code -1.5}, {@code 2e3})
     */
    public static boolean isNumber(String text) {
        if (text == null) {
            return false;
        }
        int n = text.length();
        int i = 0;
        if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            i++;
        }
        int digits = 0;
        while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
            digits++;
        }
        if (i < n && text.charAt(i) == '.') {
            i++;
            while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
                i++;
            }
            int exp = 0;
            while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                i++;
                exp++;
            }
            if (exp == 0) {
                return false;
            }
        }
        return i == n && n <= 100;
    }

    /**
     * @param text the text
     * @return the value, or {@code NaN} when the text is not a number
     */
    public static double parseOrNaN(String text) {
        return isNumber(text) ? Double.parseDouble(text) : Double.NaN;
    }
}
