package dev.lamina.config.internal.reload;

import java.time.Duration;
import java.util.Objects;

/**
 * Timing of a {@link DirectoryWatcher}.
 *
 * @param quietPeriod  how long the candidate files of a directory must stay unchanged (same names, sizes,
 *                     modification times and file identities) before the directory is reported; protects
 *                     readers from half-written files. Default 200 ms.
 * @param debounce     how long after the last file-system event the watcher waits before looking at the
 *                     files at all; coalesces event bursts. Default 50 ms.
 * @param pollInterval how often every directory is fingerprinted even without events (the safety net for
 *                     missed or coalesced events, changes behind symbolic links, and the only mechanism in
 *                     polling mode), and how often a missing directory is checked for reappearance.
 *                     Default 1 s.
 * @param forcePolling {@code true} to never use the platform's {@link java.nio.file.WatchService} (for
 *                     network file systems, where change notification is unreliable); default
 *                     {@code false}
 */
public record WatchSettings(Duration quietPeriod, Duration debounce, Duration pollInterval, boolean forcePolling) {

    /** The defaults documented on the components. */
    public static final WatchSettings DEFAULTS =
            new WatchSettings(Duration.ofMillis(200), Duration.ofMillis(50), Duration.ofSeconds(1), false);

    /**
     * Validates the settings.
     *
     * @throws NullPointerException     if a duration is {@code null}
     * @throws IllegalArgumentException if a duration is negative or the poll interval is not positive
     */
    public WatchSettings {
        Objects.requireNonNull(quietPeriod, "quietPeriod");
        Objects.requireNonNull(debounce, "debounce");
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (quietPeriod.isNegative()) {
            throw new IllegalArgumentException("quietPeriod must not be negative: " + quietPeriod);
        }
        if (debounce.isNegative()) {
            throw new IllegalArgumentException("debounce must not be negative: " + debounce);
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive: " + pollInterval);
        }
    }

    /**
     * @param value the new quiet period
     * @return a copy with it
     */
    public WatchSettings withQuietPeriod(Duration value) {
        return new WatchSettings(value, debounce, pollInterval, forcePolling);
    }

    /**
     * @param value the new debounce
     * @return a copy with it
     */
    public WatchSettings withDebounce(Duration value) {
        return new WatchSettings(quietPeriod, value, pollInterval, forcePolling);
    }

    /**
     * @param value the new poll interval
     * @return a copy with it
     */
    public WatchSettings withPollInterval(Duration value) {
        return new WatchSettings(quietPeriod, debounce, value, forcePolling);
    }

    /**
     * @param value whether to poll only
     * @return a copy with it
     */
    public WatchSettings withForcePolling(boolean value) {
        return new WatchSettings(quietPeriod, debounce, pollInterval, value);
    }
}
