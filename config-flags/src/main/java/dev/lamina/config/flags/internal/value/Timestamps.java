package dev.lamina.config.flags.internal.value;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Parses the date-times flags accept: ISO-8601 with {@code Z} or an offset, or a plain date (UTC midnight). */
public final class Timestamps {

    private Timestamps() {
    }

    /**
     * @param text the text
     * @return the instant, or {@code null} when the text is not an offset date-time or a date (a local date-time
     *         without offset is refused: it would mean a different instant on every machine)
     */
    public static Instant parseOrNull(String text) {
        if (text == null || text.length() < 10 || text.length() > 64) {
            return null;
        }
        String t = text.trim();
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
