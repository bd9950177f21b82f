package dev.lamina.config.spi;

import java.math.BigDecimal;

/**
 * The unsigned decimal numbers that durations and sizes accept: digits, optionally a dot and more digits
 * ({@code 10}, {@code 1.5}); no exponent, no leading or trailing dot, so that a value reads the same to a person
 * and to the parser.
 */
final class NumberText {

    private NumberText() {
    }

    /**
     * @param s     the text
     * @param start where the number would start
     * @return the index after the number, or {@code start} when there is none
     */
    static int scan(String s, int start) {
        int i = digits(s, start);
        if (i == start) {
            return start;
        }
        if (i < s.length() && s.charAt(i) == '.') {
            int end = digits(s, i + 1);
            if (end == i + 1) {
                return i; // "1." : the dot is left for the caller to reject
            }
            return end;
        }
        return i;
    }

    /**
     * @param s     the text
     * @param start start of a number found by {@link #scan}
     * @param end   its end
     * @return its exact value
     */
    static BigDecimal value(String s, int start, int end) {
        return new BigDecimal(s.substring(start, end));
    }

    private static int digits(String s, int i) {
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }
}
