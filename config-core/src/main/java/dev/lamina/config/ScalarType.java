package dev.lamina.config;

/**
 * How a scalar was written in its source, which decides how it is rendered (a quoted {@code "8080"} stays a
 * string in JSON output). Conversion does not depend on it: {@code getInt} accepts {@code "8080"} and
 * {@code getString} returns the written text of {@code 8080}.
 */
public enum ScalarType {
    /** Quoted text, or plain text that is not a number or boolean under YAML 1.2 / JSON / TOML rules. */
    STRING,
    /** A number as written ({@code 8080}, {@code -1.5e3}); the text always follows the JSON number grammar. */
    NUMBER,
    /** {@code true} or {@code false}. */
    BOOLEAN
}
