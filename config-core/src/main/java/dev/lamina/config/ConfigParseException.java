package dev.lamina.config;

/**
 * A document could not be parsed or was rejected by the hardening rules (duplicate keys, aliases, tags, several
 * documents, trailing content, DOCTYPE, invalid encoding). The origin names the source, line and column.
 */
public class ConfigParseException extends ConfigException {

    private static final long serialVersionUID = 1L;

    /**
     * @param origin where the problem is, or {@code null} when unknown
     * @param path   the config path concerned, or {@code null} when none
     * @param reason what is wrong; never a secret value
     */
    public ConfigParseException(Origin origin, ConfigPath path, String reason) {
        super(origin, path, reason);
    }

    /**
     * @param origin where the problem is, or {@code null} when unknown
     * @param path   the config path concerned, or {@code null} when none
     * @param reason what is wrong; never a secret value
     * @param cause  the underlying exception
     */
    public ConfigParseException(Origin origin, ConfigPath path, String reason, Throwable cause) {
        super(origin, path, reason, cause);
    }
}
