package dev.lamina.config.internal.reload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The watcher's timing rules on a fake clock (milliseconds turned into nanoseconds): no sleeping, no flakiness. */
class SettleTimerTest {

    private static final Duration DEBOUNCE = Duration.ofMillis(50);
    private static final Duration QUIET = Duration.ofMillis(200);
    /** An arbitrary start far from zero, so nothing relies on the clock starting at 0. */
    private static final long T0 = 1_000_000_000_000L;

    private static long ms(long millis) {
        return T0 + Duration.ofMillis(millis).toNanos();
    }

    private static SettleTimer timerStartedLongAgo() {
        return new SettleTimer(DEBOUNCE, QUIET, ms(-10_000));
    }

    @Test
    void firstLookAfterAnEventWaitsForTheDebounceNotTheQuietPeriod() {
        SettleTimer t = timerStartedLongAgo();

        t.event(ms(0));

        assertThat(t.nextLook()).isEqualTo(ms(50));
        assertThat(t.mayLook(ms(49))).isFalse();
        assertThat(t.mayLook(ms(50))).isTrue();
    }

    @Test
    void singleWriteIsSettledDebouncePlusQuietPeriodAfterItsEvent() {
        SettleTimer t = timerStartedLongAgo();
        t.event(ms(0));

        assertThat(t.look(ms(50), true)).isFalse(); // the look that sees the write
        assertThat(t.nextLook()).isEqualTo(ms(250));
        assertThat(t.look(ms(249), false)).isFalse();
        assertThat(t.look(ms(250), false)).isTrue();
    }

    @Test
    void burstOfEventsCostsOneLookAfterTheLastEvent() {
        SettleTimer t = timerStartedLongAgo();

        for (int i = 0; i <= 40; i += 10) {
            t.event(ms(i));
            assertThat(t.mayLook(ms(i + 49))).isFalse();
        }

        assertThat(t.nextLook()).isEqualTo(ms(90));
    }

    @Test
    void eventDuringTheQuietPeriodStartsItAgainFromTheEvent() {
        SettleTimer t = timerStartedLongAgo();
        t.event(ms(0));
        t.look(ms(50), true);

        t.event(ms(240)); // e.g. an identical rewrite: the fingerprint stays the same

        assertThat(t.nextLook()).isEqualTo(ms(290));
        assertThat(t.look(ms(290), false)).isFalse();
        assertThat(t.nextLook()).isEqualTo(ms(440));
        assertThat(t.look(ms(439), false)).isFalse();
        assertThat(t.look(ms(440), false)).isTrue();
    }

    @Test
    void changeSeenByALookStartsTheQuietPeriodAgainFromThatLook() {
        SettleTimer t = timerStartedLongAgo();
        t.event(ms(0));
        t.look(ms(50), true);

        assertThat(t.look(ms(150), true)).isFalse(); // written again without an event (missed or coalesced)

        assertThat(t.nextLook()).isEqualTo(ms(350));
        assertThat(t.look(ms(349), false)).isFalse();
        assertThat(t.look(ms(350), false)).isTrue();
    }

    @Test
    void lookThatFindsAChangeNeverSettlesEvenWithAZeroQuietPeriod() {
        SettleTimer t = new SettleTimer(Duration.ZERO, Duration.ZERO, ms(0));
        t.event(ms(10));

        assertThat(t.look(ms(10), true)).isFalse();
        assertThat(t.look(ms(10), false)).isTrue();
    }

    @Test
    void eventWithoutAFingerprintChangeStillWaitsAWholeQuietPeriod() {
        SettleTimer t = timerStartedLongAgo();
        t.event(ms(0));

        assertThat(t.look(ms(50), false)).isFalse();
        assertThat(t.nextLook()).isEqualTo(ms(200));
        assertThat(t.look(ms(200), false)).isTrue();
    }

    @Test
    void changeFoundByPollingWaitsAWholeQuietPeriodWithoutADebounce() {
        SettleTimer t = timerStartedLongAgo();

        t.changed(ms(1000));

        assertThat(t.mayLook(ms(1000))).isTrue();
        assertThat(t.look(ms(1000), false)).isFalse();
        assertThat(t.nextLook()).isEqualTo(ms(1200));
        assertThat(t.look(ms(1200), false)).isTrue();
    }

    @Test
    void nothingSettlesWithinAQuietPeriodOfTheStart() {
        SettleTimer t = new SettleTimer(DEBOUNCE, QUIET, ms(0));

        assertThat(t.look(ms(199), false)).isFalse();
        assertThat(t.look(ms(200), false)).isTrue();
    }

    @Test
    void worksAcrossTheOverflowOfTheNanosecondClock() {
        long nearMax = Long.MAX_VALUE - Duration.ofMillis(100).toNanos();
        SettleTimer t = new SettleTimer(DEBOUNCE, QUIET, nearMax - Duration.ofSeconds(10).toNanos());
        t.event(nearMax);
        long look = nearMax + DEBOUNCE.toNanos(); // wraps past Long.MAX_VALUE

        assertThat(t.mayLook(look)).isTrue();
        assertThat(t.look(look, true)).isFalse();
        assertThat(t.nextLook()).isEqualTo(look + QUIET.toNanos());
        assertThat(t.look(look + QUIET.toNanos(), false)).isTrue();
    }

    @Test
    void rejectsMissingDurations() {
        assertThatThrownBy(() -> new SettleTimer(null, QUIET, 0)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("debounce");
        assertThatThrownBy(() -> new SettleTimer(DEBOUNCE, null, 0)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("quietPeriod");
    }
}
