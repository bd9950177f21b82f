package dev.lamina.config.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import dev.lamina.config.ConfigPath;

class PathPatternTest {

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource({
            "anomaly_detection.*, anomaly_detection.threshold, true",
            "anomaly_detection.*, anomaly_detection, false",
            "anomaly_detection.*, anomaly_detection.model.name, false",
            "anomaly_detection.*, other.threshold, false",
            "feature_flags.**, feature_flags.a, true",
            "feature_flags.**, feature_flags.a.b.c, true",
            "feature_flags.**, feature_flags, false",
            "**, anything.at.all, true",
            "*.port, server.port, true",
            "*.port, server.host, false",
            "db, db, true",
            "db, db.host, true",
            "db, dbx, false",
            "db.host, db, false",
    })
    void matchesByRule(String pattern, String path, boolean expected) {
        assertThat(PathPattern.compile(pattern).matches(ConfigPath.parse(path))).isEqualTo(expected);
    }

    @Test
    void rejectsDoubleStarBeforeTheEnd() {
        assertThatThrownBy(() -> PathPattern.compile("a.**.b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'**' may only be the last segment");
    }

    @Test
    void rejectsMalformedPatterns() {
        assertThatThrownBy(() -> PathPattern.compile("a..b")).isInstanceOf(IllegalArgumentException.class);
    }
}
