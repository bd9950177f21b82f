package dev.lamina.config;

import static dev.lamina.config.ManagerFixture.options;
import static dev.lamina.config.ManagerFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationManagerTenantTest {

    @TempDir
    Path dir;

    @BeforeEach
    void files() {
        write(dir, "base.yaml", "limits:\n  rps: 100\n  burst: 10\nname: base\n");
        write(dir, "staging.yaml", "name: staging\n");
        write(dir, "tenants/tenant_123.yaml", "limits:\n  rps: 500\n");
        write(dir, "tenants/tenant_456.yaml", "limits:\n  burst: 99\n");
    }

    @Test
    void tenantOverlayGoesOnTopOfTheEnvironment() {
        try (ConfigurationManager m = new ConfigurationManager(options(dir).build())) {
            m.loadEnvironmentConfig("staging");
            Configuration t = m.forTenant("tenant_123");
            assertThat(t.getInt("limits.rps")).isEqualTo(500);
            assertThat(t.getInt("limits.burst")).isEqualTo(10);
            assertThat(t.getString("name")).isEqualTo("staging");
        }
    }

    @Test
    void aTenantsFrameworksAddToTheEnvironmentsInItsViewOnly() {
        write(dir, "staging.yaml", "name: staging\ncompliance:\n  frameworks: [GDPR]\n");
        write(dir, "tenants/clinic.yaml", "compliance:\n  frameworks: [hipaa, gdpr]\n");
        try (ConfigurationManager m = new ConfigurationManager(options(dir).build())) {
            m.loadEnvironmentConfig("staging");
            m.updateConfig("compliance.frameworks", List.of("GDPR", "SOX"));
            Configuration clinic = m.forTenant("clinic");
            // Validation counts every declaration; the value says the same, each framework once, origins kept.
            assertThat(clinic.getList("compliance.frameworks", String.class)).containsExactly("GDPR", "SOX", "hipaa");
            assertThat(clinic.origin("compliance.frameworks[2]").orElseThrow().source())
                    .isEqualTo(dir.resolve("tenants/clinic.yaml").toString());
            assertThat(m.configuration().getList("compliance.frameworks", String.class)).containsExactly("GDPR", "SOX");
            assertThat(m.forTenant("tenant_123").getList("compliance.frameworks", String.class))
                    .containsExactly("GDPR", "SOX");
        }
    }

    @Test
    void oneTenantNeverSeesAnothersOverlay() {
        try (ConfigurationManager m = new ConfigurationManager(options(dir).build())) {
            m.loadEnvironmentConfig("staging");
            assertThat(m.forTenant("tenant_456").getInt("limits.rps")).isEqualTo(100);
            assertThat(m.forTenant("tenant_123").getInt("limits.burst")).isEqualTo(10);
        }
    }

    @Test
    void tenantOverlayGoesAboveRuntimeUpdates() {
        try (ConfigurationManager m = new ConfigurationManager(options(dir).build())) {
            m.loadEnvironmentConfig("staging");
            m.updateConfig("limits.rps", 200);
            assertThat(m.forTenant("tenant_123").getInt("limits.rps")).isEqualTo(500);
            assertThat(m.forTenant("tenant_456").getInt("limits.rps")).isEqualTo(200);
        }
    }

    @Test
    void tenantWithoutOverlayGetsTheEnvironmentsConfiguration() {
        try (ConfigurationManager m = new ConfigurationManager(options(dir).build())) {
            Configuration env = m.loadEnvironmentConfig("staging");
            assertThat(m.forTenant("tenant_999")).isSameAs(env);
        }
    }

    @Test
    void viewsAreCachedUntilTheNextPublishOrReload() {
        try (ConfigurationManager m = new ConfigurationManager(options(dir).build())) {
            m.loadEnvironmentConfig("staging");
            Configuration first = m.forTenant("tenant_123");
            assertThat(m.forTenant("tenant_123")).isSameAs(first);
            write(dir, "tenants/tenant_123.yaml", "limits:\n  rps: 700\n");
            assertThat(m.forTenant("tenant_123")).isSameAs(first);
            m.reload(); // no new version (the environment is unchanged), but tenant views are rebuilt
            assertThat(m.current().version()).isEqualTo(1);
            assertThat(m.forTenant("tenant_123").getInt("limits.rps")).isEqualTo(700);
        }
    }

    @Test
    void rejectsTenantIdsThatCouldEscapeTheTenantsDirectory() {
        try (ConfigurationManager m = new ConfigurationManager(options(dir).build())) {
            m.loadEnvironmentConfig("staging");
            for (String bad : List.of("../base", "..", "a/b", "a\\b", "", "_x", "t".repeat(65), "x.yaml")) {
                assertThatThrownBy(() -> m.forTenant(bad))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("invalid tenant id")
                        .hasMessageContaining("a letter or digit followed by at most 63 letters, digits, '_' or '-'");
            }
        }
    }

    @Test
    void malformedTenantOverlayFailsOnlyThatTenant() {
        write(dir, "tenants/broken.yaml", "limits: [\n");
        try (ConfigurationManager m = new ConfigurationManager(options(dir).build())) {
            m.loadEnvironmentConfig("staging");
            assertThatThrownBy(() -> m.forTenant("broken"))
                    .isInstanceOf(ConfigParseException.class)
                    .hasMessageContaining("broken.yaml");
            assertThat(m.forTenant("tenant_123").getInt("limits.rps")).isEqualTo(500);
        }
    }

    @Test
    void tenantViewsAreValidated() {
        ConfigValidator rpsCap = (c, env) -> c.getInt("limits.rps") > 400
                ? List.of(new ValidationProblem(ConfigPath.parse("limits.rps"), c.origin("limits.rps"),
                "over the cap", java.util.Optional.empty(), true))
                : List.of();
        try (ConfigurationManager m = new ConfigurationManager(options(dir).validator(rpsCap).build())) {
            m.loadEnvironmentConfig("staging");
            assertThatThrownBy(() -> m.forTenant("tenant_123"))
                    .isInstanceOf(ConfigValidationException.class)
                    .hasMessageContaining("limits.rps");
        }
    }
}
