package dev.lamina.config.validation.internal.tree;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.ScalarType;

/**
 * Lenient readings of scalar nodes for rules: a rule checking bounds must accept {@code 30}, {@code "30"} (an
 * environment override) and, where units make sense, {@code "30s"} or {@code "2GB"}. Anything that does not read
 * cleanly is "not a value" and the rule leaves it to the schema.
 */
public final class Values {

    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");
    private static final Pattern LEADING_NUMBER = Pattern.compile("\\s*(-?\\d+(\\.\\d+)?)\\s*[A-Za-z/]*\\s*");
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SIZE = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*([KMGTP]?)(I?B)?\\s*", Pattern.CASE_INSENSITIVE);

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
            String t = s.text().trim();
            if (NUMBER.matcher(t).matches()) {
                return OptionalDouble.of(Double.parseDouble(t));
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
        if (node instanceof ConfigScalar s) {
            String t = s.text().trim();
            if (t.equalsIgnoreCase("true")) {
                return Optional.of(Boolean.TRUE);
            }
            if (t.equalsIgnoreCase("false")) {
                return Optional.of(Boolean.FALSE);
            }
        }
        return Optional.empty();
    }

    /**
     * Reads a duration. A bare number is in the unit the key's suffix names ({@code _ms}, {@code _millis},
     * {@code _seconds}/{@code _secs}/{@code _s}, {@code _minutes}/{@code _mins}, {@code _hours}, {@code _days}),
     * else seconds; text may be {@code 250ms}, {@code 30s}, {@code 1h30m}, {@code 2d} or ISO-8601 {@code PT15S}.
     *
     * @param key  the key the value is stored under
     * @param node the value
     * @return the duration, or empty when the value is not one
     */
    public static Optional<Duration> duration(String key, ConfigNode node) {
        OptionalDouble n = number(node);
        if (n.isPresent()) {
            double v = n.getAsDouble();
            String k = key.toLowerCase(Locale.ROOT);
            double seconds;
            if (k.endsWith("_ms") || k.endsWith("millis") || k.endsWith("_milliseconds")) {
                seconds = v / 1000;
            } else if (k.endsWith("_minutes") || k.endsWith("_mins") || k.endsWith("_minute")) {
                seconds = v * 60;
            } else if (k.endsWith("_hours") || k.endsWith("_hour")) {
                seconds = v * 3600;
            } else if (k.endsWith("_days") || k.endsWith("_day")) {
                seconds = v * 86400;
            } else {
                seconds = v;
            }
            return Optional.of(Duration.ofMillis(Math.round(seconds * 1000)));
        }
        Optional<String> text = text(node).map(String::trim);
        if (text.isEmpty() || text.get().isEmpty()) {
            return Optional.empty();
        }
        String t = text.get();
        if (t.startsWith("P") || t.startsWith("p")) {
            try {
                return Optional.of(Duration.parse(t.toUpperCase(Locale.ROOT)));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        Matcher m = DURATION_PART.matcher(t);
        int end = 0;
        double millis = 0;
        while (m.find()) {
            if (m.start() != end && !t.substring(end, m.start()).isBlank()) {
                return Optional.empty();
            }
            double v = Double.parseDouble(m.group(1));
            millis += switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "ms" -> v;
                case "s" -> v * 1000;
                case "m" -> v * 60_000;
                case "h" -> v * 3_600_000;
                default -> v * 86_400_000;
            };
            end = m.end();
        }
        if (end == 0 || end != t.length()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(Math.round(millis)));
    }

    /**
     * Reads a data size in bytes: a bare number of bytes, or {@code 512B}, {@code 64KB}, {@code 2GB},
     * {@code 1.5GiB} (binary units, as core's {@code DataSize}).
     *
     * @param node the value
     * @return the number of bytes, or empty when the value is not a size
     */
    public static OptionalDouble bytes(ConfigNode node) {
        OptionalDouble n = number(node);
        if (n.isPresent()) {
            return n;
        }
        Optional<String> text = text(node);
        if (text.isEmpty()) {
            return OptionalDouble.empty();
        }
        Matcher m = SIZE.matcher(text.get());
        if (!m.matches() || (m.group(2).isEmpty() && m.group(3) == null)) {
            return OptionalDouble.empty();
        }
        double v = Double.parseDouble(m.group(1));
        int power = "KMGTP".indexOf(m.group(2).toUpperCase(Locale.ROOT)) + 1;
        return OptionalDouble.of(v * Math.pow(1024, power));
    }
}
