package dev.lamina.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ConfigPathTest {

    @Test
    void parsesDottedSegments() {
        assertThat(ConfigPath.parse("server.http.port").segments()).containsExactly("server", "http", "port");
    }

    @Test
    void parsesBracketIndexAndNumericSegmentAlike() {
        assertThat(ConfigPath.parse("brokers[0].host")).isEqualTo(ConfigPath.parse("brokers.0.host"));
        assertThat(ConfigPath.parse("brokers[0].host").segments()).containsExactly("brokers", "0", "host");
    }

    @Test
    void quotedSegmentKeepsDotsAndEscapes() {
        ConfigPath p = ConfigPath.parse("tenants.\"eu.west\".\"say \\\"hi\\\"\"");
        assertThat(p.segments()).containsExactly("tenants", "eu.west", "say \"hi\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.b.c", "brokers[0].host", "tenants.\"eu.west\".limit", "matrix[1][2]", "a.\"\".b"})
    void canonicalTextRoundTrips(String text) {
        ConfigPath p = ConfigPath.parse(text);
        assertThat(ConfigPath.parse(p.toString())).isEqualTo(p);
        assertThat(p.toString()).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a..b|empty segment",
            ".a|empty segment",
            "a.|trailing '.'",
            "a[x]|non-negative integer",
            "a[1|unclosed [",
            "\"abc|unclosed quote",
            "a\"b\"|quote may only open",
            "\"a\"b|expected '.' or '['"})
    void rejectsMalformedPathsNamingTheProblem(String text, String reason) {
        assertThatThrownBy(() -> ConfigPath.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void rootIsEmptyAndItsOwnParent() {
        assertThat(ConfigPath.parse("").isRoot()).isTrue();
        assertThat(ConfigPath.root().parent()).isEqualTo(ConfigPath.root());
        assertThat(ConfigPath.parse("a.b").parent()).isEqualTo(ConfigPath.parse("a"));
    }

    @Test
    void childAndStartsWith() {
        ConfigPath p = ConfigPath.of("a").child("b").child(3);
        assertThat(p.toString()).isEqualTo("a.b[3]");
        assertThat(p.startsWith(ConfigPath.parse("a.b"))).isTrue();
        assertThat(p.startsWith(ConfigPath.parse("a.c"))).isFalse();
        assertThat(ConfigPath.parse("a.bc").startsWith(ConfigPath.parse("a.b"))).isFalse();
    }
}
