package dev.lamina.config;

/**
 * A source could not be read: a missing or unreadable file, a path that escapes the configuration root, an I/O error.
 */
public class ConfigSourceException extends ConfigException {

    private static final long serialVersionUID = 1L;

    /**
     * @param origin where the problem is, or {@code null} when unknown
     * @param path   the config path concerned, or {@code null} when none
     * @param reason what is wrong; never a secret value
     */
    public ConfigSourceException(Origin origin, ConfigPath path, String reason) {
        super(origin, path, reason);
    }

    /**
     * @param origin where the problem is, or {@code null} when unknown
     * @param path   the config path concerned, or {@code null} when none
     * @param reason what is wrong; never a secret value
     * @param cause  the underlying exception
     */
    public ConfigSourceException(Origin origin, ConfigPath path, String reason, Throwable cause) {
        super(origin, path, reason, cause);
    }
}
