package dev.lamina.config.overrides;

import static dev.lamina.config.overrides.Files2.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.CacheStatistics;
import dev.lamina.config.ConfigException;
import dev.lamina.config.ConfigLoader;
import dev.lamina.config.ConfigSources;
import dev.lamina.config.Configuration;
import dev.lamina.config.ConfigurationOptions;

class OverrideManagerTest {

    @TempDir
    Path dir;

    private OverrideManager manager() {
        return new OverrideManager(dir.resolve("overrides"), OverrideManager.Settings.defaults()
                .withLoading(ConfigurationOptions.builder().environment(Map.of("DB_HOST", "db.docker")).build()));
    }

    @Test
    void loadWithValidationAppliesDependenciesFirstAndResolvesVariables() {
        write(dir, "overrides/local.yaml", "database:\n  host: localhost\n  port: 5432\n  pool:\n    max_size: 5\n");
        write(dir, "overrides/docker.yaml", """
                _metadata:
                  priority: 50
                  depends_on: [local]
                database:
                  host: ${DB_HOST:-postgres}
                """);
        Configuration c = manager().loadWithValidation("docker");
        assertThat(c.getString("database.host")).isEqualTo("db.docker");
        assertThat(c.getInt("database.pool.max_size")).isEqualTo(5);
        assertThat(c.hasPath("_metadata")).isFalse();
    }

    @Test
    void cacheCountsHitsAndMissesAndSeesEditedFiles() throws Exception {
        Path file = write(dir, "overrides/docker.yaml", "x: 1\n");
        OverrideManager m = manager();
        m.loadWithValidation("docker");
        m.loadWithValidation("docker");
        m.loadWithValidation("DOCKER");
        CacheStatistics s = m.getCacheStats();
        assertThat(s.misses()).isEqualTo(1);
        assertThat(s.hits()).isEqualTo(2);
        write(dir, "overrides/docker.yaml", "x: 22\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
        assertThat(m.loadWithValidation("docker").getInt("x")).isEqualTo(22);
        assertThat(m.getCacheStats().misses()).isEqualTo(2);
        m.clearCache();
        assertThat(m.cacheSize()).isZero();
        m.loadWithValidation("docker");
        assertThat(m.getCacheStats().misses()).isEqualTo(3);
    }

    @Test
    void cacheCanBeTurnedOff() {
        write(dir, "overrides/docker.yaml", "x: 1\n");
        OverrideManager m = new OverrideManager(dir.resolve("overrides"), OverrideManager.Settings.defaults()
                .withCache(false).withCacheTtl(Duration.ofSeconds(1)));
        m.loadWithValidation("docker");
        m.loadWithValidation("docker");
        assertThat(m.getCacheStats()).isEqualTo(new CacheStatistics(0, 0, 0));
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> OverrideManager.Settings.defaults().withCacheTtl(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mergeConfigurationsLaterWinsAndKeepsOrigins() {
        ConfigLoader loader = new ConfigLoader();
        Configuration a = loader.load(ConfigSources.string("a.yaml", dev.lamina.config.Format.YAML, "x: 1\ny: 1\n"));
        Configuration b = loader.load(ConfigSources.string("b.yaml", dev.lamina.config.Format.YAML, "x: 2\n"));
        Configuration merged = manager().mergeConfigurations(List.of(a, b));
        assertThat(merged.getInt("x")).isEqualTo(2);
        assertThat(merged.getInt("y")).isEqualTo(1);
        assertThat(merged.origin("x").orElseThrow().source()).isEqualTo("b.yaml");
    }

    @Test
    void evaluateConditionsEveryKind() {
        Path f = write(dir, "overrides/docker.yaml", """
                _metadata:
                  conditions:
                    environments: [development]
                    env_vars: [DOCKER_HOST]
                    config:
                      deployment:
                        container: true
                """);
        OverrideManager m = manager();
        OverrideMetadata md = m.loadOverrideFile(f).metadata();
        Configuration below = new ConfigLoader().load(ConfigSources.map("below", Map.of("deployment",
                Map.of("container", true))));
        assertThat(m.evaluateConditions(md, ConditionContext.of("development", Map.of("DOCKER_HOST", "x"), below)))
                .isTrue();
        ConditionResult r = m.explainConditions(md, ConditionContext.of("production", Map.of(),
                new ConfigLoader().load(ConfigSources.map("below", Map.of("deployment", Map.of("container", false))))));
        assertThat(r.applies()).isFalse();
        assertThat(r.reasons()).containsExactly(
                "requires environment in [development], loading production",
                "requires variable DOCKER_HOST to be set, and it is unset",
                "requires deployment.container = true, found false");
    }

    @Test
    void validateOverrideRejectsBadMetadata() {
        var root = dev.lamina.config.ConfigDocuments.parse("x.yaml", dev.lamina.config.Format.YAML,
                "_metadata:\n  priority: -1\n", dev.lamina.config.ParseLimits.DEFAULTS);
        assertThatThrownBy(() -> manager().validateOverride(root))
                .isInstanceOf(ConfigException.class).hasMessageContaining("x.yaml:2:13");
    }

    @Test
    void typedAccessorsReadTheCommonSections() {
        write(dir, "overrides/docker.yaml", """
                database:
                  host: postgres
                  port: 5433
                  pool: {min_size: 2, max_size: 20, timeout: 5s}
                api: {port: 8080, workers: 2}
                security: {rate_limit_requests: 50, tls_enabled: false}
                ml: {serving_url: "http://ml:8501", batch_size: 64}
                """);
        OverrideManager m = manager();
        Configuration c = m.loadWithValidation("docker");
        DatabaseConfig db = m.getDatabaseConfig(c);
        assertThat(db.host()).isEqualTo("postgres");
        assertThat(db.port()).isEqualTo(5433);
        assertThat(db.pool()).isEqualTo(new DatabaseConfig.Pool(2, 20, Duration.ofSeconds(5), Duration.ofSeconds(3600)));
        assertThat(m.getApiConfig(c)).isEqualTo(new ApiConfig("0.0.0.0", 8080, 2, Duration.ofSeconds(30)));
        assertThat(m.getSecurityConfig(c)).isEqualTo(new SecurityConfig(30, 50, 5, false));
        assertThat(m.getMlConfig(c).servingUrl()).contains("http://ml:8501");
        assertThat(m.getMlConfig(c).batchSize()).isEqualTo(64);
    }

    @Test
    void statusesSayWhichAreSelectedAndWhyOthersDoNotApply() {
        write(dir, "overrides/docker.yaml", "_metadata:\n  priority: 50\n  conditions:\n    environments: [development]\n");
        write(dir, "overrides/local.yaml", "_metadata:\n  priority: 10\n");
        List<OverrideStatus> s = manager().statuses(List.of("docker"), ConditionContext.of("production", Map.of(),
                new ConfigLoader().load(ConfigSources.map("m", Map.of()))));
        assertThat(s).extracting(OverrideStatus::name).containsExactly("docker", "local");
        assertThat(s.get(0).selected()).isTrue();
        assertThat(s.get(0).applied()).isFalse();
        assertThat(s.get(0).condition().describe()).isEqualTo("requires environment in [development], loading production");
        assertThat(s.get(1).selected()).isFalse();
        assertThat(s.get(1).condition().applies()).isTrue();
    }
}
