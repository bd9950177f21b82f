package dev.lamina.config.internal.bind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.ConfigTypeException;
import dev.lamina.config.Origin;
import dev.lamina.config.spi.Suggestions;

class ConversionsTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "+7", "2147483647", "-2147483648"})
    void acceptsIntLiterals(String text) {
        assertThat(ScalarSyntax.isIntText(text)).isTrue();
        assertThat(ScalarSyntax.parseIntOrSentinel(text)).isEqualTo(Long.parseLong(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "+", "2147483648", "-2147483649", "007", "1e3", "1.0", " 1", "1_000", "0x1F", "٣"})
    void rejectsNonIntLiterals(String text) {
        assertThat(ScalarSyntax.isIntText(text)).isFalse();
        assertThat(ScalarSyntax.parseIntOrSentinel(text)).isEqualTo(ScalarSyntax.NOT_AN_INT);
    }

    @ParameterizedTest
    @CsvSource({"9223372036854775807,true", "-9223372036854775808,true", "9223372036854775808,false",
            "-9223372036854775809,false", "+9223372036854775807,true", "99999999999999999999,false",
            "999999999999999999,true"})
    void longRangeIsCheckedExactlyAtTheBoundary(String text, boolean fits) {
        assertThat(ScalarSyntax.isLongText(text)).isEqualTo(fits);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1.5", "1e-3", "1E+30", "+2.50", "0.0"})
    void acceptsJsonNumbers(String text) {
        assertThat(ScalarSyntax.isDecimalText(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".5", "5.", "1e", "01.5", "NaN", "Infinity", "1.5f", "- 1"})
    void rejectsNonNumbers(String text) {
        assertThat(ScalarSyntax.isDecimalText(text)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"FAST_START,fast-start,true", "FAST_START,Fast_Start,true", "FAST_START,faststart,false",
            "SAFE,safe,true", "SAFE,sAfE,true", "SAFE,saf,false"})
    void enumNamesMatchIgnoringCaseAndDashes(String constant, String text, boolean same) {
        assertThat(ScalarSyntax.sameConstantName(constant, text)).isEqualTo(same);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "no", "on", "off", "1", "0", "t"})
    void onlyTrueAndFalseAreBooleans(String text) {
        ConfigScalar s = ConfigScalar.string(text, Origin.of("a.yaml", 3, 5));
        assertThatThrownBy(() -> Conversions.toBoolean(s, ConfigPath.parse("x.enabled"), false))
                .isInstanceOf(ConfigTypeException.class)
                .hasMessageContaining("a.yaml:3:5 x.enabled: expected a boolean");
    }

    @ParameterizedTest
    @ValueSource(strings = {"TRUE", "True", "false", "FaLsE"})
    void trueAndFalseInAnyCaseAreBooleans(String text) {
        ConfigScalar s = ConfigScalar.string(text, Origin.UNKNOWN);
        assertThat(Conversions.toBoolean(s, ConfigPath.root(), false)).isEqualTo(text.equalsIgnoreCase("true"));
    }

    @ParameterizedTest
    @CsvSource({"port,prot,port", "host,hots,host", "timeout,timout,timeout"})
    void suggestsTheNearestName(String expected, String typo, String ignored) {
        assertThat(Suggestions.closest(typo, java.util.List.of("port", "host", "timeout", "brokers"))).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zzzz", "database"})
    void suggestsNothingWhenNothingIsClose(String typo) {
        assertThat(Suggestions.closest(typo, java.util.List.of("port", "host"))).isEmpty();
    }
}
