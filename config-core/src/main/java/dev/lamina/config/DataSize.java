package dev.lamina.config;

/**
 * An amount of data in bytes. Units are binary: {@code 1KB = 1KiB = 1024} bytes (see {@code docs/conversion.md}).
 *
 * @param bytes the number of bytes; may be negative only when parsed from a negative text
 */
public record DataSize(long bytes) implements Comparable<DataSize> {

    /**
     * @param bytes a number of bytes
     * @return the size
     */
    public static DataSize ofBytes(long bytes) {
        return new DataSize(bytes);
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

    @Override
    public int compareTo(DataSize o) {
        return Long.compare(bytes, o.bytes);
    }
}
