package dev.lamina.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OriginAndExceptionTest {

    @Test
    void describesOnlyTheKnownParts() {
        assertThat(Origin.of("base.yaml", 12, 5).describe()).isEqualTo("base.yaml:12:5");
        assertThat(Origin.of("base.yaml", 12, -1).describe()).isEqualTo("base.yaml:12");
        assertThat(Origin.of("env:LAMINA_PORT").describe()).isEqualTo("env:LAMINA_PORT");
    }

    @Test
    void rejectsZeroAndBlankComponents() {
        assertThatThrownBy(() -> Origin.of("a", 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Origin.of(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void exceptionMessageStartsWithLocationThenPath() {
        ConfigException e = new ConfigTypeException(Origin.of("staging.yaml", 12, 5), ConfigPath.parse("server.port"),
                "expected an integer, found a string");
        assertThat(e).hasMessage("staging.yaml:12:5 server.port: expected an integer, found a string");
        assertThat(e.reason()).isEqualTo("expected an integer, found a string");
        assertThat(e.origin()).contains(Origin.of("staging.yaml", 12, 5));
        assertThat(e.path()).contains(ConfigPath.parse("server.port"));
    }

    @Test
    void exceptionMessageLeavesOutUnknownParts() {
        assertThat(new ConfigMissingException(null, ConfigPath.parse("a.b"), "not set")).hasMessage("a.b: not set");
        assertThat(new ConfigParseException(Origin.of("x.json", 1, 2), null, "bad")).hasMessage("x.json:1:2: bad");
        assertThat(new ConfigException(null, null, "plain")).hasMessage("plain");
        assertThat(new ConfigLimitException(null, null, "too deep")).isInstanceOf(ConfigParseException.class);
    }
}
