package dev.lamina.config.internal.bind;

import java.time.Duration;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.ConfigTypeException;
import dev.lamina.config.DataSize;
import dev.lamina.config.ScalarType;
import dev.lamina.config.SecretPolicy;
import dev.lamina.config.spi.DataSizeParser;
import dev.lamina.config.spi.DurationParser;

/**
 * The conversion rules shared by the getters of a configuration and by binding (see
 * {@code docs/reading-values.md}).
 *
 * <ul>
 *   <li>Integers: optional sign and decimal digits only; no fraction, exponent ({@code 1e3}), leading zero
 *       ({@code 0755}), underscore or surrounding space; out of range is an error, never a wrap.</li>
 *   <li>Decimals: the JSON number grammar with an optional {@code +}; a value beyond {@code double} range is an
 *       error, never infinity.</li>
 *   <li>Booleans: {@code true} or {@code false}, case-insensitive; {@code yes}, {@code on}, {@code 1} are not.</li>
 *   <li>Enums: constant names, case-insensitive, {@code -} and {@code _} alike.</li>
 *   <li>Null is never a value of any of these types; strings, numbers and booleans are interchangeable as text.</li>
 * </ul>
 *
 * <p>The {@link ScalarSyntax} holds the allocation-free checks used by lookups; the
 * {@code to…} methods here convert or throw a {@link ConfigTypeException} naming origin and path, quoting the value
 * only when it is not secret. Stateless and thread-safe.
 */
public final class Conversions {

    private Conversions() {
    }

    // ---------------------------------------------------------------- converters that throw

    /**
     * @param node   the node
     * @param path   its full path, for the message
     * @param secret whether its value must not be quoted
     * @return the scalar's text
     * @throws ConfigTypeException if the node is not a scalar
     */
    public static String toText(ConfigNode node, ConfigPath path, boolean secret) {
        if (node instanceof ConfigScalar s) {
            return s.text();
        }
        throw typeError(node, path, secret, "a string", "a text value such as \"example\"");
    }

    /**
     * @param node   the node
     * @param path   its full path
     * @param secret whether its value must not be quoted
     * @return the value
     * @throws ConfigTypeException if the node is not an integer within {@code int} range
     */
    public static int toInt(ConfigNode node, ConfigPath path, boolean secret) {
        if (node instanceof ConfigScalar s && ScalarSyntax.isIntText(s.text())) {
            return Integer.parseInt(s.text());
        }
        throw integerError(node, path, secret, "int", Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /**
     * @param node   the node
     * @param path   its full path
     * @param secret whether its value must not be quoted
     * @return the value
     * @throws ConfigTypeException if the node is not an integer within {@code long} range
     */
    public static long toLong(ConfigNode node, ConfigPath path, boolean secret) {
        if (node instanceof ConfigScalar s && ScalarSyntax.isLongText(s.text())) {
            return Long.parseLong(s.text());
        }
        throw integerError(node, path, secret, "long", Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /**
     * @param node   the node
     * @param path   its full path
     * @param secret whether its value must not be quoted
     * @return the value
     * @throws ConfigTypeException if the node is not a number, or is beyond {@code double} range
     */
    public static double toDouble(ConfigNode node, ConfigPath path, boolean secret) {
        if (node instanceof ConfigScalar s && ScalarSyntax.isDecimalText(s.text())) {
            double d = Double.parseDouble(s.text());
            if (!Double.isInfinite(d)) {
                return d;
            }
            throw new ConfigTypeException(node.origin(), path, "expected a number within double range, found "
                    + describe(node, secret) + " (fix: use a smaller value)");
        }
        throw typeError(node, path, secret, "a number", "a decimal number such as 0.75");
    }

    /**
     * @param node   the node
     * @param path   its full path
     * @param secret whether its value must not be quoted
     * @return the value
     * @throws ConfigTypeException if the node is not {@code true} or {@code false}
     */
    public static boolean toBoolean(ConfigNode node, ConfigPath path, boolean secret) {
        if (node instanceof ConfigScalar s) {
            if (s.text().equalsIgnoreCase("true")) {
                return true;
            }
            if (s.text().equalsIgnoreCase("false")) {
                return false;
            }
        }
        throw typeError(node, path, secret, "a boolean", "write true or false; yes, no, on, off and 1 are not booleans");
    }

    /**
     * @param node   the node
     * @param path   its full path
     * @param secret whether its value must not be quoted
     * @return the duration
     * @throws ConfigTypeException if the node is not a duration
     */
    public static Duration toDuration(ConfigNode node, ConfigPath path, boolean secret) {
        if (node instanceof ConfigScalar s && s.type() != ScalarType.BOOLEAN) {
            try {
                return DurationParser.parse(s.text());
            } catch (IllegalArgumentException e) {
                // The parser's reason never quotes the text, so it may be shown; its exception is not chained
                // because a NumberFormatException from a JDK parser would quote it.
                throw new ConfigTypeException(node.origin(), path, "expected a duration, found "
                        + describe(node, secret) + reasonOf(e)
                        + " (fix: write a duration such as 250ms, 30s, 1h30m or PT15S)");
            }
        }
        throw typeError(node, path, secret, "a duration", "write a duration such as 250ms, 30s, 1h30m or PT15S");
    }

    /**
     * @param node   the node
     * @param path   its full path
     * @param secret whether its value must not be quoted
     * @return the size
     * @throws ConfigTypeException if the node is not a data size
     */
    public static DataSize toSize(ConfigNode node, ConfigPath path, boolean secret) {
        if (node instanceof ConfigScalar s && s.type() != ScalarType.BOOLEAN) {
            try {
                return DataSize.ofBytes(DataSizeParser.parse(s.text()));
            } catch (IllegalArgumentException e) {
                throw new ConfigTypeException(node.origin(), path, "expected a data size, found "
                        + describe(node, secret) + reasonOf(e)
                        + " (fix: write a size such as 512B, 64KB, 2GB or 1.5GiB)");
            }
        }
        throw typeError(node, path, secret, "a data size", "write a size such as 512B, 64KB, 2GB or 1.5GiB");
    }

    /**
     * @param node   the node
     * @param type   the enum type
     * @param path   its full path
     * @param secret whether its value must not be quoted
     * @param <E>    the enum type
     * @return the matching constant
     * @throws ConfigTypeException if no constant matches; the message lists the constants
     */
    public static <E extends Enum<E>> E toEnum(ConfigNode node, Class<E> type, ConfigPath path, boolean secret) {
        E[] constants = type.getEnumConstants();
        if (node instanceof ConfigScalar s) {
            for (E c : constants) {
                if (ScalarSyntax.sameConstantName(c.name(), s.text())) {
                    return c;
                }
            }
        }
        StringBuilder names = new StringBuilder();
        for (E c : constants) {
            names.append(names.length() == 0 ? "" : ", ").append(c.name());
        }
        throw new ConfigTypeException(node.origin(), path, "expected one of " + names + " (" + type.getSimpleName()
                + ", case-insensitive, '-' and '_' alike), found " + describe(node, secret)
                + " (fix: use one of the listed names)");
    }

    // ---------------------------------------------------------------- messages

    private static ConfigTypeException integerError(ConfigNode node, ConfigPath path, boolean secret, String kind,
                                                    long min, long max) {
        if (node instanceof ConfigScalar s) {
            String t = s.text();
            String fix;
            if (ScalarSyntax.isIntegerText(t)) {
                return new ConfigTypeException(node.origin(), path, "expected an integer between " + min + " and "
                        + max + " (" + kind + "), found " + describe(node, secret) + ", which is out of range (fix: "
                        + (kind.equals("int") ? "use a smaller value, or read it with getLong" : "use a smaller value")
                        + ")");
            } else if (ScalarSyntax.isDecimalText(t)) {
                fix = "write a whole number; a fraction or exponent is never rounded or truncated";
            } else if (ScalarSyntax.isDecimalText(stripLeadingZeros(t))) {
                fix = "remove the leading zeros; YAML 1.1 reads a leading 0 as octal, so it is not accepted";
            } else if (!t.equals(t.strip())) {
                fix = "remove the spaces around the number";
            } else {
                fix = "write digits only, such as 8080";
            }
            return new ConfigTypeException(node.origin(), path, "expected an integer, found " + describe(node, secret)
                    + " (fix: " + fix + ")");
        }
        return typeError(node, path, secret, "an integer", "a whole number such as 8080");
    }

    private static String stripLeadingZeros(String t) {
        int i = 0;
        int sign = t.startsWith("-") || t.startsWith("+") ? 1 : 0;
        i = sign;
        while (i < t.length() - 1 && t.charAt(i) == '0' && t.charAt(i + 1) >= '0' && t.charAt(i + 1) <= '9') {
            i++;
        }
        return i == sign ? "x" : t.substring(0, sign) + t.substring(i);
    }

    /**
     * Builds the standard message {@code expected X, found Y (fix: Z)}; the fix depends on what was found.
     *
     * @param node      the node found
     * @param path      its full path
     * @param secret    whether its value must not be quoted
     * @param expected  what was expected, with its article ({@code an integer})
     * @param scalarFix the advice when a scalar of the wrong form was found
     * @return the exception, to be thrown by the caller
     */
    public static ConfigTypeException typeError(ConfigNode node, ConfigPath path, boolean secret, String expected,
                                                String scalarFix) {
        String fix;
        if (node instanceof ConfigNull) {
            fix = "set a value, or remove the key and read it with a getOptional method";
        } else if (node instanceof ConfigObject || node instanceof ConfigList) {
            fix = "point at a value inside it, or read it with getConfig, getList or bind";
        } else {
            fix = scalarFix;
        }
        return new ConfigTypeException(node.origin(), path, "expected " + expected + ", found "
                + describe(node, secret) + " (fix: " + fix + ")");
    }

    /**
     * @param node   a node
     * @param secret whether its value must not be quoted
     * @return {@code the string "80a"}, {@code the number 8080.9}, {@code a string} (secret), {@code an object}, …
     */
    public static String describe(ConfigNode node, boolean secret) {
        if (node instanceof ConfigNull) {
            return "null";
        }
        if (node instanceof ConfigObject) {
            return "an object";
        }
        if (node instanceof ConfigList) {
            return "a list";
        }
        ConfigScalar s = (ConfigScalar) node;
        if (secret || SecretPolicy.isEncrypted(s.text())) {
            return "a " + s.kindName() + " (value hidden: secret)";
        }
        String t = s.text().length() > 60 ? s.text().substring(0, 57) + "..." : s.text();
        return switch (s.type()) {
            case STRING -> "the string \"" + t.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
            case NUMBER -> "the number " + t;
            case BOOLEAN -> "the boolean " + t;
        };
    }

    private static String reasonOf(IllegalArgumentException e) {
        // NumberFormatException messages quote their input; only our parsers' own reasons are shown.
        if (e instanceof NumberFormatException || e.getMessage() == null || e.getMessage().isBlank()) {
            return "";
        }
        return " (" + e.getMessage() + ")";
    }
}
