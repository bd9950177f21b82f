package dev.lamina.config.internal.parse;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * TOML scalar text from what was written. Jackson 2.22's TOML parser corrupts 19-digit integers
 * ({@code 9223372036854775807} comes back as {@code 6854775807}), rewrites floats ({@code 1e3} as {@code 1E+3}),
 * and does not check dates, so numbers and dates are re-read here from the text that {@link TomlLineIndex} found.
 */
final class TomlScalars {

    private TomlScalars() {
    }

    /** Jackson's wrong results for 19-digit integers still agree with the true value in their low nine digits. */
    private static final BigInteger LOW_DIGITS = BigInteger.TEN.pow(9);

    /**
     * The integer from its written text, cross-checked against Jackson's value so that a line-index mistake can
     * never substitute another key's number: the written value is used when both agree, or when the number has the
     * 19 digits Jackson gets wrong and both agree in the low digits.
     *
     * @param written the text the line index found, or {@code null}
     * @param jackson Jackson's value
     * @return the value to use
     */
    static BigInteger checkedInteger(String written, BigInteger jackson) {
        if (written == null) {
            return jackson;
        }
        BigInteger mine;
        try {
            mine = integer(written);
        } catch (NumberFormatException e) {
            return jackson;
        }
        if (mine.equals(jackson)) {
            return mine;
        }
        boolean nineteenDigits = mine.abs().toString().length() == 19;
        boolean lowDigitsAgree = mine.abs().mod(LOW_DIGITS).equals(jackson.abs().mod(LOW_DIGITS))
                && mine.signum() * jackson.signum() >= 0;
        return nineteenDigits && lowDigitsAgree ? mine : jackson;
    }

    /**
     * The float's written text when it has the same value as Jackson's, else Jackson's text.
     *
     * @param written     the text the line index found, or {@code null}
     * @param jackson     Jackson's value
     * @param jacksonText Jackson's text
     * @return JSON-number text
     */
    static String checkedFloatText(String written, BigDecimal jackson, String jacksonText) {
        if (written == null) {
            return jacksonText;
        }
        String mine = floatText(written);
        try {
            return new BigDecimal(mine).compareTo(jackson) == 0 ? mine : jacksonText;
        } catch (NumberFormatException e) {
            return jacksonText;
        }
    }

    /**
     * @param written     the bare text the line index found
     * @param jacksonText Jackson's string for the same node
     * @return {@code true} when both are the same date/time (Jackson hands dates out as strings)
     */
    static boolean isSameDateTime(String written, String jacksonText) {
        return normalise(written).equals(normalise(jacksonText));
    }

    private static String normalise(String t) {
        String u = t.toUpperCase(Locale.ROOT);
        return u.length() > 10 && u.charAt(10) == ' ' ? u.substring(0, 10) + 'T' + u.substring(11) : u;
    }

    /**
     * @param written a TOML integer as written: decimal with underscores, or 0x/0o/0b
     * @return its value
     * @throws NumberFormatException if the text is not an integer
     */
    static BigInteger integer(String written) {
        String t = written.replace("_", "");
        boolean negative = t.startsWith("-");
        if (t.startsWith("+") || negative) {
            t = t.substring(1);
        }
        int radix = 10;
        if (t.length() > 2 && t.charAt(0) == '0') {
            char p = t.charAt(1);
            radix = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 10;
            if (radix != 10) {
                t = t.substring(2);
            }
        }
        BigInteger v = new BigInteger(t, radix);
        return negative ? v.negate() : v;
    }

    /**
     * @param written a TOML float as written
     * @return the JSON-number text (underscores and a leading {@code +} dropped), or {@code inf}, {@code -inf},
     *         {@code nan} for the non-finite values
     */
    static String floatText(String written) {
        String t = written.replace("_", "");
        if (t.startsWith("+")) {
            t = t.substring(1);
        }
        if (t.endsWith("nan")) {
            return "nan";
        }
        if (t.endsWith("inf")) {
            return t.startsWith("-") ? "-inf" : "inf";
        }
        return t;
    }

    /**
     * Checks a date, time or date-time and gives its RFC 3339 text: upper-case {@code T} and {@code Z}, {@code T}
     * between date and time, otherwise as written.
     *
     * @param written the text as written
     * @return the normalised text
     * @throws DateTimeException if it is not a valid date, time or date-time (February 30, hour 24, …)
     */
    static String dateTimeText(String written) {
        String t = written.toUpperCase(Locale.ROOT);
        if (t.length() > 10 && t.charAt(4) == '-' && t.charAt(10) == ' ') {
            t = t.substring(0, 10) + 'T' + t.substring(11);
        }
        if (t.length() > 10 && t.charAt(10) == 'T') {
            String time = t.substring(11);
            if (time.endsWith("Z") || time.lastIndexOf('+') > 0 || time.lastIndexOf('-') > 0) {
                OffsetDateTime.parse(t);
            } else {
                LocalDateTime.parse(t);
            }
        } else if (t.length() > 4 && t.charAt(4) == '-') {
            LocalDate.parse(t);
        } else {
            LocalTime.parse(t);
        }
        return t;
    }
}
