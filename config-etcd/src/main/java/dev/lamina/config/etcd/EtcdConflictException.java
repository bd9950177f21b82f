package dev.lamina.config.etcd;

import dev.lamina.config.ConfigConflictException;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.Origin;

/**
 * An update's compare-and-swap failed in etcd: the key was modified there after the snapshot the update was checked
 * against. Nothing was written. The local snapshot follows etcd through the watch; re-read and retry with the new
 * version.
 */
public final class EtcdConflictException extends ConfigConflictException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final long currentRevision;
    private final long modRevision;

    private EtcdConflictException(Origin origin, ConfigPath path, String reason, String key, long modRevision,
                                  long currentRevision, long expectedVersion, long currentVersion) {
        super(origin, path, reason, expectedVersion, currentVersion);
        this.key = key;
        this.currentRevision = currentRevision;
        this.modRevision = modRevision;
    }

    static EtcdConflictException ofUpdate(Origin origin, ConfigPath path, String key, long basisRevision,
                                          long modRevision, long currentRevision, long expectedVersion,
                                          long currentVersion) {
        return new EtcdConflictException(origin, path, "the etcd key " + key + " changed after the snapshot this "
                + "update was checked against (read at etcd revision " + basisRevision + ", modified at revision "
                + modRevision + ", etcd is at revision " + currentRevision + "); nothing was written (fix: wait for "
                + "this instance to reach revision " + modRevision + ", re-read and retry with its version)", key,
                modRevision, currentRevision, expectedVersion, currentVersion);
    }

    static EtcdConflictException ofPrefix(Origin origin, String prefix, long expectedRevision, long modRevision,
                                          long currentRevision) {
        return new EtcdConflictException(origin, null, "keys under " + prefix + " changed after revision "
                + expectedRevision + " (last modified at revision " + modRevision + ", etcd is at revision "
                + currentRevision + "); nothing was written (fix: review the changes with 'configctl history' and "
                + "retry with --expected-revision " + currentRevision + ")", prefix, modRevision, currentRevision,
                expectedRevision, currentRevision);
    }

    /** @return the etcd key that moved */
    public String key() {
        return key;
    }

    /** @return etcd's revision when the transaction was refused */
    public long currentRevision() {
        return currentRevision;
    }

    /** @return the key's mod revision in etcd when the transaction was refused ({@code 0} if deleted) */
    public long modRevision() {
        return modRevision;
    }
}
