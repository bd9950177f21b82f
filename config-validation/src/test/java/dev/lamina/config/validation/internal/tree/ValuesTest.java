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
        assertThat(Values.bytes(s("2GB")).getAsDouble()).isEqualTo(2.0 * 1024 * 1024 * 1024);
        assertThat(Values.bytes(s("512KiB")).getAsDouble()).isEqualTo(512.0 * 1024);
        assertThat(Values.bytes(s("lots"))).isEmpty();
    }

    @Test
    void readsNumbersFromStringsOnlyWhenWholeTextIsANumber() {
        assertThat(Values.number(s("8080")).getAsDouble()).isEqualTo(8080.0);
        assertThat(Values.number(s("8080x"))).isEmpty();
        assertThat(Values.leadingNumber(s("320kbps")).getAsDouble()).isEqualTo(320.0);
    }
}
