package dev.lamina.config.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.lamina.config.ConfigDocuments;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigLoader;
import dev.lamina.config.Configuration;
import dev.lamina.config.Format;
import dev.lamina.config.Layer;
import dev.lamina.config.ParseLimits;

class ScalarTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "8080", "-1", "+7", "123456789012345678901234567890"})
    void acceptsIntegers(String text) {
        assertThat(ScalarText.isInteger(text)).isTrue();
        assertThat(ScalarText.isNumber(text)).isTrue();
        assertThat(ScalarText.integer(text)).contains(new BigInteger(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0755", "1_000", "0x1F", "", "-", " 1", "1.0", "1e3", "8080x"})
    void rejectsWhatTheGettersDoNotReadAsIntegers(String text) {
        assertThat(ScalarText.isInteger(text)).isFalse();
        assertThat(ScalarText.integer(text)).isEmpty();
    }

    @Test
    void readsNumbersExactlyWithTheirWrittenScale() {
        assertThat(ScalarText.number("1.10")).contains(new BigDecimal("1.10"));
        assertThat(ScalarText.number("-2.5E-3")).contains(new BigDecimal("-2.5E-3"));
        assertThat(ScalarText.number(".5")).isEmpty();
        assertThat(ScalarText.number("1.")).isEmpty();
        assertThat(ScalarText.number("NaN")).isEmpty();
    }

    @Test
    void readsOnlyTrueAndFalseAsBooleans() {
        assertThat(ScalarText.bool("TRUE")).contains(true);
        assertThat(ScalarText.bool("false")).contains(false);
        assertThat(ScalarText.bool("yes")).isEmpty();
        assertThat(ScalarText.bool("1")).isEmpty();
        assertThatThrownBy(() -> ScalarText.isBoolean(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void agreesWithTheGettersOnQuotedText() {
        ConfigObject root = ConfigDocuments.parse("t.yaml", Format.YAML, "a: '8080'\nb: '0755'\n", ParseLimits.DEFAULTS);
        Configuration config = new ConfigLoader().fromLayers(List.of(new Layer("t.yaml", root)));
        assertThat(ScalarText.isInteger(config.getString("a"))).isTrue();
        assertThat(config.getInt("a")).isEqualTo(8080);
        assertThat(ScalarText.isInteger(config.getString("b"))).isFalse();
        assertThatThrownBy(() -> config.getInt("b")).isInstanceOf(RuntimeException.class);
    }
}
