package dev.lamina.config.profiles;

import static dev.lamina.config.profiles.Files2.options;
import static dev.lamina.config.profiles.Files2.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.Configuration;
import dev.lamina.config.ConfigurationManager;
import dev.lamina.config.ConfigurationOptions;

/** Adding the dependency is enough: the providers are found through ServiceLoader, not wired by hand. */
class DiscoveryTest {

    @TempDir
    Path dir;

    private Configuration load(ConfigurationOptions options) {
        try (ConfigurationManager m = new ConfigurationManager(options)) {
            return m.loadEnvironmentConfig("staging");
        }
    }

    @Test
    void profilesAndRegionNamedByVariablesApplyWithoutWiring() {
        write(dir, "staging.yaml", "service:\n  max_workers: 8\n");
        Configuration c = load(options(dir, Map.of("CONFIG_PROFILE", "high-volume", "CONFIG_REGION", "eu")).build());
        assertThat(c.getInt("service.max_workers")).isEqualTo(32);
        assertThat(c.getList("compliance.frameworks", String.class)).containsExactly("GDPR");
    }

    @Test
    void environmentsFileAloneActivatesThem() {
        write(dir, "staging.yaml", "service:\n  max_workers: 8\n");
        write(dir, "environments.yaml", "staging:\n  profiles: cost-optimized\n  region: UK\n");
        Configuration c = load(options(dir, Map.of()).build());
        assertThat(c.getInt("service.max_workers")).isEqualTo(4);
        assertThat(c.getList("compliance.frameworks", String.class)).containsExactly("UK_GDPR");
    }

    @Test
    void discoveryCanBeTurnedOff() {
        write(dir, "staging.yaml", "service:\n  max_workers: 8\n");
        Configuration c = load(options(dir, Map.of("CONFIG_PROFILE", "high-volume")).discoverLayerProviders(false)
                .build());
        assertThat(c.getInt("service.max_workers")).isEqualTo(8);
    }

    @Test
    void anExplicitProviderReplacesTheDiscoveredOneOfItsClass() {
        write(dir, "staging.yaml", "service:\n  max_workers: 8\n");
        write(dir, "profiles/count.yaml", "service:\n  extra: [x]\n");
        Configuration c = load(options(dir, Map.of("CONFIG_PROFILE", "count"))
                .addLayerProvider(new ProfileLayerProvider(List.of("high-volume"))).build());
        assertThat(c.getInt("service.max_workers")).isEqualTo(32);
        // Applied once: the discovered ProfileLayerProvider is not added next to the explicit one.
        assertThat(c.layers().stream().filter(l -> l.name().endsWith("count.yaml")).count()).isEqualTo(1);
    }

    @Test
    void aRelativeConfigurationDirectoryFindsProfilesBelowIt() throws Exception {
        Path relative = Path.of("target", "relative-" + System.nanoTime());
        try {
            write(relative, "staging.yaml", "service:\n  max_workers: 8\n");
            write(relative, "profiles/canary.yaml", "service:\n  max_workers: 9\n");
            Configuration c = load(options(relative, Map.of("CONFIG_PROFILE", "canary")).build());
            assertThat(c.getInt("service.max_workers")).isEqualTo(9);
            assertThat(c.origin("service.max_workers").orElseThrow().source())
                    .isEqualTo(relative.resolve("profiles/canary.yaml").toString());
        } finally {
            try (var files = java.nio.file.Files.walk(relative)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
