package dev.lamina.config.internal.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.lamina.config.AuditRecord;
import dev.lamina.config.ChangeRecord;
import dev.lamina.config.ConfigDiff;
import dev.lamina.config.ConfigException;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Configuration;
import dev.lamina.config.Principal;
import dev.lamina.config.SecretPolicy;

/**
 * What the audit log and the change events see of a change: its changed leaves with secrets masked, and the
 * records of applied and refused changes. Masking happens here once, so the audit log, the events and the history
 * all show the same masked values. Thread-safe (the audit trail is written under the publish lock).
 */
public final class ChangeAudit {

    private final AuditTrail trail;
    private final SecretPolicy policy;

    /**
     * @param trail  the audit log's sink
     * @param policy which key names are secret
     */
    public ChangeAudit(AuditTrail trail, SecretPolicy policy) {
        this.trail = trail;
        this.policy = policy;
    }

    /** @return {@code true} when an audit log records the changes (their masked values are written) */
    public boolean recording() {
        return trail.recording();
    }

    /**
     * @param changes the diff between the configurations
     * @param before  the configuration replaced, or {@code null}
     * @param after   the configuration published
     * @return the changed leaves with secret values masked
     */
    public List<AuditRecord.Change> masked(List<ConfigDiff.Entry> changes, Configuration before, Configuration after) {
        List<AuditRecord.Change> masked = new ArrayList<>(changes.size());
        for (ConfigDiff.Entry c : changes) {
            ConfigNode old = c.left().orElse(null);
            ConfigNode next = c.right().orElse(null);
            boolean secret = c.secret() || isSecret(c.path(), before, after);
            masked.add(AuditRecord.Change.of(c.path(), mask(old, secret), mask(next, secret)));
        }
        return masked;
    }

    /**
     * @param current the configuration in force
     * @param nodes   the requested paths and values
     * @return the paths with their current and refused values, masked, for the audit record of a refusal
     */
    public List<AuditRecord.Change> requested(Configuration current, Map<ConfigPath, ConfigNode> nodes) {
        List<AuditRecord.Change> out = new ArrayList<>(nodes.size());
        nodes.forEach((path, node) -> {
            ConfigNode old = current.node(path.toString()).orElse(null);
            boolean secret = isSecret(path, null, current) || isEncrypted(node);
            out.add(AuditRecord.Change.of(path, mask(old, secret), mask(node, secret)));
        });
        return out;
    }

    /**
     * Records an applied change; the caller publishes only if this returns.
     *
     * @param action    what kind of change
     * @param principal who
     * @param masked    the changed leaves, masked
     * @param version   the version being published
     * @param why       why
     * @throws dev.lamina.config.ConfigAuditException if the record cannot be written
     */
    public void applied(ChangeRecord.Action action, Principal principal, List<AuditRecord.Change> masked,
                        long version, String why) {
        trail.applied(name(action), principal(action, principal), masked, version, why);
    }

    /**
     * Records a refused change (best effort: a write failure is attached to {@code refusal} as suppressed).
     *
     * @param action    what kind of change
     * @param principal who asked
     * @param masked    the paths concerned, masked; may be empty
     * @param version   the version that stays in force
     * @param refusal   the refusal
     */
    public void rejected(ChangeRecord.Action action, Principal principal, List<AuditRecord.Change> masked,
                         long version, ConfigException refusal) {
        trail.rejected(name(action), principal(action, principal), masked, version, refusal);
    }

    /**
     * @param action a kind of change
     * @return its name in the audit log and the log lines ({@code set-active})
     */
    public static String name(ChangeRecord.Action action) {
        return action.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Loads and file reloads have no one behind them: the audit log records {@code null} (docs/audit-log.md). */
    private static String principal(ChangeRecord.Action action, Principal principal) {
        return action == ChangeRecord.Action.LOAD || action == ChangeRecord.Action.RELOAD ? null : principal.name();
    }

    /** The one answer of the snapshots on either side of a change: a path secret in either is masked in both. */
    private static boolean isSecret(ConfigPath path, Configuration before, Configuration after) {
        String p = path.toString();
        return after.isSecret(p) || (before != null && before.isSecret(p));
    }

    /** A refused value never reaches a snapshot, so only its own form can say it was encrypted. */
    private static boolean isEncrypted(ConfigNode requested) {
        return requested instanceof ConfigScalar sc && SecretPolicy.isEncrypted(sc.text());
    }

    /** The node as it may be shown: {@value SecretPolicy#MASK} in place of a secret; {@code null} stays. */
    private static ConfigNode mask(ConfigNode node, boolean secret) {
        return node == null || !secret ? node : ConfigScalar.string(SecretPolicy.MASK, node.origin());
    }
}
