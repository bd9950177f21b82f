package dev.lamina.config;

/**
 * An update named an {@code expectedVersion} that is no longer current: another change was published first.
 * Nothing was applied; re-read, re-apply and retry with {@link #currentVersion()}.
 */
public class ConfigConflictException extends ConfigException {

    private static final long serialVersionUID = 1L;

    private final long currentVersion;
    private final long expectedVersion;

    /**
     * @param expectedVersion the version the caller expected
     * @param currentVersion  the version in force
     */
    public ConfigConflictException(long expectedVersion, long currentVersion) {
        super(null, null, "expected version " + expectedVersion + " but the current version is " + currentVersion
                + " (fix: re-read the configuration and retry with version " + currentVersion + ")");
        this.expectedVersion = expectedVersion;
        this.currentVersion = currentVersion;
    }

    /**
     * For a conflict found elsewhere than in the local version (a remote store's compare-and-swap).
     *
     * @param origin          where, or {@code null}
     * @param path            the path concerned, or {@code null}
     * @param reason          what moved and how to retry; must not contain a secret value
     * @param expectedVersion the version the caller expected
     * @param currentVersion  the local version in force
     */
    protected ConfigConflictException(Origin origin, ConfigPath path, String reason, long expectedVersion,
                                      long currentVersion) {
        super(origin, path, reason);
        this.expectedVersion = expectedVersion;
        this.currentVersion = currentVersion;
    }

    /** @return the version in force when the update was refused */
    public long currentVersion() {
        return currentVersion;
    }

    /** @return the version the caller expected */
    public long expectedVersion() {
        return expectedVersion;
    }
}
