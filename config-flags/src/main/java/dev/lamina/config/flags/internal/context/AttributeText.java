package dev.lamina.config.flags.internal.context;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

/** The text form of a typed attribute value, which {@code IN} and the string operators compare. */
public final class AttributeText {

    private AttributeText() {
    }

    /**
     * @param value a typed attribute value (or a list element)
     * @return its text form: {@code 65}, {@code 0.5}, {@code true}, {@code 2026-01-01T00:00:00Z}, a list's elements
     *         joined with {@code ,}
     * @throws IllegalArgumentException for a value of another type
     */
    public static String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString()
                    : Double.toString(d);
        }
        if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger || value instanceof Boolean || value instanceof Instant) {
            return value.toString();
        }
        if (value instanceof List<?> l) {
            StringBuilder sb = new StringBuilder();
            for (Object o : l) {
                if (sb.length() > 0) {
                    sb.append(',');
                }
                sb.append(text(o));
            }
            return sb.toString();
        }
        throw new IllegalArgumentException("an attribute value must be a String, a Number (Integer, Long, Double,"
                + " BigDecimal, ...), a Boolean, an Instant or a List of those, found "
                + (value == null ? "null" : value.getClass().getName()));
    }

    /**
     * @param value a value
     * @return {@code true} for a single value {@link ReadAttribute} takes (not a list)
     */
    public static boolean isScalar(Object value) {
        return ReadAttribute.kindOf(value);
    }
}
