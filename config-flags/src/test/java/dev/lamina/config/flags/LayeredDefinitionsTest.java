package dev.lamina.config.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.ConfigLoader;
import dev.lamina.config.ConfigSources;
import dev.lamina.config.Configuration;

/** Flags are configuration: layered files merge before the flags compile, and errors point into the right file. */
class LayeredDefinitionsTest {

    @TempDir
    Path dir;

    @Test
    void aHigherLayerOverridesOneKeyOfAFlag() throws IOException {
        Path base = write("base.yaml", """
                feature_flags:
                  enhanced_anomaly_detection: {enabled: true, rollout_percentage: 0, description: "Anomalies"}
                """);
        Path prod = write("production.yaml", """
                feature_flags:
                  enhanced_anomaly_detection: {rollout_percentage: 100}
                """);
        Configuration config = new ConfigLoader().load(ConfigSources.file(base), ConfigSources.file(prod));
        FlagEvaluator flags = FlagDefinitions.compile(config, Clock.systemUTC());
        assertThat(flags.isEnabled(TestFlags.ENHANCED_ANOMALY_DETECTION, EvaluationContext.ofUser("u"))).isTrue();
        assertThat(flags.flags().get(0).description()).isEqualTo("Anomalies");
    }

    @Test
    void aBadValueInAHigherLayerIsReportedWithThatFilesLocation() throws IOException {
        Path base = write("base.yaml", "feature_flags: {f: {rollout_percentage: 10}}\n");
        Path prod = write("production.yaml", "feature_flags:\n  f:\n    rollout_percentage: 250\n");
        Configuration config = new ConfigLoader().load(ConfigSources.file(base), ConfigSources.file(prod));
        assertThatThrownBy(() -> FlagDefinitions.compile(config, Clock.systemUTC()))
                .isInstanceOf(FlagDefinitionException.class)
                .hasMessageContaining("production.yaml:3:25 feature_flags.f.rollout_percentage");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
