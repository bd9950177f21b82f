package dev.lamina.config.spi;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Parses duration text (grammar and reasons in {@code docs/conversion.md}).
 *
 * <ul>
 *   <li>ISO-8601 as {@link Duration#parse} reads it: {@code PT15S}, {@code P2D}, {@code -PT6H3M}, case-insensitive.</li>
 *   <li>One or more groups of a decimal number and a unit, largest unit first, each unit at most once:
 *       {@code 250ms}, {@code 1h30m}, {@code 1h 30m 15s}, {@code 1.5s}, {@code 2 days}. Units (case-insensitive):
 *       {@code ns}, {@code us}/{@code µs}, {@code ms}, {@code s}, {@code m}, {@code h}, {@code d} and their
 *       long names ({@code seconds}, {@code minute}, …). One optional sign applies to the whole value.</li>
 *   <li>A bare number means seconds (or the unit a binding asks for).</li>
 * </ul>
 *
 * <p>Results are exact: a decimal that ends finer than a nanosecond, or a value outside {@link Duration}'s range,
 * is rejected rather than rounded. Reasons never quote the text, because the text may come from a secret path.
 * Stateless and thread-safe.
 */
public final class DurationParser {

    /** Longer texts are rejected before any arithmetic (bounds the cost of a hostile value). */
    static final int MAX_LENGTH = 100;

    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

    /** Unit name (lower case) to unit; the rank orders units so that groups must go from largest to smallest. */
    private static final Map<String, ChronoUnit> UNITS = Map.ofEntries(
            Map.entry("ns", ChronoUnit.NANOS), Map.entry("nano", ChronoUnit.NANOS),
            Map.entry("nanos", ChronoUnit.NANOS), Map.entry("nanosecond", ChronoUnit.NANOS),
            Map.entry("nanoseconds", ChronoUnit.NANOS),
            Map.entry("us", ChronoUnit.MICROS), Map.entry("\u00b5s", ChronoUnit.MICROS),
            Map.entry("\u03bcs", ChronoUnit.MICROS), Map.entry("micro", ChronoUnit.MICROS),
            Map.entry("micros", ChronoUnit.MICROS), Map.entry("microsecond", ChronoUnit.MICROS),
            Map.entry("microseconds", ChronoUnit.MICROS),
            Map.entry("ms", ChronoUnit.MILLIS), Map.entry("milli", ChronoUnit.MILLIS),
            Map.entry("millis", ChronoUnit.MILLIS), Map.entry("millisecond", ChronoUnit.MILLIS),
            Map.entry("milliseconds", ChronoUnit.MILLIS),
            Map.entry("s", ChronoUnit.SECONDS), Map.entry("second", ChronoUnit.SECONDS),
            Map.entry("seconds", ChronoUnit.SECONDS),
            Map.entry("m", ChronoUnit.MINUTES), Map.entry("minute", ChronoUnit.MINUTES),
            Map.entry("minutes", ChronoUnit.MINUTES),
            Map.entry("h", ChronoUnit.HOURS), Map.entry("hour", ChronoUnit.HOURS),
            Map.entry("hours", ChronoUnit.HOURS),
            Map.entry("d", ChronoUnit.DAYS), Map.entry("day", ChronoUnit.DAYS),
            Map.entry("days", ChronoUnit.DAYS));

    private DurationParser() {
    }

    /**
     * Parses a duration; a bare number means seconds.
     *
     * @param text the text, for example {@code 30s}, {@code 1h30m}, {@code PT15S} or {@code 10}; never {@code null}
     * @return the duration
     * @throws IllegalArgumentException with a reason that does not quote the text, when it is not a duration or is
     *                                  out of range
     * @throws NullPointerException     if {@code text} is {@code null}
     */
    public static Duration parse(String text) {
        return parse(text, ChronoUnit.SECONDS);
    }

    /**
     * Parses a duration, reading a bare number in the given unit (for a binding that declares one).
     *
     * @param text           the text; never {@code null}
     * @param bareNumberUnit the unit of a number written without one: {@code NANOS} up to {@code DAYS}
     * @return the duration
     * @throws IllegalArgumentException with a reason that does not quote the text, when it is not a duration or is
     *                                  out of range, or when {@code bareNumberUnit} is longer than a day
     * @throws NullPointerException     if an argument is {@code null}
     */
    public static Duration parse(String text, ChronoUnit bareNumberUnit) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(bareNumberUnit, "bareNumberUnit");
        if (bareNumberUnit.isDurationEstimated()) {
            throw new IllegalArgumentException("the unit of a bare number must be days or shorter");
        }
        String s = text.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("an empty text is not a duration");
        }
        if (s.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a duration is at most " + MAX_LENGTH + " characters long");
        }
        int i = 0;
        boolean negative = false;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        if (i < s.length() && (s.charAt(i) == 'P' || s.charAt(i) == 'p')) {
            return parseIso(s);
        }
        BigDecimal nanos = BigDecimal.ZERO;
        ChronoUnit previous = null;
        int n = s.length();
        while (i < n) {
            int numberStart = i;
            i = NumberText.scan(s, i);
            if (i == numberStart) {
                throw new IllegalArgumentException("expected a number at position " + (numberStart + 1)
                        + " (e.g. 30s, 1h30m, PT15S)");
            }
            BigDecimal number = NumberText.value(s, numberStart, i);
            i = skipSpaces(s, i);
            int unitStart = i;
            while (i < n && Character.isLetter(s.charAt(i))) {
                i++;
            }
            ChronoUnit unit;
            if (unitStart == i) {
                if (previous != null || i < n) {
                    throw new IllegalArgumentException("expected a unit at position " + (unitStart + 1)
                            + " (ns, us, ms, s, m, h or d)");
                }
                unit = bareNumberUnit;
            } else {
                unit = UNITS.get(s.substring(unitStart, i).toLowerCase(Locale.ROOT));
                if (unit == null) {
                    throw new IllegalArgumentException("unknown unit at position " + (unitStart + 1)
                            + " (use ns, us, ms, s, m, h or d)");
                }
                if (previous != null && unit.compareTo(previous) >= 0) {
                    throw new IllegalArgumentException("each unit may appear once, largest first (e.g. 1h30m15s)");
                }
            }
            previous = unit;
            nanos = nanos.add(number.multiply(new BigDecimal(unitNanos(unit))));
            i = skipSpaces(s, i);
        }
        if (previous == null) {
            throw new IllegalArgumentException("a sign alone is not a duration");
        }
        return toDuration(negative ? nanos.negate() : nanos);
    }

    private static Duration parseIso(String s) {
        try {
            return Duration.parse(s);
        } catch (DateTimeParseException e) {
            // DateTimeParseException quotes the text, so it is not chained or repeated.
            if (e.getCause() instanceof ArithmeticException) {
                throw outOfRange();
            }
            throw new IllegalArgumentException("not a valid ISO-8601 duration (e.g. PT15S, PT1H30M, P2D)");
        } catch (ArithmeticException e) {
            throw outOfRange();
        }
    }

    private static BigInteger unitNanos(ChronoUnit unit) {
        Duration d = unit.getDuration();
        return BigInteger.valueOf(d.getSeconds()).multiply(BigInteger.valueOf(1_000_000_000L))
                .add(BigInteger.valueOf(d.getNano()));
    }

    private static Duration toDuration(BigDecimal nanos) {
        BigInteger whole;
        try {
            whole = nanos.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("a duration cannot be finer than one nanosecond");
        }
        BigInteger[] secondsAndNanos = whole.divideAndRemainder(NANOS_PER_SECOND.toBigInteger());
        if (secondsAndNanos[0].bitLength() > 63) {
            throw outOfRange();
        }
        try {
            return Duration.ofSeconds(secondsAndNanos[0].longValueExact(), secondsAndNanos[1].longValueExact());
        } catch (ArithmeticException e) {
            throw outOfRange();
        }
    }

    private static IllegalArgumentException outOfRange() {
        return new IllegalArgumentException("the duration is out of range (at most about 292 billion years)");
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
