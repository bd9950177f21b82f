package dev.lamina.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DataSizeTest {

    @Test
    void parsesBinaryUnits() {
        assertThat(DataSize.parse("64KB")).isEqualTo(DataSize.ofBytes(65_536));
    }

    @Test
    void rejectsTextThatIsNotASize() {
        assertThatThrownBy(() -> DataSize.parse("30 parsecs"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown unit");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0|0B",
            "1000|1000B",
            "1023|1023B",
            "1024|1KiB",
            "1536|1.5KiB",
            "1280|1.25KiB",
            "1100|1100B",
            "2147483648|2GiB",
            "1610612736|1.5GiB",
            "-1|-1B",
            "-1048576|-1MiB",
            "9223372036854775807|9223372036854775807B",
            "-9223372036854775808|-8EiB",
    })
    void printsTheLargestUnitWithAtMostTwoDecimals(long bytes, String text) {
        assertThat(DataSize.ofBytes(bytes)).hasToString(text);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 1000, 1024, 1536, 1280, 65_536, 3L << 40, -7, Long.MAX_VALUE, Long.MIN_VALUE})
    void readsItsOwnTextBack(long bytes) {
        DataSize size = DataSize.ofBytes(bytes);
        assertThat(DataSize.parse(size.toString())).isEqualTo(size);
    }
}
