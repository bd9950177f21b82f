package dev.lamina.config.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.lamina.config.spi.PeerVectors.Difference;
import dev.lamina.config.spi.PeerVectors.Vector;

class DurationParserTest {

    private static final long S = 1_000_000_000L;
    private static final String BARE_SECONDS = "a bare number is seconds in Lamina (as in Quarkus), not milliseconds";
    private static final String NO_SUB_NANO = "Lamina is exact: a value finer than 1ns is rejected, never rounded";
    private static final String NO_EXPONENT = "Lamina numbers have no exponent (write 1s, not 1.15e-05d)";

    /** Every vector where Lamina deliberately differs from the library; docs/conversion.md explains each line. */
    private static final List<Difference> DIFFERENCES = List.of(
            new Difference("spring_boot_DurationStyle", "10", 10_000_000L, 10 * S, BARE_SECONDS),
            new Difference("spring_boot_DurationStyle", "+10", 10_000_000L, 10 * S, BARE_SECONDS),
            new Difference("spring_boot_DurationStyle", "-10", -10_000_000L, -10 * S, BARE_SECONDS),
            new Difference("spring_boot_DurationStyle", "1.5s", null, 1_500_000_000L,
                    "decimals are allowed when the result is a whole number of nanoseconds"),
            new Difference("spring_boot_DurationStyle", "1 s", null, S,
                    "spaces between a number and its unit are allowed (as in HOCON)"),
            new Difference("spring_boot_DurationStyle", "1h30m", null, 5400 * S,
                    "combined groups, largest unit first, are allowed (as in Go and newer Quarkus)"),
            new Difference("hocon_lightbend_config", "1000", S, 1000 * S, BARE_SECONDS),
            new Difference("hocon_lightbend_config", "0.01666666666666666666666m", S, null, NO_SUB_NANO),
            new Difference("hocon_lightbend_config", "0.01666666666666666666666 minutes", S, null, NO_SUB_NANO),
            new Difference("hocon_lightbend_config", "0.01666666666666666666666 minute", S, null, NO_SUB_NANO),
            new Difference("hocon_lightbend_config", "0.00027777777777777777777h", S, null, NO_SUB_NANO),
            new Difference("hocon_lightbend_config", "0.00027777777777777777777 hours", S, null, NO_SUB_NANO),
            new Difference("hocon_lightbend_config", "0.00027777777777777777777hour", S, null, NO_SUB_NANO),
            new Difference("hocon_lightbend_config", "1.1574074074074073e-05d", S, null, NO_EXPONENT),
            new Difference("hocon_lightbend_config", "1.1574074074074073e-05  days", S, null, NO_EXPONENT),
            new Difference("hocon_lightbend_config", "1.1574074074074073e-05day", S, null, NO_EXPONENT),
            new Difference("hocon_lightbend_config", "10S", null, 10 * S,
                    "units are case-insensitive (as in Spring and java.time ISO-8601); no unit differs only by case"),
            new Difference("quarkus_DurationConverter", "10us", null, 10_000L,
                    "us and ns are units in Lamina (as in Spring and HOCON)"));

    private static final List<Vector> VECTORS = PeerVectors.read("durations.json", "expected_nanos");

    @TestFactory
    Stream<DynamicTest> answersEveryPeerVectorAsThePeerDoesOrAsTheDifferenceTableSays() {
        Map<String, Difference> differences = PeerVectors.index(DIFFERENCES);
        return VECTORS.stream().map(v -> {
            Difference d = differences.get(v.key());
            Long expected = d == null ? v.theirs() : d.ours();
            String name = v.library() + " [" + v.input() + "]" + (v.defaultUnit() == null ? "" : " unit " + v.defaultUnit())
                    + " -> " + (expected == null ? "rejected" : expected + "ns") + (d == null ? "" : " (differs: " + d.why() + ")");
            return dynamicTest(name, () -> {
                ChronoUnit unit = v.defaultUnit() == null ? ChronoUnit.SECONDS : ChronoUnit.valueOf(v.defaultUnit());
                if (expected == null) {
                    assertThatThrownBy(() -> DurationParser.parse(v.input(), unit))
                            .isInstanceOf(IllegalArgumentException.class);
                } else {
                    assertThat(DurationParser.parse(v.input(), unit)).isEqualTo(Duration.ofNanos(expected));
                }
            });
        });
    }

    @Test
    void differenceTableOnlyNamesExistingVectorsWithTheirRecordedAnswer() {
        assertThat(PeerVectors.staleRows(VECTORS, DIFFERENCES)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "250ms|250000000",
            "30s|30000000000",
            "1h30m|5400000000000",
            "1h30m15s|5415000000000",
            "1h 30m 15s|5415000000000",
            "2d|172800000000000",
            "10ns|10",
            "10us|10000",
            "10µs|10000",
            "1.5s|1500000000",
            "0.5ms|500000",
            "-1.5h|-5400000000000",
            "+2 minutes|120000000000",
            "1 day 2 hours|93600000000000",
            "30|30000000000",
            "2.5|2500000000",
            "PT15S|15000000000",
            "pt0.5s|500000000",
            "P2D|172800000000000",
            "-PT6H3M|-21780000000000",
            "'  45s  '|45000000000",
    })
    void parsesSupportedForms(String text, long nanos) {
        assertThat(DurationParser.parse(text)).isEqualTo(Duration.ofNanos(nanos));
    }

    @Test
    void readsABareNumberInTheUnitTheBindingDeclares() {
        assertThat(DurationParser.parse("250", ChronoUnit.MILLIS)).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void keepsExplicitUnitsWhenTheBindingDeclaresABareNumberUnit() {
        assertThat(DurationParser.parse("2s", ChronoUnit.MILLIS)).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void rejectsABareNumberUnitLongerThanADay() {
        assertThatThrownBy(() -> DurationParser.parse("1", ChronoUnit.MONTHS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("days or shorter");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "+", "-", "s", "ms10", "30 parsecs", "10mb", "1.s", ".5s", "1e3s", "1,5s",
            "1h-30m", "1h+30m", "1 00 seconds", "30s 10", "P", "PT", "P1Y", "PTxS", "1h1h", "30m1h", "1s1ms1s",
            "10 s s", "--10s", "1_000s", "ten seconds", "0x10s"})
    void rejectsTextThatIsNotADuration(String text) {
        assertThatThrownBy(() -> DurationParser.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsARepeatedUnitNamingTheRule() {
        assertThatThrownBy(() -> DurationParser.parse("1h1h"))
                .hasMessageContaining("each unit may appear once, largest first");
    }

    @Test
    void rejectsAnUnknownUnitWithItsPositionAndTheKnownUnits() {
        assertThatThrownBy(() -> DurationParser.parse("30 parsecs"))
                .hasMessage("unknown unit at position 4 (use ns, us, ms, s, m, h or d)");
    }

    @Test
    void rejectsAFractionOfANanosecond() {
        assertThatThrownBy(() -> DurationParser.parse("1.5ns"))
                .hasMessageContaining("finer than one nanosecond");
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775808s", "-9223372036854775809s", "106751991167301d",
            "99999999999999999999999999h", "PT9223372036854775807H"})
    void rejectsADurationOutOfRange(String text) {
        assertThatThrownBy(() -> DurationParser.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out of range");
    }

    @Test
    void acceptsTheLargestRepresentableDuration() {
        assertThat(DurationParser.parse("9223372036854775807.999999999s"))
                .isEqualTo(Duration.ofSeconds(Long.MAX_VALUE, 999_999_999));
    }

    @Test
    void rejectsOverlongTextBeforeParsingIt() {
        assertThatThrownBy(() -> DurationParser.parse("1".repeat(101) + "s"))
                .hasMessageContaining("at most 100 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"hunter2-secret", "PTsecret", "s3cr3t-value", "42 hunter"})
    void neverQuotesTheTextInTheReason(String text) {
        assertThatThrownBy(() -> DurationParser.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(text.strip())
                        .doesNotContain("hunter").doesNotContain("secret").doesNotContain("cr3t"));
    }
}
