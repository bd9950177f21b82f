package dev.lamina.config.validation.internal.tree;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Origin;
import dev.lamina.config.ScalarType;

class ValuesTest {

    private static ConfigScalar s(String text) {
        return ConfigScalar.string(text, Origin.UNKNOWN);
    }

    @Test
    void readsBareNumbersInTheUnitOfTheKeySuffix() {
        assertThat(Values.duration("expire_minutes", new ConfigScalar("30", ScalarType.NUMBER, Origin.UNKNOWN)))
                .contains(Duration.ofMinutes(30));
        assertThat(Values.duration("timeout_ms", s("250"))).contains(Duration.ofMillis(250));
        assertThat(Values.duration("timeout", s("15"))).contains(Duration.ofSeconds(15));
    }

    @Test
    void readsDurationTextAndIso() {
        assertThat(Values.duration("ttl", s("1h30m"))).contains(Duration.ofMinutes(90));
        assertThat(Values.duration("ttl", s("PT15S"))).contains(Duration.ofSeconds(15));
        assertThat(Values.duration("ttl", s("soon"))).isEmpty();
        assertThat(Values.duration("ttl", s("5 parsecs"))).isEmpty();
    }

    @Test
    void readsBinarySizes() {
        assertThat(Values.bytes(s("2GB")).getAsLong()).isEqualTo(2L * 1024 * 1024 * 1024);
        assertThat(Values.bytes(s("512KiB")).getAsLong()).isEqualTo(512L * 1024);
        assertThat(Values.bytes(s("4096")).getAsLong()).isEqualTo(4096L);
        assertThat(Values.bytes(s("lots"))).isEmpty();
    }

    @Test
    void readsDurationsAndSizesWithCoresGrammar() {
        // Core's parser: long unit names and nanoseconds are durations; units must go largest first; a size must
        // be a whole number of bytes. The same text reads the same in a rule and through Configuration.getDuration.
        assertThat(Values.duration("ttl", s(" 2 days "))).contains(Duration.ofDays(2));
        assertThat(Values.duration("ttl", s("500ns"))).contains(Duration.ofNanos(500));
        assertThat(Values.duration("ttl", s("30m1h"))).isEmpty();
        assertThat(Values.duration("ttl", new ConfigScalar("true", ScalarType.BOOLEAN, Origin.UNKNOWN))).isEmpty();
        assertThat(Values.bytes(s("1.3KB"))).isEmpty();
        assertThat(Values.bytes(s("1.5KiB")).getAsLong()).isEqualTo(1536L);
    }

    @Test
    void readsNumbersAndBooleansWithCoresGrammar() {
        assertThat(Values.number(s(" 1e3 ")).getAsDouble()).isEqualTo(1000.0);
        assertThat(Values.number(s("0755"))).isEmpty();
        assertThat(Values.number(s(".5"))).isEmpty();
        assertThat(Values.bool(s(" TRUE "))).contains(Boolean.TRUE);
        assertThat(Values.bool(s("yes"))).isEmpty();
    }

    @Test
    void readsNumbersFromStringsOnlyWhenWholeTextIsANumber() {
        assertThat(Values.number(s("8080")).getAsDouble()).isEqualTo(8080.0);
        assertThat(Values.number(s("8080x"))).isEmpty();
        assertThat(Values.leadingNumber(s("320kbps")).getAsDouble()).isEqualTo(320.0);
    }
}
