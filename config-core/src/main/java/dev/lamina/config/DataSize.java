package dev.lamina.config;

import java.math.BigDecimal;

import dev.lamina.config.spi.DataSizeParser;

/**
 * An amount of data in bytes. Units are binary: {@code 1KB = 1KiB = 1024} bytes (see {@code docs/conversion.md}).
 * Immutable and thread-safe.
 *
 * @param bytes the number of bytes; may be negative only when parsed from a negative text
 */
public record DataSize(long bytes) implements Comparable<DataSize> {

    private static final String[] UNIT_NAMES = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    /**
     * @param bytes a number of bytes
     * @return the size
     */
    public static DataSize ofBytes(long bytes) {
        return new DataSize(bytes);
    }

    /**
     * Parses a size such as {@code 512B}, {@code 64KB}, {@code 64K}, {@code 64KiB}, {@code 1.5GiB} or {@code 1024}
     * (a bare number is bytes). Every unit is binary, case-insensitive; a fraction is allowed when the result is a
     * whole number of bytes; an optional sign is allowed. The grammar is described in {@code docs/conversion.md}.
     *
     * @param text the text; never {@code null}
     * @return the size
     * @throws IllegalArgumentException when the text is not a size, is not a whole number of bytes or is out of
     *                                  range; the reason does not quote the text
     * @throws NullPointerException     if {@code text} is {@code null}
     */
    public static DataSize parse(String text) {
        return new DataSize(DataSizeParser.parse(text));
    }

    /** @return the size in whole kibibytes, rounded down */
    public long toKilobytes() {
        return bytes / 1024;
    }

    /** @return the size in whole mebibytes, rounded down */
    public long toMegabytes() {
        return bytes / (1024L * 1024);
    }

    /** @return the size in whole gibibytes, rounded down */
    public long toGigabytes() {
        return bytes / (1024L * 1024 * 1024);
    }

    /**
     * A readable form that {@link #parse} reads back to the same size: the largest binary unit in which the size
     * has at most two decimals ({@code 1536} bytes is {@code 1.5KiB}, {@code 2147483648} is {@code 2GiB}), else
     * bytes ({@code 1000B}).
     *
     * @return the size with an IEC unit
     */
    @Override
    public String toString() {
        BigDecimal exact = BigDecimal.valueOf(bytes);
        for (int power = UNIT_NAMES.length - 1; power >= 1; power--) {
            BigDecimal unit = BigDecimal.valueOf(1L << (10 * power));
            if (exact.abs().compareTo(unit) >= 0) {
                // A power of two always divides into a terminating decimal, so divide() is exact.
                BigDecimal inUnit = exact.divide(unit).stripTrailingZeros();
                if (inUnit.scale() <= 2) {
                    return inUnit.toPlainString() + UNIT_NAMES[power];
                }
            }
        }
        return bytes + "B";
    }

    @Override
    public int compareTo(DataSize o) {
        return Long.compare(bytes, o.bytes);
    }
}
