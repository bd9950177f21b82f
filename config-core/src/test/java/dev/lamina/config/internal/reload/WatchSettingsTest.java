package dev.lamina.config.internal.reload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class WatchSettingsTest {

    @Test
    void defaultsAreTheDocumentedValues() {
        assertThat(WatchSettings.DEFAULTS).isEqualTo(new WatchSettings(Duration.ofMillis(200),
                Duration.ofMillis(50), Duration.ofSeconds(1), false));
    }

    @Test
    void rejectsANegativeQuietPeriod() {
        assertThatThrownBy(() -> WatchSettings.DEFAULTS.withQuietPeriod(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quietPeriod");
    }

    @Test
    void rejectsANegativeDebounce() {
        assertThatThrownBy(() -> WatchSettings.DEFAULTS.withDebounce(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("debounce");
    }

    @Test
    void rejectsAZeroPollInterval() {
        assertThatThrownBy(() -> WatchSettings.DEFAULTS.withPollInterval(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pollInterval");
    }

    @Test
    void rejectsAMissingDuration() {
        assertThatThrownBy(() -> new WatchSettings(null, Duration.ZERO, Duration.ofSeconds(1), false))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("quietPeriod");
    }
}
