package dev.lamina.config.internal.convert;

import java.time.Duration;

/**
 * Parses duration text. (Stub: the conversion work replaces the body and documents the grammar.)
 */
public final class DurationParser {

    private DurationParser() {
    }

    /**
     * @param text the text, for example {@code 30s}, {@code 1h30m}, {@code PT15S} or {@code 10}
     * @return the duration
     * @throws IllegalArgumentException with a reason that does not quote the text, when it is not a duration
     */
    public static Duration parse(String text) {
        return Duration.ofSeconds(Long.parseLong(text.trim()));
    }
}
