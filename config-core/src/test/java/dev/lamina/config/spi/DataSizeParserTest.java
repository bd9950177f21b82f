package dev.lamina.config.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

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

class DataSizeParserTest {

    private static final long KIB = 1024L;
    private static final long MIB = KIB * 1024;
    private static final long GIB = MIB * 1024;
    private static final long TIB = GIB * 1024;
    private static final long PIB = TIB * 1024;
    private static final long EIB = PIB * 1024;

    private static final String BINARY = "every Lamina unit is binary: KB = KiB = kilobyte = 1024 (HOCON: SI, 1000)";
    private static final String NO_LEADING_DOT = "a number starts with a digit (0.001GB); and 0.001GB is not a whole "
            + "number of bytes in binary units anyway";
    private static final String FRACTION = "a fraction is allowed when the result is a whole number of bytes";

    /** Every vector where Lamina deliberately differs from the library; docs/conversion.md explains each line. */
    private static final List<Difference> DIFFERENCES = List.of(
            new Difference("spring_DataSize", "10kb", null, 10 * KIB, "units are case-insensitive"),
            new Difference("spring_DataSize", "1.5GB", null, 3 * GIB / 2, FRACTION),
            new Difference("spring_DataSize", "2GiB", null, 2 * GIB, "IEC suffixes (KiB, MiB, GiB…) are accepted"),
            new Difference("hocon_lightbend_config", "1000kB", 1_000_000L, 1000 * KIB, BINARY),
            new Difference("hocon_lightbend_config", "1000 kilobytes", 1_000_000L, 1000 * KIB, BINARY),
            new Difference("hocon_lightbend_config", "1000 kilobyte", 1_000_000L, 1000 * KIB, BINARY),
            new Difference("hocon_lightbend_config", "1MB", 1_000_000L, MIB, BINARY),
            new Difference("hocon_lightbend_config", "1 megabytes", 1_000_000L, MIB, BINARY),
            new Difference("hocon_lightbend_config", "1 megabyte", 1_000_000L, MIB, BINARY),
            new Difference("hocon_lightbend_config", ".001GB", 1_000_000L, null, NO_LEADING_DOT),
            new Difference("hocon_lightbend_config", ".001 gigabytes", 1_000_000L, null, NO_LEADING_DOT),
            new Difference("hocon_lightbend_config", ".001 gigabyte", 1_000_000L, null, NO_LEADING_DOT),
            new Difference("hocon_lightbend_config", "1TB", 1_000_000_000_000L, TIB, BINARY),
            new Difference("hocon_lightbend_config", "1terabyte", 1_000_000_000_000L, TIB, BINARY),
            new Difference("hocon_lightbend_config", "1terabytes", 1_000_000_000_000L, TIB, BINARY),
            new Difference("hocon_lightbend_config", "1PB", 1_000_000_000_000_000L, PIB, BINARY),
            new Difference("hocon_lightbend_config", "1petabyte", 1_000_000_000_000_000L, PIB, BINARY),
            new Difference("hocon_lightbend_config", "1petabytes", 1_000_000_000_000_000L, PIB, BINARY),
            new Difference("hocon_lightbend_config", "1EB", 1_000_000_000_000_000_000L, EIB, BINARY),
            new Difference("hocon_lightbend_config", "1exabyte", 1_000_000_000_000_000_000L, EIB, BINARY),
            new Difference("hocon_lightbend_config", "1exabytes", 1_000_000_000_000_000_000L, EIB, BINARY),
            new Difference("hocon_lightbend_config", "2GB", 2_000_000_000L, 2 * GIB, BINARY),
            new Difference("quarkus_MemorySize", "2GB", null, 2 * GIB, "two-letter suffixes are accepted"),
            new Difference("quarkus_MemorySize", "-1K", null, -KIB,
                    "a sign is accepted (as in Spring): -1 is a common 'unlimited' marker; a binding may forbid it"),
            new Difference("quarkus_MemorySize", "1.5G", null, 3 * GIB / 2, FRACTION));

    private static final List<Vector> VECTORS = PeerVectors.read("sizes.json", "expected_bytes");

    @TestFactory
    Stream<DynamicTest> answersEveryPeerVectorAsThePeerDoesOrAsTheDifferenceTableSays() {
        Map<String, Difference> differences = PeerVectors.index(DIFFERENCES);
        return VECTORS.stream().map(v -> {
            Difference d = differences.get(v.key());
            Long expected = d == null ? v.theirs() : d.ours();
            String name = v.library() + " [" + v.input() + "]" + (v.defaultUnit() == null ? "" : " unit " + v.defaultUnit())
                    + " -> " + (expected == null ? "rejected" : expected + "B") + (d == null ? "" : " (differs: " + d.why() + ")");
            return dynamicTest(name, () -> {
                long unit = v.defaultUnit() == null ? 1 : unitBytes(v.defaultUnit());
                if (expected == null) {
                    assertThatThrownBy(() -> DataSizeParser.parse(v.input(), unit))
                            .isInstanceOf(IllegalArgumentException.class);
                } else {
                    assertThat(DataSizeParser.parse(v.input(), unit)).isEqualTo(expected);
                }
            });
        });
    }

    private static long unitBytes(String springUnit) {
        return switch (springUnit) {
            case "BYTES" -> 1;
            case "KILOBYTES" -> KIB;
            case "MEGABYTES" -> MIB;
            default -> throw new IllegalArgumentException("no mapping for the vector's unit " + springUnit);
        };
    }

    @Test
    void differenceTableOnlyNamesExistingVectorsWithTheirRecordedAnswer() {
        assertThat(PeerVectors.staleRows(VECTORS, DIFFERENCES)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "512B|512",
            "512|512",
            "64KB|65536",
            "64K|65536",
            "64KiB|65536",
            "64kib|65536",
            "64 kilobytes|65536",
            "2GB|2147483648",
            "1.5GiB|1610612736",
            "0.5KB|512",
            "1.25MB|1310720",
            "-1|-1",
            "+4MB|4194304",
            "7EiB|8070450532247928832",
            "'  8 MiB  '|8388608",
    })
    void parsesSupportedForms(String text, long bytes) {
        assertThat(DataSizeParser.parse(text)).isEqualTo(bytes);
    }

    @Test
    void readsABareNumberInTheUnitTheBindingDeclares() {
        assertThat(DataSizeParser.parse("64", 1024)).isEqualTo(65_536L);
    }

    @Test
    void rejectsAFractionThatIsNotAWholeNumberOfBytes() {
        assertThatThrownBy(() -> DataSizeParser.parse("1.3KB"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a whole number of bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "-", "KB", "30 parsecs", "10WB", "1.KB", "1e3KB", "1,5KB", "64 K B", "64KB64",
            "1 00 bytes", "--1", "64bits", "1Z", "1ZiB", "0x10"})
    void rejectsTextThatIsNotASize(String text) {
        assertThatThrownBy(() -> DataSizeParser.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAnUnknownUnitWithItsPosition() {
        assertThatThrownBy(() -> DataSizeParser.parse("10WB"))
                .hasMessageStartingWith("unknown unit at position 3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"8EiB", "9223372036854775808", "-9223372036854775809", "8192PB", "99999999999999999999TB"})
    void rejectsASizeOutOfRange(String text) {
        assertThatThrownBy(() -> DataSizeParser.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out of range");
    }

    @Test
    void acceptsTheExtremesOfALong() {
        assertThat(DataSizeParser.parse("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(DataSizeParser.parse("-8EiB")).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void rejectsANonPositiveBareNumberUnit() {
        assertThatThrownBy(() -> DataSizeParser.parse("1", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hunter2", "12 secretbytes", "s3cr3t"})
    void neverQuotesTheTextInTheReason(String text) {
        assertThatThrownBy(() -> DataSizeParser.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter").doesNotContain("secret")
                        .doesNotContain("cr3t"));
    }
}
