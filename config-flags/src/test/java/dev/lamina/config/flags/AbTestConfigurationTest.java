package dev.lamina.config.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The values a runtime A/B test is built from: ordered splits, checked at construction. */
class AbTestConfigurationTest {

    private static final Instant START = Instant.parse("2026-11-21T00:00:00Z");
    private static final Instant END = Instant.parse("2026-12-05T00:00:00Z");

    @Test
    void splitKeepsTheOrderGiven() {
        TrafficSplit s = TrafficSplit.of("variant_b", 20.0, "control", 50.0, "variant_a", 30.0);
        assertThat(s.variants()).containsExactly("variant_b", "control", "variant_a");
        assertThat(s.asMap().keySet()).containsExactly("variant_b", "control", "variant_a");
        assertThat(TrafficSplit.builder().variant("z", 1).variant("a", 99).build().variants()).containsExactly("z", "a");
    }

    @Test
    void splitMustSumTo100ExactlyAsWritten() {
        assertThatThrownBy(() -> TrafficSplit.of("a", 50, "b", 40))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sum to 100, found 90");
        assertThat(TrafficSplit.of("a", 33.333, "b", 33.333, "c", 33.334).allocations()).hasSize(3);
    }

    @Test
    void splitRejectsRepeatedNamesBlankNamesAndPercentagesOutOfRange() {
        assertThatThrownBy(() -> TrafficSplit.of("a", 50, "a", 50)).hasMessageContaining("'a' appears twice");
        assertThatThrownBy(() -> TrafficSplit.of(" ", 100)).hasMessageContaining("blank");
        assertThatThrownBy(() -> TrafficSplit.of("a", 120, "b", -20)).hasMessageContaining("between 0 and 100");
        assertThatThrownBy(() -> TrafficSplit.builder().build()).hasMessageContaining("at least one");
    }

    @Test
    void configurationForAVariantOutsideTheSplitIsRefused() {
        assertThatThrownBy(() -> new AbTestConfiguration("e", "", START, END, TrafficSplit.of("a", 100),
                Map.of("b", Map.of("x", 1)), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown variant 'b'");
    }

    @Test
    void windowMustEndAfterItStarts() {
        assertThatThrownBy(() -> new AbTestConfiguration("e", "", END, START, TrafficSplit.of("a", 100), Map.of(),
                List.of())).hasMessageContaining("end must be after start");
    }

    @Test
    void nameMustBeASingleKey() {
        assertThatThrownBy(() -> new AbTestConfiguration("a.b", "", START, END, TrafficSplit.of("a", 100), Map.of(),
                List.of())).hasMessageContaining("'a.b'");
    }

    @Test
    void exclusionRangeMustBeANonEmptyRangeWithin0To100() {
        AbTestConfiguration t = new AbTestConfiguration("e", "", START, END, TrafficSplit.of("a", 100), Map.of(),
                List.of());
        assertThatThrownBy(() -> t.withExclusion("g", 50, 50)).hasMessageContaining("0 <= start < end <= 100");
        assertThat(t.withExclusion("g", 0, 30).exclusion()).hasValueSatisfying(x -> assertThat(x.group()).isEqualTo("g"));
    }

    @Test
    void nativeFormKeepsTheSplitOrderAndWritesTheWindow() {
        Map<String, Object> n = new AbTestConfiguration("e", "d", START, END, TrafficSplit.of("b", 60, "a", 40),
                Map.of("a", Map.of("x", 1)), List.of("ctr")).withExclusion("g", 0, 30).toNative();
        assertThat(n).containsEntry("start_date", "2026-11-21T00:00:00Z").containsEntry("exclusion_group", "g");
        @SuppressWarnings("unchecked")
        Map<String, Object> split = (Map<String, Object>) n.get("traffic_split");
        assertThat(split.keySet()).containsExactly("b", "a");
    }
}
