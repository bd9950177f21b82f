package dev.lamina.config.spi;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Parses data-size text (grammar and reasons in {@code docs/conversion.md}).
 *
 * <p>An optional sign, a decimal number, optional spaces and an optional unit. Every unit is binary, whatever its
 * spelling: {@code K} = {@code KB} = {@code KiB} = {@code kilobyte} = 1024 bytes, up to {@code E}/{@code EB}/
 * {@code EiB} = 2<sup>60</sup>; units are case-insensitive ({@code b} is bytes: Lamina has no bits). A bare
 * number is bytes (or the unit a binding asks for). A fraction is allowed when the result is a whole number of
 * bytes ({@code 1.5GiB}, {@code 0.5KB}); {@code 1.3KB} is rejected. Negative sizes are accepted (a binding may use
 * {@code -1} for "unlimited"); a result outside {@code long} is rejected.
 *
 * <p>Reasons never quote the text, because the text may come from a secret path. Stateless and thread-safe.
 */
public final class DataSizeParser {

    /** Longer texts are rejected before any arithmetic. */
    static final int MAX_LENGTH = 100;

    private static final long KIB = 1L << 10;
    private static final long MIB = 1L << 20;
    private static final long GIB = 1L << 30;
    private static final long TIB = 1L << 40;
    private static final long PIB = 1L << 50;
    private static final long EIB = 1L << 60;

    private static final Map<String, Long> UNITS = Map.ofEntries(
            Map.entry("b", 1L), Map.entry("byte", 1L), Map.entry("bytes", 1L),
            Map.entry("k", KIB), Map.entry("kb", KIB), Map.entry("ki", KIB), Map.entry("kib", KIB),
            Map.entry("kilobyte", KIB), Map.entry("kilobytes", KIB),
            Map.entry("kibibyte", KIB), Map.entry("kibibytes", KIB),
            Map.entry("m", MIB), Map.entry("mb", MIB), Map.entry("mi", MIB), Map.entry("mib", MIB),
            Map.entry("megabyte", MIB), Map.entry("megabytes", MIB),
            Map.entry("mebibyte", MIB), Map.entry("mebibytes", MIB),
            Map.entry("g", GIB), Map.entry("gb", GIB), Map.entry("gi", GIB), Map.entry("gib", GIB),
            Map.entry("gigabyte", GIB), Map.entry("gigabytes", GIB),
            Map.entry("gibibyte", GIB), Map.entry("gibibytes", GIB),
            Map.entry("t", TIB), Map.entry("tb", TIB), Map.entry("ti", TIB), Map.entry("tib", TIB),
            Map.entry("terabyte", TIB), Map.entry("terabytes", TIB),
            Map.entry("tebibyte", TIB), Map.entry("tebibytes", TIB),
            Map.entry("p", PIB), Map.entry("pb", PIB), Map.entry("pi", PIB), Map.entry("pib", PIB),
            Map.entry("petabyte", PIB), Map.entry("petabytes", PIB),
            Map.entry("pebibyte", PIB), Map.entry("pebibytes", PIB),
            Map.entry("e", EIB), Map.entry("eb", EIB), Map.entry("ei", EIB), Map.entry("eib", EIB),
            Map.entry("exabyte", EIB), Map.entry("exabytes", EIB),
            Map.entry("exbibyte", EIB), Map.entry("exbibytes", EIB));

    private static final BigDecimal MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private DataSizeParser() {
    }

    /**
     * Parses a size; a bare number means bytes.
     *
     * @param text the text, for example {@code 512B}, {@code 64KB}, {@code 1.5GiB} or {@code 1024}; never {@code null}
     * @return the number of bytes
     * @throws IllegalArgumentException with a reason that does not quote the text, when it is not a size, is not a
     *                                  whole number of bytes or does not fit a {@code long}
     * @throws NullPointerException     if {@code text} is {@code null}
     */
    public static long parse(String text) {
        return parse(text, 1L);
    }

    /**
     * Parses a size, reading a bare number in the given unit (for a binding that declares one).
     *
     * @param text                the text; never {@code null}
     * @param bareNumberUnitBytes bytes per unit of a number written without a unit, for example 1024 for KiB
     * @return the number of bytes
     * @throws IllegalArgumentException with a reason that does not quote the text, as {@link #parse(String)}, or
     *                                  when {@code bareNumberUnitBytes} is not positive
     * @throws NullPointerException     if {@code text} is {@code null}
     */
    public static long parse(String text, long bareNumberUnitBytes) {
        Objects.requireNonNull(text, "text");
        if (bareNumberUnitBytes <= 0) {
            throw new IllegalArgumentException("the unit of a bare number must be a positive number of bytes");
        }
        String s = text.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("an empty text is not a data size");
        }
        if (s.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a data size is at most " + MAX_LENGTH + " characters long");
        }
        int i = 0;
        boolean negative = false;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        int numberStart = i;
        i = NumberText.scan(s, i);
        if (i == numberStart) {
            throw new IllegalArgumentException("expected a number at position " + (numberStart + 1)
                    + " (e.g. 512B, 64KB, 1.5GiB)");
        }
        BigDecimal number = NumberText.value(s, numberStart, i);
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        long unit = bareNumberUnitBytes;
        if (i < s.length()) {
            int unitStart = i;
            while (i < s.length() && Character.isLetter(s.charAt(i))) {
                i++;
            }
            Long named = unitStart == i ? null : UNITS.get(s.substring(unitStart, i).toLowerCase(Locale.ROOT));
            if (named == null || i < s.length()) {
                throw new IllegalArgumentException("unknown unit at position " + (unitStart + 1)
                        + " (use B, KB, MB, GB, TB, PB or EB; all binary, KB = KiB = 1024 bytes)");
            }
            unit = named;
        }
        BigDecimal bytes = number.multiply(BigDecimal.valueOf(unit));
        if (negative) {
            bytes = bytes.negate();
        }
        if (bytes.compareTo(MIN) < 0 || bytes.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("the data size is out of range (at most 8 EiB - 1 byte)");
        }
        try {
            return bytes.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("the data size is not a whole number of bytes");
        }
    }
}
