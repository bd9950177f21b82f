package dev.lamina.config.internal.parse;

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
