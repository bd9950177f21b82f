package dev.lamina.config.internal.runtime;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lamina.config.AuditLog;
import dev.lamina.config.AuditRecord;
import dev.lamina.config.ConfigAuditException;

/**
 * The manager's view of the optional audit log: applied changes must be recorded before they are published
 * (a failure aborts them); refused changes are recorded on a best-effort basis.
 */
public final class AuditTrail implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);

    private final AuditLog log;

    /** @param file the audit log, or {@code null} for none */
    public AuditTrail(Path file) {
        this.log = file == null ? null : new AuditLog(file);
    }

    /** @return {@code true} when changes are audited */
    public boolean enabled() {
        return log != null;
    }

    /**
     * Records an applied change; the caller publishes only if this returns.
     *
     * @throws ConfigAuditException if the record cannot be written
     */
    public void applied(Instant time, String principal, String action, List<String> paths, Map<String, String> oldValues,
                        Map<String, String> newValues, long version, String reason) {
        if (log != null) {
            log.append(new AuditRecord(time, principal, action, paths, oldValues, newValues, version, "applied", reason));
        }
    }

    /**
     * Records a refused change. Never throws: a failure is attached to {@code refusal} as suppressed and logged.
     */
    public void rejected(Instant time, String principal, String action, List<String> paths, long version,
                         String reason, RuntimeException refusal) {
        if (log == null) {
            return;
        }
        try {
            log.append(new AuditRecord(time, principal, action, paths, Map.of(), Map.of(), version,
                    "rejected: " + refusal.getClass().getSimpleName(), reason));
        } catch (RuntimeException e) {
            refusal.addSuppressed(e);
            LOG.warn("could not audit a refused configuration change", e);
        }
    }

    @Override
    public void close() {
        if (log != null) {
            log.close();
        }
    }
}
