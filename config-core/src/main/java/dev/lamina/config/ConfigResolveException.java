package dev.lamina.config;

/**
 * Interpolation failed: an unset required variable, a {@code ${NAME:?message}}, a reference cycle, an invalid template
 * or an unknown resolver prefix. The path and origin are those of the string that contained the expression.
 */
public class ConfigResolveException extends ConfigException {

    private static final long serialVersionUID = 1L;

    /**
     * @param origin where the problem is, or {@code null} when unknown
     * @param path   the config path concerned, or {@code null} when none
     * @param reason what is wrong; never a secret value
     */
    public ConfigResolveException(Origin origin, ConfigPath path, String reason) {
        super(origin, path, reason);
    }

    /**
     * @param origin where the problem is, or {@code null} when unknown
     * @param path   the config path concerned, or {@code null} when none
     * @param reason what is wrong; never a secret value
     * @param cause  the underlying exception
     */
    public ConfigResolveException(Origin origin, ConfigPath path, String reason, Throwable cause) {
        super(origin, path, reason, cause);
    }
}
