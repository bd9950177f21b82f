package dev.lamina.config.profiles;

import static dev.lamina.config.profiles.Files2.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.ConfigException;
import dev.lamina.config.ConfigLoader;
import dev.lamina.config.ConfigSources;
import dev.lamina.config.Configuration;
import dev.lamina.config.ConfigurationOptions;
import dev.lamina.config.LayerKind;

/** The product's {@code ConfigurationProfiles} calls, as docs/profiles.md shows them. */
class ProfileManagerTest {

    @TempDir
    Path dir;

    Path configDir;
    Configuration baseConfig;

    @BeforeEach
    void files() {
        configDir = dir.resolve("config");
        write(configDir, "base.yaml", """
                service:
                  max_workers: 8
                compliance:
                  frameworks: [SOX]
                gdpr_compliance:
                  retention:
                    logs_days: 30
                """);
        write(configDir, "profiles/high-volume.yaml", """
                _profile:
                  description: our volume tuning
                service:
                  max_workers: 24
                """);
        write(configDir, "profiles/canary.yaml", """
                _profile:
                  description: one canary pod
                  extends: [high-volume]
                  implies: {compliance: [HIPAA]}
                service:
                  canary: true
                """);
        baseConfig = new ConfigLoader(ConfigurationOptions.builder().directory(configDir).build())
                .load(List.of(ConfigSources.file(configDir.resolve("base.yaml"))));
    }

    @Test
    void theDocumentedCallsWork() throws IOException {
        Configuration config = baseConfig;
        // The block of docs/profiles.md "ProfileManager", with the directory of this test.
        ProfileManager profiles = new ProfileManager(configDir);          // built-ins + config/profiles/*
        DeploymentProfileDefinition hv = profiles.getDeploymentProfile(DeploymentProfile.HIGH_VOLUME);
        Configuration tuned = profiles.applyProfile(baseConfig, hv);              // hv's layers on top of baseConfig's
        GeographicProfile eu = profiles.getGeographicProfile("EU");
        Configuration euConfig = profiles.applyGeographicProfile(config, eu);
        List<DeploymentProfileDefinition> all = profiles.listProfiles();

        String doc = Files.readString(Path.of("..", "docs", "profiles.md"));
        assertThat(doc).contains("ProfileManager profiles = new ProfileManager(Path.of(\"config\"));")
                .contains("DeploymentProfileDefinition hv = profiles.getDeploymentProfile(DeploymentProfile.HIGH_VOLUME);")
                .contains("Configuration tuned = profiles.applyProfile(baseConfig, hv);")
                .contains("GeographicProfile eu = profiles.getGeographicProfile(\"EU\");")
                .contains("Configuration euConfig = profiles.applyGeographicProfile(config, eu);")
                .contains("List<DeploymentProfileDefinition> all = profiles.listProfiles();");

        // The built-in refined by the user's file: both layers, the file's value wins, explain names the profile.
        assertThat(hv.name()).isEqualTo("HIGH_VOLUME");
        assertThat(hv.builtIn()).isTrue();
        assertThat(hv.description()).contains("our volume tuning");
        assertThat(hv.layers()).extracting(l -> l.metadata().kind()).containsOnly(LayerKind.PROFILE);
        assertThat(hv.layers()).hasSize(2);
        assertThat(tuned.getInt("service.max_workers")).isEqualTo(24);
        assertThat(tuned.getInt("database.pool.max_size")).isEqualTo(400);
        assertThat(tuned.explain("service.max_workers").reason()).contains("profile HIGH_VOLUME");
        assertThat(baseConfig.getInt("service.max_workers")).as("the base is unchanged").isEqualTo(8);

        // The region: its settings win, its framework adds to the one the base declares.
        assertThat(eu.code()).isEqualTo("EU");
        assertThat(eu.complianceFrameworks()).containsExactly("GDPR");
        assertThat(euConfig.getInt("gdpr_compliance.retention.logs_days")).isEqualTo(365);
        assertThat(euConfig.getList("compliance.frameworks", String.class)).containsExactly("SOX", "GDPR");

        assertThat(all).extracting(DeploymentProfileDefinition::name)
                .containsExactly("HIGH_VOLUME", "LOW_LATENCY", "HIGH_ACCURACY", "COST_OPTIMIZED", "canary");
    }

    @Test
    void aUserProfileCarriesWhatItExtendsAndImplies() {
        ProfileManager profiles = new ProfileManager(configDir);
        DeploymentProfileDefinition canary = profiles.getProfile("Canary");
        assertThat(canary.builtIn()).isFalse();
        assertThat(canary.parents()).containsExactly("high-volume");
        assertThat(canary.complianceFrameworks()).containsExactly("HIPAA");
        assertThat(canary.layers()).hasSize(3); // built-in high-volume, its refinement, canary
        Configuration c = profiles.applyProfile(baseConfig, canary);
        assertThat(c.getBoolean("service.canary")).isTrue();
        assertThat(c.getInt("service.max_workers")).isEqualTo(24);
        assertThat(c.getList("compliance.frameworks", String.class)).containsExactly("SOX", "HIPAA");
        assertThat(c.root().get("_profile")).isEmpty();
    }

    @Test
    void unknownNamesFailWithTheKnownOnes() {
        ProfileManager profiles = new ProfileManager(configDir);
        assertThatThrownBy(() -> profiles.getProfile("canry"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown profile 'canry'")
                .hasMessageContaining("high-volume, low-latency, high-accuracy, cost-optimized, canary")
                .hasMessageContaining("did you mean 'canary'?");
        assertThatThrownBy(() -> profiles.getGeographicProfile("EUR"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown region 'EUR'; known: eu, us, uk, br, jp, kr");
    }

    @Test
    void builtInsOnlyNeedNoDirectory() {
        ProfileManager profiles = ProfileManager.builtInsOnly();
        assertThat(profiles.directory()).isEmpty();
        assertThat(profiles.listGeographicProfiles()).extracting(GeographicProfile::code)
                .containsExactly("EU", "US", "UK", "BR", "JP", "KR");
        assertThat(profiles.getDeploymentProfile(DeploymentProfile.LOW_LATENCY).layers()).hasSize(1);
    }
}
