package dev.lamina.config;

import static dev.lamina.config.ManagerFixture.options;
import static dev.lamina.config.ManagerFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationManagerLoadTest {

    @TempDir
    Path dir;

    @Test
    void environmentFileOverridesBase() {
        write(dir, "base.yaml", "server:\n  port: 8080\n  host: localhost\n");
        write(dir, "staging.yaml", "server:\n  port: 9090\n");
        try (ConfigurationManager m = new ConfigurationManager(options(dir).build())) {
            Configuration c = m.loadEnvironmentConfig("staging");
            assertThat(c.getInt("server.port")).isEqualTo(9090);
            assertThat(c.getString("server.host")).isEqualTo("localhost");
            assertThat(m.getActiveEnvironment()).contains("staging");
            assertThat(m.current().version()).isEqualTo(1);
            assertThat(m.current().change().action()).isEqualTo(ChangeRecord.Action.LOAD);
        }
    }

    @Test
    void inheritanceAppliesAncestorsRootFirst() {
        write(dir, "base.yaml", "a: base\nb: base\nc: base\n");
        write(dir, "staging.yaml", "b: staging\nc: staging\n");
        write(dir, "production.yaml", "c: production\n");
        write(dir, "environments.yaml", "production:\n  extends: staging\n");
        try (ConfigurationManager m = new ConfigurationManager(options(dir).build())) {
            Configuration c = m.loadEnvironmentConfig("production");
            assertThat(List.of(c.getString("a"), c.getString("b"), c.getString("c")))
                    .containsExactly("base", "staging", "production");
        }
    }

    @Test
    void rejectsInheritanceCycleNamingTheFileAndTheCycle() {
        write(dir, "base.yaml", "a: 1\n");
        write(dir, "environments.yaml", "production:\n  extends: staging\nstaging:\n  extends: production\n");
        try (ConfigurationManager m = new ConfigurationManager(options(dir).build())) {
            assertThatThrownBy(() -> m.loadEnvironmentConfig("production"))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("environments.yaml")
                    .hasMessageContaining("inheritance cycle production -> staging -> production");
            assertThat(m.getActiveEnvironment()).isEmpty();
        }
    }

    @Test
    void rejectsUnknownKeyInEnvironmentsFile() {
        write(dir, "base.yaml", "a: 1\n");
        write(dir, "environments.yaml", "production:\n  parent: staging\n");
        try (ConfigurationManager m = new ConfigurationManager(options(dir).build())) {
            assertThatThrownBy(() -> m.loadEnvironmentConfig("production"))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("environments.yaml")
                    .hasMessageContaining("production.parent")
                    .hasMessageContaining("unknown key; recognised: extends, profiles, region, overrides");
        }
    }

    @Test
    void anyEnvironmentNameResolvesByConvention() {
        write(dir, "base.yaml", "name: base\n");
        write(dir, "qa-eu_2.yaml", "name: qa\n");
        try (ConfigurationManager m = new ConfigurationManager(options(dir).build())) {
            assertThat(m.loadEnvironmentConfig("qa-eu_2").getString("name")).isEqualTo("qa");
        }
    }

    @Test
    void declaredEnvironmentWithoutItsOwnFileGetsItsAncestors() {
        write(dir, "base.yaml", "name: base\n");
        write(dir, "staging.yaml", "name: staging\n");
        write(dir, "environments.yaml", "staging-eu:\n  extends: staging\ndevelopment: {}\n");
        try (ConfigurationManager m = new ConfigurationManager(options(dir).build())) {
            assertThat(m.loadEnvironmentConfig("staging-eu").getString("name")).isEqualTo("staging");
            assertThat(m.loadEnvironmentConfig("development").getString("name")).isEqualTo("base");
        }
    }

    @Test
    void rejectsUnknownEnvironmentListingTheOnesFound() {
        write(dir, "base.yaml", "name: base\n");
        write(dir, "staging.yaml", "name: staging\n");
        write(dir, "production.yaml", "name: production\n");
        try (ConfigurationManager m = new ConfigurationManager(options(dir).build())) {
            assertThatThrownBy(() -> m.loadEnvironmentConfig("prodution"))
                    .isInstanceOf(ConfigSourceException.class)
                    .hasMessageContaining("no configuration file for environment 'prodution'")
                    .hasMessageContaining("environments found: production, staging");
        }
    }

    @Test
    void rejectsEnvironmentWithNoFilesAtAll() {
        try (ConfigurationManager m = new ConfigurationManager(options(dir).build())) {
            assertThatThrownBy(() -> m.loadEnvironmentConfig("staging"))
                    .isInstanceOf(ConfigSourceException.class)
                    .hasMessageContaining("no configuration file for environment 'staging'")
                    .hasMessageContaining("environments found: none");
        }
    }

    @Test
    void rejectsAFileThatLinksOutsideTheDirectory() throws Exception {
        Path outside = java.nio.file.Files.createTempFile("outside", ".yaml");
        try {
            java.nio.file.Files.writeString(outside, "stolen: true\n");
            java.nio.file.Files.createSymbolicLink(dir.resolve("staging.yaml"), outside);
            try (ConfigurationManager m = new ConfigurationManager(options(dir).build())) {
                assertThatThrownBy(() -> m.loadEnvironmentConfig("staging"))
                        .isInstanceOf(ConfigSourceException.class)
                        .hasMessageContaining("staging.yaml")
                        .hasMessageContaining("symbolic link escape");
            }
        } finally {
            java.nio.file.Files.deleteIfExists(outside);
        }
    }

    @Test
    void rejectsMissingDirectory() {
        try (ConfigurationManager m = new ConfigurationManager(options(dir.resolve("nope")).build())) {
            assertThatThrownBy(() -> m.loadEnvironmentConfig("staging"))
                    .isInstanceOf(ConfigSourceException.class)
                    .hasMessageContaining("nope")
                    .hasMessageContaining("does not exist");
        }
    }

    @Test
    void rejectsTwoFilesForTheSameName() {
        write(dir, "base.yaml", "a: 1\n");
        write(dir, "base.json", "{\"a\": 2}\n");
        try (ConfigurationManager m = new ConfigurationManager(options(dir).build())) {
            assertThatThrownBy(() -> m.loadEnvironmentConfig("staging"))
                    .isInstanceOf(ConfigSourceException.class)
                    .hasMessageContaining("ambiguous configuration: base.json and base.yaml both define 'base'");
        }
    }

    @Test
    void rejectsEnvironmentNamesThatCouldEscapeTheDirectory() {
        write(dir, "base.yaml", "a: 1\n");
        try (ConfigurationManager m = new ConfigurationManager(options(dir).build())) {
            for (String bad : List.of("../etc", "a/b", "", ".hidden", "x".repeat(65))) {
                assertThatThrownBy(() -> m.loadEnvironmentConfig(bad))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("invalid environment")
                        .hasMessageContaining("a letter or digit followed by at most 63");
            }
        }
    }

    @Test
    void failedLoadKeepsTheActiveEnvironmentAndVersion() {
        write(dir, "base.yaml", "a: 1\n");
        write(dir, "staging.yaml", "");
        write(dir, "production.yaml", "a: [unclosed\n");
        try (ConfigurationManager m = new ConfigurationManager(options(dir).build())) {
            m.loadEnvironmentConfig("staging");
            assertThatThrownBy(() -> m.loadEnvironmentConfig("production"))
                    .isInstanceOf(ConfigParseException.class)
                    .hasMessageContaining("production.yaml");
            assertThat(m.getActiveEnvironment()).contains("staging");
            assertThat(m.current().version()).isEqualTo(1);
        }
    }

    @Test
    void switchingEnvironmentPublishesANewVersion() {
        write(dir, "base.yaml", "a: 1\n");
        write(dir, "staging.yaml", "");
        write(dir, "production.yaml", "a: 2\n");
        try (ConfigurationManager m = new ConfigurationManager(options(dir).build())) {
            m.loadEnvironmentConfig("staging");
            Configuration prod = m.loadEnvironmentConfig("production");
            assertThat(prod.getInt("a")).isEqualTo(2);
            assertThat(m.current().version()).isEqualTo(2);
            assertThat(m.getActiveEnvironment()).contains("production");
        }
    }

    @Test
    void loadingIdenticalContentCreatesNoVersion() {
        write(dir, "base.yaml", "a: 1\n");
        write(dir, "staging.yaml", "");
        write(dir, "development.yaml", "a: 1\n");
        try (ConfigurationManager m = new ConfigurationManager(options(dir).build())) {
            m.loadEnvironmentConfig("staging");
            String hash = m.current().contentHash();
            m.loadEnvironmentConfig("development");
            assertThat(m.current().version()).isEqualTo(1);
            assertThat(m.current().contentHash()).isEqualTo(hash);
            assertThat(m.getActiveEnvironment()).contains("development");
        }
    }

    @Test
    void validatorRefusesInitialLoad() {
        write(dir, "base.yaml", "threshold: 2\n");
        write(dir, "staging.yaml", "");
        ConfigValidator rangeCheck = (c, env) -> c.getDouble("threshold") > 1
                ? List.of(new ValidationProblem(ConfigPath.parse("threshold"), c.origin("threshold"),
                "must be at most 1", java.util.Optional.empty(), true))
                : List.of();
        try (ConfigurationManager m = new ConfigurationManager(options(dir).validator(rangeCheck).build())) {
            assertThatThrownBy(() -> m.loadEnvironmentConfig("staging"))
                    .isInstanceOf(ConfigValidationException.class)
                    .hasMessageContaining("threshold")
                    .hasMessageContaining("must be at most 1");
            assertThatThrownBy(m::current).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("loadEnvironmentConfig");
        }
    }

    @Test
    void layerProvidersGoAboveTheFilesAndBelowRuntimeUpdates() {
        write(dir, "base.yaml", "a: file\nb: file\n");
        write(dir, "staging.yaml", "");
        LayerProvider provider = ctx -> List.of(new Layer("profile:" + ctx.environment(), new ConfigObject(
                java.util.Map.of("a", ConfigScalar.string("profile", Origin.of("profile")),
                        "b", ConfigScalar.string("profile", Origin.of("profile"))), Origin.of("profile"))));
        try (ConfigurationManager m = new ConfigurationManager(options(dir).addLayerProvider(provider).build())) {
            m.loadEnvironmentConfig("staging");
            m.updateConfig("b", "runtime");
            assertThat(m.configuration().getString("a")).isEqualTo("profile");
            assertThat(m.configuration().getString("b")).isEqualTo("runtime");
        }
    }

    @Test
    void environmentVariableLayerGoesAboveFilesAndBelowRuntimeUpdates() {
        write(dir, "base.yaml", "server:\n  port: 8080\n  host: localhost\n");
        write(dir, "staging.yaml", "");
        try (ConfigurationManager m = new ConfigurationManager(options(dir).envPrefix("APP_")
                .environment(java.util.Map.of("APP_SERVER_PORT", "7070", "APP_SERVER_HOST", "env-host",
                        "OTHER_SERVER_PORT", "1")).build())) {
            m.loadEnvironmentConfig("staging");
            assertThat(m.configuration().getInt("server.port")).isEqualTo(7070);
            m.updateConfig("server.host", "runtime-host");
            assertThat(m.configuration().getString("server.host")).isEqualTo("runtime-host");
        }
    }

    @Test
    void interpolatesFromTheGivenEnvironmentMap() {
        write(dir, "base.yaml", "db:\n  host: ${DB_HOST:-localhost}\n  port: ${DB_PORT:-5432}\n");
        write(dir, "staging.yaml", "");
        try (ConfigurationManager m = new ConfigurationManager(options(dir)
                .environment(java.util.Map.of("DB_HOST", "db.internal")).build())) {
            Configuration c = m.loadEnvironmentConfig("staging");
            assertThat(c.getString("db.host")).isEqualTo("db.internal");
            assertThat(c.getInt("db.port")).isEqualTo(5432);
        }
    }

    @Test
    void unresolvableReferenceFailsTheLoadNamingFileAndPath() {
        write(dir, "base.yaml", "db:\n  host: ${DB_HOST:?set DB_HOST}\n");
        write(dir, "staging.yaml", "");
        try (ConfigurationManager m = new ConfigurationManager(options(dir).build())) {
            assertThatThrownBy(() -> m.loadEnvironmentConfig("staging"))
                    .isInstanceOf(ConfigResolveException.class)
                    .hasMessageContaining("base.yaml")
                    .hasMessageContaining("db.host");
            assertThat(m.getActiveEnvironment()).isEmpty();
        }
    }

    @Test
    void aProvidersWarningsReachListenersAfterEachSuccessfulLoadOnly() throws Exception {
        write(dir, "staging.yaml", "a: 1\n");
        java.util.concurrent.atomic.AtomicBoolean broken = new java.util.concurrent.atomic.AtomicBoolean();
        LayerProvider provider = ctx -> {
            ctx.warn("override docker skipped: requires environment in [development], loading " + ctx.environment(),
                    Origin.of("overrides/docker.yml"));
            if (broken.get()) {
                throw new ConfigSourceException(Origin.of("overrides/docker.yml", 2, 3), null, "unreadable");
            }
            return List.of();
        };
        List<ConfigWarningEvent> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (ConfigurationManager m = new ConfigurationManager(options(dir).addLayerProvider(provider).build())) {
            m.addChangeListener(new ConfigChangeListener() {
                @Override
                public void onChange(ConfigChangeEvent event) {
                }

                @Override
                public void onWarning(ConfigWarningEvent event) {
                    warnings.add(event);
                }
            });
            m.loadEnvironmentConfig("staging");
            m.reload(); // identical content: no new version, the warning still holds and is said again
            broken.set(true);
            assertThatThrownBy(m::reload).isInstanceOf(ConfigSourceException.class);
            broken.set(false);
            write(dir, "staging.yaml", "a: 2\n");
            m.reload();
        }
        // close() delivered the queued events; the refused reload raised none.
        assertThat(warnings).hasSize(3).allSatisfy(w -> {
            assertThat(w.message()).isEqualTo("override docker skipped: requires environment in [development], "
                    + "loading staging");
            assertThat(w.origin()).contains(Origin.of("overrides/docker.yml"));
        });
    }

    @Test
    void failingLayerProviderOnReloadKeepsTheLastGoodSnapshot() {
        write(dir, "staging.yaml", "a: 1\n");
        java.util.concurrent.atomic.AtomicBoolean broken = new java.util.concurrent.atomic.AtomicBoolean();
        LayerProvider provider = ctx -> {
            if (broken.get()) {
                throw new ConfigSourceException(Origin.of("profiles/high-volume.yaml", 3, 7), null, "profile unreadable");
            }
            return List.of();
        };
        try (ConfigurationManager m = new ConfigurationManager(options(dir).addLayerProvider(provider).build())) {
            m.loadEnvironmentConfig("staging");
            broken.set(true);
            write(dir, "staging.yaml", "a: 2\n");
            assertThatThrownBy(m::reload).isInstanceOf(ConfigSourceException.class)
                    .hasMessageContaining("profiles/high-volume.yaml:3:7");
            assertThat(m.current().version()).isEqualTo(1);
            assertThat(m.configuration().getInt("a")).isEqualTo(1);
            broken.set(false);
            assertThat(m.reload().version()).isEqualTo(2);
        }
    }

    @Test
    void currentBeforeLoadIsAnIllegalState() {
        try (ConfigurationManager m = new ConfigurationManager(options(dir).build())) {
            assertThatThrownBy(m::current).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> m.updateConfig("a", 1)).isInstanceOf(IllegalStateException.class);
            assertThat(m.getActiveEnvironment()).isEmpty();
        }
    }

    @Test
    void contentHashIgnoresKeyOrderAndComments() {
        write(dir, "base.yaml", "a: 1\nb: 2\n");
        write(dir, "staging.yaml", "");
        try (ConfigurationManager m = new ConfigurationManager(options(dir).build())) {
            m.loadEnvironmentConfig("staging");
            String h1 = m.current().contentHash();
            write(dir, "base.yaml", "# comment\nb: 2\na: 1\n");
            m.reload();
            assertThat(m.current().contentHash()).isEqualTo(h1).matches("[0-9a-f]{64}");
            assertThat(m.current().version()).isEqualTo(1);
        }
    }
}
