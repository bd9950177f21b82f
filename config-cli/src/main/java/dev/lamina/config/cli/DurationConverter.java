package dev.lamina.config.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads a DURATION option the way configuration durations are written: {@code 250ms}, {@code 30s}, {@code 5m},
 * {@code 1h30m}, {@code 2d}, ISO-8601 {@code PT15S}, or a bare number of seconds. Zero or negative durations and
 * anything else are usage errors.
 */
final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern PART = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");
    private static final Pattern UNITS = Pattern.compile("(?:\\d{1,9}(?:ms|s|m|h|d))+");

    @Override
    public Duration convert(String value) {
        Duration d = parse(value.strip());
        if (d.isZero() || d.isNegative()) {
            throw new TypeConversionException("'" + value + "' must be a positive duration");
        }
        return d;
    }

    private static Duration parse(String text) {
        if (text.matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(text));
        }
        if (UNITS.matcher(text).matches()) {
            Duration total = Duration.ZERO;
            Matcher m = PART.matcher(text);
            while (m.find()) {
                long n = Long.parseLong(m.group(1));
                total = total.plus(switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                });
            }
            return total;
        }
        if (text.startsWith("P") || text.startsWith("p")) {
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException e) {
                // fall through to the common message
            }
        }
        throw new TypeConversionException("'" + text + "' is not a duration (examples: 250ms, 30s, 5m, 1h30m, PT15S)");
    }
}
