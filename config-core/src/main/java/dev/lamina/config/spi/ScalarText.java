package dev.lamina.config.spi;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

import dev.lamina.config.internal.bind.ScalarSyntax;

/**
 * The grammars by which {@code Configuration}'s getters read scalar text as a number or a boolean, for code that must
 * agree with them (a validation rule, a schema adapter, a tool). The text is taken exactly as given: callers that
 * accept surrounding spaces strip them first.
 *
 * <ul>
 *   <li>An <b>integer</b> is an optional sign ({@code -} or {@code +}) and decimal digits without a leading zero
 *       ({@code 0}, {@code 8080}, {@code -1}; not {@code 0755}, {@code 1_000} or {@code 0x1F}), of any length.</li>
 *   <li>A <b>number</b> is a number in the JSON grammar with an optional leading {@code +} ({@code 0.75},
 *       {@code 1e3}, {@code -2.5E-3}; not {@code .5}, {@code 1.} or {@code NaN}).</li>
 *   <li>A <b>boolean</b> is {@code true} or {@code false} in any case; {@code yes}, {@code on} and {@code 1} are
 *       not booleans.</li>
 * </ul>
 *
 * <p>Durations and data sizes have their own parsers: {@link DurationParser} and {@link DataSizeParser}. Arguments
 * must not be {@code null} ({@link NullPointerException} otherwise). Stateless and thread-safe.
 */
public final class ScalarText {

    private ScalarText() {
    }

    /**
     * @param text scalar text
     * @return {@code true} when the text is an integer (see the class comment), whatever its magnitude
     */
    public static boolean isInteger(String text) {
        return ScalarSyntax.isIntegerText(Objects.requireNonNull(text, "text"));
    }

    /**
     * @param text scalar text
     * @return {@code true} when the text is a number (see the class comment); every integer is a number
     */
    public static boolean isNumber(String text) {
        return ScalarSyntax.isDecimalText(Objects.requireNonNull(text, "text"));
    }

    /**
     * @param text scalar text
     * @return {@code true} when the text is {@code true} or {@code false}, in any case
     */
    public static boolean isBoolean(String text) {
        return ScalarSyntax.isBooleanText(Objects.requireNonNull(text, "text"));
    }

    /**
     * @param text scalar text
     * @return the exact value when the text is an integer, or empty
     */
    public static Optional<BigInteger> integer(String text) {
        return isInteger(text) ? Optional.of(new BigInteger(text)) : Optional.empty();
    }

    /**
     * @param text scalar text
     * @return the exact value, with the scale as written ({@code 1.10} keeps two decimals), when the text is a
     *         number, or empty
     */
    public static Optional<BigDecimal> number(String text) {
        return isNumber(text) ? Optional.of(new BigDecimal(text)) : Optional.empty();
    }

    /**
     * @param text scalar text
     * @return the value when the text is a boolean, or empty
     */
    public static Optional<Boolean> bool(String text) {
        return isBoolean(text) ? Optional.of(text.equalsIgnoreCase("true")) : Optional.empty();
    }
}
