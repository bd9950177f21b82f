package dev.lamina.config;

/**
 * The audit log could not be written, opened or trusted: the sink is unwritable, the file was changed by
 * another writer, or its last record is torn or does not verify.
 *
 * <p>A change whose audit record cannot be written is not applied: the manager treats this exception like
 * a validation failure and keeps the current snapshot. The message names the log file and, where known,
 * the line.
 */
public class ConfigAuditException extends ConfigException {

    private static final long serialVersionUID = 1L;

    /**
     * @param origin the log file, with the line where known; or {@code null}
     * @param reason what is wrong and what to do
     */
    public ConfigAuditException(Origin origin, String reason) {
        super(origin, null, reason);
    }

    /**
     * @param origin the log file, with the line where known; or {@code null}
     * @param reason what is wrong and what to do
     * @param cause  the underlying I/O exception
     */
    public ConfigAuditException(Origin origin, String reason, Throwable cause) {
        super(origin, null, reason, cause);
    }
}
