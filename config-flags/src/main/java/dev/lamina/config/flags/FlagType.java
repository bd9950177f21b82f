package dev.lamina.config.flags;

import java.util.Locale;
import java.util.Optional;

/**
 * The declared type of a typed flag ({@code type: integer} in the native format). Every variant {@code value}
 * of a typed flag is checked against it when the configuration loads, so evaluation never meets a value of the
 * wrong type.
 */
public enum FlagType {
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** Text. */
    STRING,
    /** A whole number within {@code long} range. */
    INTEGER,
    /** A floating-point number (an integer value is accepted and widened). */
    DOUBLE,
    /** A structure: an object or a list, of any nesting. */
    OBJECT;

    /** @return the name as written in definitions ({@code boolean}, {@code string}, …) */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param name a type name as written ({@code boolean}, {@code string}, {@code integer}, {@code double},
     *             {@code object}; {@code number}/{@code float} are accepted for {@code double})
     * @return the type, or empty when the name is unknown
     */
    public static Optional<FlagType> byConfigName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "boolean" -> Optional.of(BOOLEAN);
            case "string" -> Optional.of(STRING);
            case "integer" -> Optional.of(INTEGER);
            case "double", "float", "number" -> Optional.of(DOUBLE);
            case "object" -> Optional.of(OBJECT);
            default -> Optional.empty();
        };
    }
}
