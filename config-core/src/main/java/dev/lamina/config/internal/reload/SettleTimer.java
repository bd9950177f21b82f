package dev.lamina.config.internal.reload;

import java.time.Duration;
import java.util.Objects;

/**
 * The timing rules of one watched directory, kept apart from the file system so that they can be tested
 * with a fake clock. All times are {@link System#nanoTime()} values (compared by difference, so overflow is
 * harmless).
 *
 * <p>The rules: after a file-system event, the directory is looked at (fingerprinted) once no further event
 * has arrived for the debounce. It counts as settled when a look finds the fingerprint unchanged and both
 * the last event and the last look that found a change lie a whole quiet period back. The quiet period is
 * therefore counted once, from the moment the change was seen, which makes the latency from a single write
 * to the report debounce + quiet period; an event does not itself delay the first look by a quiet period,
 * as that look would then find the write and start the quiet period a second time.
 *
 * <p>Not thread-safe: owned by the watcher thread.
 */
final class SettleTimer {

    private final long debounce;
    private final long quietPeriod;
    private long lastEvent;
    private long lastChange; // the last look (or poll) that found the fingerprint changed
    private boolean eventsSinceLook;

    /**
     * @param debounce    how long to wait after the last event before looking
     * @param quietPeriod how long nothing may change before the directory counts as settled
     * @param now         the start: counts as the last event and the last change
     */
    SettleTimer(Duration debounce, Duration quietPeriod, long now) {
        this.debounce = Objects.requireNonNull(debounce, "debounce").toNanos();
        this.quietPeriod = Objects.requireNonNull(quietPeriod, "quietPeriod").toNanos();
        this.lastEvent = now;
        this.lastChange = now;
    }

    /** A file-system event for the directory arrived at {@code now}. */
    void event(long now) {
        lastEvent = now;
        eventsSinceLook = true;
    }

    /** Polling (not a look of this timer's) found the fingerprint changed at {@code now}. */
    void changed(long now) {
        lastChange = now;
    }

    /**
     * @param now the current time
     * @return whether the debounce since the last event is over, so looking now is allowed
     */
    boolean mayLook(long now) {
        return now - (lastEvent + debounce) >= 0;
    }

    /**
     * Records a look at the directory.
     *
     * @param now                the time of the look
     * @param fingerprintChanged whether the fingerprint differs from the one the previous look saw
     * @return {@code true} when the directory is settled: this look found nothing changed, no event arrived
     *         and no change was seen for the whole quiet period
     */
    boolean look(long now, boolean fingerprintChanged) {
        eventsSinceLook = false;
        if (fingerprintChanged) {
            // Still being written (or just written): the quiet period starts again. Even with a zero quiet
            // period a changed look never settles; the next look must confirm it.
            lastChange = now;
            return false;
        }
        return now - quietEnd() >= 0;
    }

    /**
     * @return when the directory should next be looked at: the end of the debounce while an event has not
     *         been looked at yet, else the end of the quiet period (never before the debounce)
     */
    long nextLook() {
        long afterDebounce = lastEvent + debounce;
        if (eventsSinceLook) {
            return afterDebounce;
        }
        long quietEnd = quietEnd();
        return quietEnd - afterDebounce > 0 ? quietEnd : afterDebounce;
    }

    private long quietEnd() {
        long since = lastEvent - lastChange > 0 ? lastEvent : lastChange;
        return since + quietPeriod;
    }
}
