package dev.lamina.config.internal.runtime;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lamina.config.AuditLog;
import dev.lamina.config.AuditRecord;
import dev.lamina.config.ConfigAuditException;
import dev.lamina.config.ConfigException;
import dev.lamina.config.SecretPolicy;

/**
 * The manager's view of the optional audit log: an applied change must be recorded before it is published (a
 * failure aborts it); a refused change is recorded on a best-effort basis.
 */
public final class AuditTrail {

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);

    private final AuditLog log;

    /**
     * @param file   the audit log, or {@code null} for none
     * @param policy which paths the log masks (again)
     * @param clock  the records' time source
     * @throws ConfigAuditException if the log cannot be opened or written
     */
    public AuditTrail(Path file, SecretPolicy policy, Clock clock) {
        this.log = file == null ? null : AuditLog.open(file, policy, clock);
    }

    /** @return {@code true} when an audit log is configured (records are written) */
    public boolean recording() {
        return log != null;
    }

    /**
     * Records an applied change; the caller publishes only if this returns.
     *
     * @param action    {@code load}, {@code reload}, {@code update}, {@code rollback} or {@code set-active}
     * @param principal who, or {@code null} for a load or file reload (no one asked)
     * @param changes   the changed leaves, values already masked
     * @param version   the version being published
     * @param reason    why
     * @throws ConfigAuditException if the record cannot be written
     */
    public void applied(String action, String principal, List<AuditRecord.Change> changes, long version,
                        String reason) {
        if (log != null) {
            log.append(new AuditRecord(Optional.ofNullable(principal), action, changes, version, AuditRecord.Result.APPLIED,
                    Optional.of(reason)));
        }
    }

    /**
     * Records a refused change. Never throws: a failure is attached to {@code refusal} as suppressed and logged.
     *
     * @param action    the action
     * @param principal who, or {@code null} for a load or file reload
     * @param changes   the paths concerned with current and refused values, already masked; may be empty
     * @param version   the version that stays in force
     * @param refusal   why it was refused (its message names no secret)
     */
    public void rejected(String action, String principal, List<AuditRecord.Change> changes, long version,
                         ConfigException refusal) {
        if (log == null) {
            return;
        }
        try {
            log.append(AuditRecord.rejected(action, principal, changes, version,
                    refusal.getClass().getSimpleName() + ": " + refusal.getMessage()));
        } catch (RuntimeException e) {
            refusal.addSuppressed(e);
            LOG.warn("could not audit a refused configuration change", e);
        }
    }
}
