package dev.lamina.config.internal.parse;

import static dev.lamina.config.internal.parse.ParseFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigParseException;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Format;
import dev.lamina.config.Origin;
import dev.lamina.config.ScalarType;

class TomlParsingTest {

    private static ConfigObject toml(String text) {
        return ParseFixtures.parse("app.toml", Format.TOML, text);
    }

    @Test
    void givesEveryKeyItsLineAndColumn() {
        ConfigObject root = toml("title = \"x\"\n\n[server]\n  port = 8080\n\n[[brokers]]\nhost = \"a\"\n[[brokers]]\nhost = \"b\"\n");
        assertThat(at(root, "server").origin()).isEqualTo(Origin.of("app.toml", 3, 1));
        assertThat(at(root, "server.port").origin()).isEqualTo(Origin.of("app.toml", 4, 3));
        assertThat(at(root, "brokers[1].host").origin()).isEqualTo(Origin.of("app.toml", 9, 1));
    }

    @Test
    void originsReachDottedKeysInlineTablesAndArrayItems() {
        ConfigObject root = toml("a.b = 1\npool = { size = 4 }\nports = [\n  80,\n  443,\n]\n");
        assertThat(at(root, "a.b").origin()).isEqualTo(Origin.of("app.toml", 1, 1));
        assertThat(at(root, "pool.size").origin()).isEqualTo(Origin.of("app.toml", 2, 10));
        assertThat(at(root, "ports[1]").origin()).isEqualTo(Origin.of("app.toml", 5, 3));
    }

    @Test
    void keepsFloatTextAndNormalisesIntegersToDecimal() {
        ConfigObject root = toml("a = 1.10\nb = 0xFF\nc = 1_000\nd = 1e3\n");
        assertThat(((ConfigScalar) at(root, "a")).text()).isEqualTo("1.10");
        assertThat(at(root, "b")).isEqualTo(new ConfigScalar("255", ScalarType.NUMBER, Origin.of("app.toml", 2, 1)));
        assertThat(((ConfigScalar) at(root, "c")).text()).isEqualTo("1000");
        assertThat(((ConfigScalar) at(root, "d")).text()).isEqualTo("1e3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775807", "-9223372036854775808", "1234567890123456789", "1000000000000000000"})
    void readsNineteenDigitIntegersExactly(String written) {
        // Jackson 2.22 alone returns 6854775807, 123456789 and 0 for some of these.
        assertThat(((ConfigScalar) at(toml("n = " + written + "\n"), "n")).text()).isEqualTo(written);
    }

    @Test
    void hugeFiniteFloatsStayNumbers() {
        assertThat(at(toml("f = 1e400\n"), "f")).isEqualTo(new ConfigScalar("1e400", ScalarType.NUMBER,
                Origin.of("app.toml", 1, 1)));
    }

    @Test
    void datesAreStringsWithRfc3339Text() {
        ConfigObject root = toml("a = 1979-05-27 07:32:00Z\nb = 1979-05-27\nc = 07:32:00\n");
        assertThat(at(root, "a")).isEqualTo(ConfigScalar.string("1979-05-27T07:32:00Z", Origin.of("app.toml", 1, 1)));
        assertThat(((ConfigScalar) at(root, "b")).text()).isEqualTo("1979-05-27");
        assertThat(((ConfigScalar) at(root, "c")).text()).isEqualTo("07:32:00");
    }

    @Test
    void nonFiniteFloatsAreStrings() {
        assertThat(at(toml("a = -inf\n"), "a")).isEqualTo(ConfigScalar.string("-inf", Origin.of("app.toml", 1, 1)));
    }

    @Test
    void rejectsIntegersOutside64Bits() {
        assertThatThrownBy(() -> toml("[limits]\nbig = 12345678901234567890\n"))
                .isInstanceOf(ConfigParseException.class)
                .hasMessage("app.toml:2:1 limits.big: integer outside the 64-bit range TOML allows; quote it if it is "
                        + "an identifier");
    }

    @Test
    void rejectsRedefinedTables() {
        assertThatThrownBy(() -> toml("[a]\nx = 1\n[a]\ny = 2\n"))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageStartingWith("app.toml:3:")
                .hasMessageContaining("table defined more than once");
    }

    @Test
    void rejectsDuplicateKeys() {
        assertThatThrownBy(() -> toml("a = 1\na = 2\n"))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageStartingWith("app.toml:")
                .hasMessageContaining("duplicate key");
    }

    @Test
    void rejectsInvalidDatesWithLocation() {
        assertThatThrownBy(() -> toml("x = 1\nd = 2100-02-29\n"))
                .isInstanceOf(ConfigParseException.class)
                .hasMessage("app.toml:2:1 d: invalid date or time (check the day of month, hour, minute, second and offset)");
    }

    @Test
    void syntaxErrorsNeverQuoteInput() {
        assertThatThrownBy(() -> toml("password = hunter2\n"))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageStartingWith("app.toml:1:")
                .hasMessageNotContaining("hunter2");
    }
}
