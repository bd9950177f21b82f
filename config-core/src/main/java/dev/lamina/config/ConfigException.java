package dev.lamina.config;

import java.util.Optional;

/**
 * The root of every exception Lamina throws for a configuration problem.
 *
 * <p>The message always starts with where the problem is: {@code source:line:column path: reason}, leaving
 * out what is unknown, for example {@code staging.yaml:12:5 server.port: expected an integer, found "80a"}.
 * Messages never contain the value of a secret; where a value could be secret, the message describes it
 * instead of quoting it.
 *
 * <p>Unchecked, like the rest of the configuration API: a bad configuration is a programming or deployment
 * error that the caller usually cannot handle locally.
 */
public class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Origin origin;
    private final transient ConfigPath path;
    private final String reason;

    /**
     * @param origin where the problem is, or {@code null} when unknown
     * @param path   the config path concerned, or {@code null} when none
     * @param reason what is wrong and, where possible, what to do; must not contain a secret value
     * @param cause  the underlying exception, or {@code null}; its message must not be secret either
     */
    public ConfigException(Origin origin, ConfigPath path, String reason, Throwable cause) {
        super(format(origin, path, reason), cause);
        this.origin = origin;
        this.path = path;
        this.reason = reason;
    }

    /**
     * @param origin where the problem is, or {@code null} when unknown
     * @param path   the config path concerned, or {@code null} when none
     * @param reason what is wrong
     */
    public ConfigException(Origin origin, ConfigPath path, String reason) {
        this(origin, path, reason, null);
    }

    /**
     * Formats the location prefix used by every Lamina message.
     *
     * @param origin where, or {@code null}
     * @param path   which path, or {@code null}
     * @param reason what
     * @return {@code origin path: reason} with the unknown parts left out
     */
    public static String format(Origin origin, ConfigPath path, String reason) {
        StringBuilder sb = new StringBuilder();
        if (origin != null && !origin.equals(Origin.UNKNOWN)) {
            sb.append(origin.describe());
        }
        if (path != null && !path.isRoot()) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(path);
        }
        if (sb.length() > 0) {
            sb.append(": ");
        }
        return sb.append(reason).toString();
    }

    /** @return where the problem is, when known */
    public Optional<Origin> origin() {
        return Optional.ofNullable(origin);
    }

    /** @return the config path concerned, when there is one */
    public Optional<ConfigPath> path() {
        return Optional.ofNullable(path);
    }

    /** @return the message without the location prefix */
    public String reason() {
        return reason;
    }
}
