package dev.lamina.config.internal.convert;

/**
 * Parses data-size text. (Stub: the conversion work replaces the body and documents the grammar.)
 */
public final class DataSizeParser {

    private DataSizeParser() {
    }

    /**
     * @param text the text, for example {@code 512B}, {@code 64KB}, {@code 1.5GiB} or {@code 1024}
     * @return the number of bytes
     * @throws IllegalArgumentException with a reason that does not quote the text, when it is not a size
     */
    public static long parse(String text) {
        return Long.parseLong(text.trim());
    }
}
