package dev.lamina.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Real YAML through the parser, the merge, interpolation and the getters, as a user would load it. */
class ConfigLoaderEndToEndTest {

    private static final ConfigSource BASE = ConfigSources.string("config/base.yaml", Format.YAML, """
            server:
              host: 0.0.0.0
              port: ${PORT:-8080}
              timeout: 1h30m
              max-body: 1.5GiB
              debug: true
            db:
              password: ${DB_PASSWORD}
            """);

    private static final ConfigSource STAGING = ConfigSources.string("config/staging.yaml", Format.YAML, """
            server:
              port: 9443
              debug: null
              timeout: soon
            """);

    private static final ConfigLoader LOADER = new ConfigLoader(ConfigurationOptions.builder()
            .environment(Map.of("PORT", "9090", "DB_PASSWORD", "hunter2")).build());

    @Test
    void interpolatedValuesConvertLikeWrittenOnes() {
        Configuration c = LOADER.load(BASE);
        assertThat(c.getInt("server.port")).isEqualTo(9090);
        assertThat(c.getDuration("server.timeout")).isEqualTo(Duration.ofMinutes(90));
        assertThat(c.getSize("server.max-body").bytes()).isEqualTo(1_610_612_736L);
    }

    @Test
    void explainShowsTheWrittenCandidateAndTheInterpolatedValue() {
        Explanation e = LOADER.load(BASE).explain("server.port");
        assertThat(e.candidates().get(0).displayValue()).isEqualTo("${PORT:-8080}");
        assertThat(e.value()).contains("9090");
        assertThat(e.candidates().get(0).origin()).isEqualTo(Origin.of("config/base.yaml", 3, 9));
    }

    @Test
    void laterYamlLayerOverridesAndDeletesWithLineAndColumn() {
        Configuration c = LOADER.load(List.of(BASE, STAGING));
        assertThat(c.getInt("server.port")).isEqualTo(9443);
        assertThat(c.hasPath("server.debug")).isFalse();
        assertThat(c.explain("server.port").reason())
                .isEqualTo("config/staging.yaml:2:9 overrides config/base.yaml:3:9 (later layer wins)");
        assertThat(c.explain("server.debug").reason())
                .isEqualTo("deleted by null in config/staging.yaml at config/staging.yaml:3:10");
    }

    @Test
    void aBadDurationFromALaterLayerNamesItsFileLineAndPath() {
        Configuration c = LOADER.load(BASE, STAGING);
        assertThatThrownBy(() -> c.getDuration("server.timeout"))
                .isInstanceOf(ConfigTypeException.class)
                .hasMessageStartingWith("config/staging.yaml:4:12 server.timeout: expected a duration, found the string \"soon\"");
    }

    @Test
    void anInterpolatedSecretIsMaskedInExplainAndToString() {
        Configuration c = LOADER.load(BASE);
        assertThat(c.getString("db.password")).isEqualTo("hunter2");
        assertThat(c.explain("db.password").value()).contains("***");
        assertThat(c.toString()).doesNotContain("hunter2");
    }
}
