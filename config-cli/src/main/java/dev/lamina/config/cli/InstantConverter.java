package dev.lamina.config.cli;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads an instant for {@code --at}: ISO-8601 with {@code Z} or an offset ({@code 2026-12-01T09:00:00+01:00}). A
 * time without an offset is refused rather than guessed, as flag schedules refuse it.
 */
final class InstantConverter implements ITypeConverter<Instant> {

    @Override
    public Instant convert(String value) {
        Instant parsed = parse(value);
        if (parsed == null) {
            throw new TypeConversionException("'" + value + "' is not an ISO-8601 date-time with an offset, "
                    + "e.g. 2026-12-01T09:00:00Z");
        }
        return parsed;
    }

    /**
     * @param value the text
     * @return the instant, or {@code null} when the text is not an ISO-8601 date-time with an offset
     */
    static Instant parse(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
