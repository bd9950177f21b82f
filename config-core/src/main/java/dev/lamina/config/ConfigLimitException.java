package dev.lamina.config;

/**
 * A document exceeded a configured {@link ParseLimits} bound (size, depth, string length, number length, node count).
 * The reason names the limit and its value, so that a user knows which option to raise.
 */
public class ConfigLimitException extends ConfigParseException {

    private static final long serialVersionUID = 1L;

    /**
     * @param origin where the problem is, or {@code null} when unknown
     * @param path   the config path concerned, or {@code null} when none
     * @param reason what is wrong; never a secret value
     */
    public ConfigLimitException(Origin origin, ConfigPath path, String reason) {
        super(origin, path, reason);
    }

    /**
     * @param origin where the problem is, or {@code null} when unknown
     * @param path   the config path concerned, or {@code null} when none
     * @param reason what is wrong; never a secret value
     * @param cause  the underlying exception
     */
    public ConfigLimitException(Origin origin, ConfigPath path, String reason, Throwable cause) {
        super(origin, path, reason, cause);
    }
}
