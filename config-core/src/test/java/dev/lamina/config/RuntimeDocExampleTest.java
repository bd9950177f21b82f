package dev.lamina.config;

import static dev.lamina.config.ManagerFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The opening example of docs/runtime.md, step by step, with the versions and values it claims. */
class RuntimeDocExampleTest {

    @TempDir
    Path config;

    @Test
    void theOpeningExampleDoesWhatTheDocsSay() {
        write(config, "base.yaml", "anomaly_detection: {threshold: 0.5}\n");
        write(config, "staging.yaml", "");
        var registry = new SimpleMeterRegistry();
        List<String> printed = new CopyOnWriteArrayList<>();
        try (ConfigurationManager manager = new ConfigurationManager(ConfigurationOptions.builder()
                .directory(config)
                .meterRegistry(registry)
                .build())) {
            Configuration cfg = manager.loadEnvironmentConfig("staging");
            assertThat(manager.current().version()).isEqualTo(1);
            manager.enableHotReload();
            manager.addChangeListener(event -> printed.add(event.path() + " changed"));

            Snapshot applied = manager.updateConfig("anomaly_detection.threshold", 0.85);
            assertThat(applied.version()).isEqualTo(2);
            assertThat(manager.updateConfig("anomaly_detection.threshold", 0.9, applied.version()).version())
                    .isEqualTo(3);
            Snapshot back = manager.rollback(1);
            assertThat(back.version()).isEqualTo(4);
            assertThat(back.contentHash()).isEqualTo(manager.snapshot(1).orElseThrow().contentHash());

            Configuration tenant = manager.forTenant("tenant_123");
            assertThat(cfg.getDouble("anomaly_detection.threshold") + " "
                    + tenant.getDouble("anomaly_detection.threshold")).isEqualTo("0.5 0.5");
            await().atMost(Duration.ofSeconds(5)).until(() -> printed.size() == 3);
            assertThat(printed).containsOnly("anomaly_detection.threshold changed");
        }
    }
}
