package dev.lamina.config;

/**
 * A value could not be converted to the requested type: {@code 8080.9} as an {@code int}, {@code null} as a
 * primitive, {@code maybe} as a boolean, {@code 30 parsecs} as a duration.
 */
public class ConfigTypeException extends ConfigException {

    private static final long serialVersionUID = 1L;

    /**
     * @param origin where the problem is, or {@code null} when unknown
     * @param path   the config path concerned, or {@code null} when none
     * @param reason what is wrong; never a secret value
     */
    public ConfigTypeException(Origin origin, ConfigPath path, String reason) {
        super(origin, path, reason);
    }

    /**
     * @param origin where the problem is, or {@code null} when unknown
     * @param path   the config path concerned, or {@code null} when none
     * @param reason what is wrong; never a secret value
     * @param cause  the underlying exception
     */
    public ConfigTypeException(Origin origin, ConfigPath path, String reason, Throwable cause) {
        super(origin, path, reason, cause);
    }
}
