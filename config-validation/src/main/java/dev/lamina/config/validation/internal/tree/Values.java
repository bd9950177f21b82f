package dev.lamina.config.validation.internal.tree;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.ScalarType;
import dev.lamina.config.spi.DataSizeParser;
import dev.lamina.config.spi.DurationParser;
import dev.lamina.config.spi.ScalarText;

/**
 * Lenient readings of scalar nodes for rules: a rule checking bounds must accept {@code 30}, {@code "30"} (an
 * environment override) and, where units make sense, {@code "30s"} or {@code "2GB"}. Anything that does not read
 * cleanly is "not a value" and the rule leaves it to the schema.
 *
 * <p>The grammars are core's ({@link ScalarText}, {@link DurationParser}, {@link DataSizeParser}), so that a rule
 * reads a value as {@code Configuration}'s getters do; the leniency added here is only that surrounding spaces are
 * ignored, that a string may hold a number or boolean, and that a bare duration takes its unit from the key.
 */
public final class Values {

    private static final Pattern LEADING_NUMBER = Pattern.compile("\\s*(-?\\d+(\\.\\d+)?)\\s*[A-Za-z/]*\\s*");

    private Values() {
    }

    /**
     * @param node a node
     * @return the scalar's text, or empty for objects, lists and nulls
     */
    public static Optional<String> text(ConfigNode node) {
        return node instanceof ConfigScalar s ? Optional.of(s.text()) : Optional.empty();
    }

    /**
     * @param node a node
     * @return the number it holds: a number scalar, or a string that is exactly a JSON number
     */
    public static OptionalDouble number(ConfigNode node) {
        if (node instanceof ConfigScalar s && s.type() != ScalarType.BOOLEAN) {
            Optional<BigDecimal> n = ScalarText.number(s.text().strip());
            if (n.isPresent()) {
                return OptionalDouble.of(n.get().doubleValue());
            }
        }
        return OptionalDouble.empty();
    }

    /**
     * @param node a node
     * @return the number at the start of a scalar with an optional unit ({@code 320}, {@code "320kbps"})
     */
    public static OptionalDouble leadingNumber(ConfigNode node) {
        if (node instanceof ConfigScalar s && s.type() != ScalarType.BOOLEAN) {
            Matcher m = LEADING_NUMBER.matcher(s.text());
            if (m.matches()) {
                return OptionalDouble.of(Double.parseDouble(m.group(1)));
            }
        }
        return OptionalDouble.empty();
    }

    /**
     * @param node a node
     * @return {@code true}/{@code false} for a boolean scalar or the strings {@code true}/{@code false}
     */
    public static Optional<Boolean> bool(ConfigNode node) {
        return node instanceof ConfigScalar s ? ScalarText.bool(s.text().strip()) : Optional.empty();
    }

    /**
     * Reads a duration with {@link DurationParser}. A bare number is in the unit the key's suffix names
     * ({@code _ms}, {@code _millis}/{@code _milliseconds}, {@code _minutes}/{@code _mins}, {@code _hours},
     * {@code _days}), else seconds; text may be {@code 250ms}, {@code 30s}, {@code 1h30m}, {@code 2d} or ISO-8601
     * {@code PT15S}.
     *
     * @param key  the key the value is stored under
     * @param node the value
     * @return the duration, or empty when the value is not one
     */
    public static Optional<Duration> duration(String key, ConfigNode node) {
        if (!(node instanceof ConfigScalar s) || s.type() == ScalarType.BOOLEAN || s.text().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(DurationParser.parse(s.text(), unitOfKey(key)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static ChronoUnit unitOfKey(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        if (k.endsWith("_ms") || k.endsWith("millis") || k.endsWith("_milliseconds")) {
            return ChronoUnit.MILLIS;
        }
        if (k.endsWith("_minutes") || k.endsWith("_mins") || k.endsWith("_minute")) {
            return ChronoUnit.MINUTES;
        }
        if (k.endsWith("_hours") || k.endsWith("_hour")) {
            return ChronoUnit.HOURS;
        }
        if (k.endsWith("_days") || k.endsWith("_day")) {
            return ChronoUnit.DAYS;
        }
        return ChronoUnit.SECONDS;
    }

    /**
     * Reads a data size in bytes with {@link DataSizeParser}: a bare number of bytes, or {@code 512B}, {@code 64KB},
     * {@code 2GB}, {@code 1.5GiB} (binary units, as core's {@code DataSize}).
     *
     * @param node the value
     * @return the number of bytes, or empty when the value is not a size
     */
    public static OptionalLong bytes(ConfigNode node) {
        if (!(node instanceof ConfigScalar s) || s.type() == ScalarType.BOOLEAN || s.text().isBlank()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(DataSizeParser.parse(s.text()));
        } catch (IllegalArgumentException e) {
            return OptionalLong.empty();
        }
    }
}
