package dev.lamina.config;

import static dev.lamina.config.ManagerFixture.options;
import static dev.lamina.config.ManagerFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class ConfigurationManagerCacheAndMetricsTest {

    @TempDir
    Path dir;

    public record Server(String host, int port) {
    }

    @BeforeEach
    void files() {
        write(dir, "base.yaml", "server:\n  host: localhost\n  port: 8080\n");
        write(dir, "staging.yaml", "");
    }

    @Test
    void typedValuesAreCachedPerVersion() {
        try (ConfigurationManager m = new ConfigurationManager(options(dir).build())) {
            m.loadEnvironmentConfig("staging");
            assertThat(m.get("server.port", int.class)).isEqualTo(8080);
            assertThat(m.get("server.port", Integer.class)).isEqualTo(8080);
            assertThat(m.cacheStats().hits()).isEqualTo(1);
            assertThat(m.cacheStats().misses()).isEqualTo(1);
            m.updateConfig("server.port", 9090);
            assertThat(m.get("server.port", Integer.class)).isEqualTo(9090);
            assertThat(m.cacheStats().misses()).isEqualTo(2);
            assertThat(m.cacheStats().hitRatio()).isEqualTo(1.0 / 3);
        }
    }

    @Test
    void boundObjectsAreCachedAndShared() {
        try (ConfigurationManager m = new ConfigurationManager(options(dir).build())) {
            m.loadEnvironmentConfig("staging");
            Server first = m.bind("server", Server.class);
            assertThat(first).isEqualTo(new Server("localhost", 8080));
            assertThat(m.bind("server", Server.class)).isSameAs(first);
        }
    }

    @Test
    void conversionErrorsAreNotCached() {
        try (ConfigurationManager m = new ConfigurationManager(options(dir).build())) {
            m.loadEnvironmentConfig("staging");
            assertThatThrownBy(() -> m.get("server.missing", String.class)).isInstanceOf(ConfigMissingException.class);
            assertThatThrownBy(() -> m.get("server.missing", String.class)).isInstanceOf(ConfigMissingException.class);
        }
    }

    @Test
    void publishesLoadTimerReloadCounterVersionAndHitRatio() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (ConfigurationManager m = new ConfigurationManager(options(dir).meterRegistry(registry).build())) {
            m.loadEnvironmentConfig("staging");
            m.reload();
            write(dir, "base.yaml", "server:\n  host: example\n  port: 8080\n");
            m.reload();
            write(dir, "base.yaml", "server: [\n");
            assertThatThrownBy(m::reload).isInstanceOf(ConfigParseException.class);
            m.get("server.port", Integer.class);
            m.get("server.port", Integer.class);

            assertThat(registry.get("lamina.config.load").timer().count()).isEqualTo(3);
            assertThat(registry.get("lamina.config.reload").tag("result", "unchanged").counter().count()).isEqualTo(1);
            assertThat(registry.get("lamina.config.reload").tag("result", "applied").counter().count()).isEqualTo(1);
            assertThat(registry.get("lamina.config.reload").tag("result", "rejected").counter().count()).isEqualTo(1);
            assertThat(registry.get("lamina.config.version").gauge().value()).isEqualTo(2.0);
            assertThat(registry.get("lamina.config.cache.hit.ratio").gauge().value()).isEqualTo(0.5);
        }
        assertThat(registry.find("lamina.config.version").gauge()).isNull();
    }

    @Test
    void closingASecondManagerOnTheSameRegistryLeavesTheFirstsMeters() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (ConfigurationManager first = new ConfigurationManager(options(dir).meterRegistry(registry).build())) {
            first.loadEnvironmentConfig("staging");
            new ConfigurationManager(options(dir).meterRegistry(registry).build()).close();
            assertThat(registry.get("lamina.config.version").gauge().value()).isEqualTo(1.0);
            assertThat(registry.find("lamina.config.load").timer()).isNotNull();
        }
        assertThat(registry.find("lamina.config.version").gauge()).isNull();
    }
}
