package dev.lamina.config.overrides;

import static dev.lamina.config.overrides.Files2.options;
import static dev.lamina.config.overrides.Files2.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.ConfigChangeEvent;
import dev.lamina.config.ConfigChangeListener;
import dev.lamina.config.ConfigException;
import dev.lamina.config.ConfigRenderer;
import dev.lamina.config.Configuration;
import dev.lamina.config.ConfigurationManager;
import dev.lamina.config.ConfigurationOptions;
import dev.lamina.config.ConfigWarningEvent;
import dev.lamina.config.Layer;
import dev.lamina.config.LayerKind;
import dev.lamina.config.RenderFormat;

class OverrideLayerProviderTest {

    @TempDir
    Path dir;

    @BeforeEach
    void base() {
        write(dir, "base.yaml", "deployment:\n  container: true\ndatabase:\n  host: db\n  port: 5432\nx: base\n");
        write(dir, "development.yaml", "y: dev\n");
        write(dir, "production.yaml", "y: prod\n");
    }

    private Configuration load(String env, List<String> overrides, Map<String, String> vars) {
        ConfigurationOptions.Builder b = options(dir, vars).addLayerProvider(new OverrideLayerProvider(overrides));
        try (ConfigurationManager m = new ConfigurationManager(b.build())) {
            return m.loadEnvironmentConfig(env);
        }
    }

    @Test
    void higherPriorityAppliesLaterAndWins() {
        write(dir, "overrides/a.yaml", "_metadata:\n  priority: 60\nx: a\n");
        write(dir, "overrides/b.yaml", "_metadata:\n  priority: 40\nx: b\n");
        Configuration c = load("development", List.of("a", "b"), Map.of());
        assertThat(c.getString("x")).isEqualTo("a");
        assertThat(c.explain("x").winner().orElseThrow().describe())
                .isEqualTo("override a (priority 60) (" + dir.resolve("overrides/a.yaml") + ":3:4)");
        assertThat(c.explain("x").winner().orElseThrow().metadata().kind()).isEqualTo(LayerKind.OVERRIDE);
    }

    @Test
    void tiesAreBrokenByName() {
        write(dir, "overrides/zeta.yaml", "_metadata:\n  priority: 50\nx: zeta\n");
        write(dir, "overrides/alpha.yaml", "_metadata:\n  priority: 50\nx: alpha\n");
        assertThat(load("development", List.of("zeta", "alpha"), Map.of()).getString("x")).isEqualTo("zeta");
        assertThat(load("development", List.of("alpha", "zeta"), Map.of()).getString("x")).isEqualTo("zeta");
    }

    @Test
    void dependencyAppliesFirstEvenWithAHigherPriority() {
        write(dir, "overrides/local.yaml", "_metadata:\n  priority: 900\nx: local\nz: local\n");
        write(dir, "overrides/docker.yaml", "_metadata:\n  priority: 50\n  depends_on: [local]\nx: docker\n");
        Configuration c = load("development", List.of("docker"), Map.of());
        assertThat(c.getString("x")).isEqualTo("docker");
        assertThat(c.getString("z")).isEqualTo("local");
    }

    @Test
    void dependsOnCycleIsRejectedNamingTheFiles() {
        write(dir, "overrides/a.yaml", "_metadata:\n  depends_on: [b]\n");
        write(dir, "overrides/b.yaml", "_metadata:\n  depends_on: [a]\n");
        assertThatThrownBy(() -> load("development", List.of("a"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("cycle: a -> b -> a")
                .hasMessageContaining("a.yaml").hasMessageContaining("b.yaml:2:16");
    }

    @Test
    void unknownDependencyFailsWithFileLineAndColumn() {
        write(dir, "overrides/a.yaml", "_metadata:\n  depends_on: [locl]\n");
        write(dir, "overrides/local.yaml", "x: 1\n");
        assertThatThrownBy(() -> load("development", List.of("a"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("a.yaml:2:16")
                .hasMessageContaining("unknown override 'locl'")
                .hasMessageContaining("did you mean 'local'?");
    }

    @Test
    void unknownMetadataKeyFailsWithFileLineAndColumn() {
        write(dir, "overrides/a.yaml", "_metadata:\n  priority: 5\n  ownr: me\n");
        assertThatThrownBy(() -> load("development", List.of("a"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("a.yaml:3:9 _metadata.ownr: unknown metadata key")
                .hasMessageContaining("did you mean 'owner'?");
    }

    @Test
    void unknownConditionFails() {
        write(dir, "overrides/a.yaml", "_metadata:\n  conditions:\n    environment: [development]\n");
        assertThatThrownBy(() -> load("development", List.of("a"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("a.yaml:3:18 _metadata.conditions.environment: unknown condition")
                .hasMessageContaining("did you mean 'environments'?");
    }

    @Test
    void priorityOutOfRangeFails() {
        write(dir, "overrides/a.yaml", "_metadata:\n  priority: 1001\n");
        assertThatThrownBy(() -> load("development", List.of("a"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("a.yaml:2:13 _metadata.priority: priority 1001 is outside 0..1000");
        write(dir, "overrides/a.yaml", "_metadata:\n  priority: high\n");
        assertThatThrownBy(() -> load("development", List.of("a"), Map.of()))
                .hasMessageContaining("a.yaml:2:13").hasMessageContaining("expected an integer 0..1000");
    }

    @Test
    void unknownSelectedOverrideListsTheKnownOnes() {
        write(dir, "overrides/docker.yaml", "x: 1\n");
        assertThatThrownBy(() -> load("development", List.of("dokcer"), Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown override 'dokcer'")
                .hasMessageContaining("docker")
                .hasMessageContaining("did you mean 'docker'?");
    }

    @Test
    void metadataIsNeverRendered() {
        write(dir, "overrides/docker.yaml", "_metadata:\n  description: Docker stack\n  owner: platform\nx: d\n");
        Configuration c = load("development", List.of("docker"), Map.of());
        assertThat(c.hasPath("_metadata")).isFalse();
        assertThat(ConfigRenderer.render(c, RenderFormat.JSON, ConfigRenderer.Options.defaults()))
                .doesNotContain("_metadata").doesNotContain("platform");
    }

    @Test
    void environmentConditionTrueAndFalse() {
        write(dir, "overrides/docker.yaml", """
                _metadata:
                  priority: 50
                  conditions:
                    environments: [development, testing]
                x: docker
                """);
        assertThat(load("development", List.of("docker"), Map.of()).getString("x")).isEqualTo("docker");
        Configuration prod = load("production", List.of("docker"), Map.of());
        assertThat(prod.getString("x")).isEqualTo("base");
        Layer skipped = prod.layers().stream().filter(l -> l.metadata().kind() == LayerKind.OVERRIDE).findFirst()
                .orElseThrow();
        assertThat(skipped.root().isEmpty()).isTrue();
        assertThat(skipped.metadata().description()).isEqualTo("override docker (priority 50) skipped: requires "
                + "environment in [development, testing], loading production");
    }

    @Test
    void aSkippedOverrideIsAWarningEventToListeners() {
        write(dir, "overrides/docker.yaml", """
                _metadata:
                  priority: 50
                  conditions:
                    environments: [development, testing]
                x: docker
                """);
        List<ConfigWarningEvent> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        ConfigChangeListener listener = new ConfigChangeListener() {
            @Override
            public void onChange(ConfigChangeEvent event) {
            }

            @Override
            public void onWarning(ConfigWarningEvent event) {
                warnings.add(event);
            }
        };
        try (ConfigurationManager m = new ConfigurationManager(options(dir, Map.of())
                .addLayerProvider(new OverrideLayerProvider(List.of("docker"))).build())) {
            m.addChangeListener(listener);
            m.loadEnvironmentConfig("development");
            m.loadEnvironmentConfig("production");
        }
        // Applied in development: no warning; skipped in production: one, naming the file and the reason.
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.message()).isEqualTo("Override docker (" + dir.resolve("overrides/docker.yaml")
                    + ") is selected but skipped: requires environment in [development, testing], loading production");
            assertThat(w.origin().orElseThrow().source()).isEqualTo(dir.resolve("overrides/docker.yaml").toString());
        });
    }

    @Test
    void envVarConditionTrueFalseAndEmpty() {
        write(dir, "overrides/docker.yaml", "_metadata:\n  conditions:\n    env_vars: [DOCKER_HOST]\nx: docker\n");
        assertThat(load("development", List.of("docker"), Map.of("DOCKER_HOST", "unix:///var/run/docker.sock"))
                .getString("x")).isEqualTo("docker");
        assertThat(skipReason(load("development", List.of("docker"), Map.of())))
                .contains("requires variable DOCKER_HOST to be set, and it is unset");
        assertThat(skipReason(load("development", List.of("docker"), Map.of("DOCKER_HOST", ""))))
                .contains("requires variable DOCKER_HOST to be set, and it is empty");
    }

    @Test
    void configConditionTrueAndFalseAgainstTheLayersBelow() {
        write(dir, "overrides/docker.yaml", "_metadata:\n  conditions:\n    config: {deployment.container: true}\nx: d\n");
        assertThat(load("development", List.of("docker"), Map.of()).getString("x")).isEqualTo("d");
        write(dir, "development.yaml", "deployment:\n  container: false\n");
        assertThat(skipReason(load("development", List.of("docker"), Map.of())))
                .contains("requires deployment.container = true, found false");
        write(dir, "development.yaml", "deployment: null\n");
        assertThat(skipReason(load("development", List.of("docker"), Map.of())))
                .contains("requires deployment.container = true, which is not set below the overrides");
    }

    @Test
    void aSecretConditionValueIsNeverQuoted() {
        write(dir, "base.yaml", "db:\n  password: hunter2\n");
        write(dir, "overrides/a.yaml", "_metadata:\n  conditions:\n    config: {db.password: letmein}\n");
        String reason = skipReason(load("development", List.of("a"), Map.of()));
        assertThat(reason).doesNotContain("hunter2").doesNotContain("letmein").contains("***");
    }

    @Test
    void dependentOfASkippedOverrideIsSkippedWithTheReason() {
        write(dir, "overrides/local.yaml", "_metadata:\n  conditions:\n    environments: [development]\nz: l\n");
        write(dir, "overrides/docker.yaml", "_metadata:\n  depends_on: [local]\nx: d\n");
        Configuration c = load("production", List.of("docker"), Map.of());
        assertThat(c.getString("x")).isEqualTo("base");
        assertThat(c.layers().stream().map(l -> l.metadata().description()))
                .anyMatch(d -> d.startsWith("override docker (priority 100) skipped: depends on local, which does not apply"));
    }

    @Test
    void configOverrideTypeVariableAndEnvironmentsFileSelect() {
        write(dir, "overrides/docker.yaml", "_metadata:\n  priority: 10\nx: docker\n");
        write(dir, "overrides/testing.yaml", "_metadata:\n  priority: 20\nq: t\n");
        assertThat(load("development", List.of(), Map.of("CONFIG_OVERRIDE_TYPE", "docker")).getString("x"))
                .isEqualTo("docker");
        write(dir, "environments.yaml", "development:\n  overrides: [testing]\nproduction: {}\n");
        Configuration c = load("development", List.of(), Map.of("CONFIG_OVERRIDE_TYPE", "docker"));
        assertThat(c.getString("x")).isEqualTo("docker");
        assertThat(c.getString("q")).isEqualTo("t");
    }

    @Test
    void anEnvironmentsSelectionIsNotInheritedThroughExtends() {
        write(dir, "overrides/docker.yaml", "x: docker\n");
        write(dir, "environments.yaml", "development:\n  overrides: [docker]\nproduction:\n  extends: development\n");
        assertThat(load("development", List.of(), Map.of()).getString("x")).isEqualTo("docker");
        Configuration prod = load("production", List.of(), Map.of());
        assertThat(prod.getString("x")).isEqualTo("base");
        assertThat(prod.getString("y")).isEqualTo("prod");
        assertThat(prod.layers()).noneMatch(l -> l.metadata().kind() == LayerKind.OVERRIDE);
    }

    @Test
    void anOverrideDeclaringFrameworksAddsToThoseBelow() {
        write(dir, "development.yaml", "compliance:\n  frameworks: [GDPR]\n");
        write(dir, "overrides/a.yaml", "_metadata:\n  priority: 1\ncompliance:\n  frameworks: [SOX]\n");
        write(dir, "overrides/b.yaml", "_metadata:\n  priority: 2\ncompliance:\n  frameworks: [HIPAA, sox]\n");
        Configuration c = load("development", List.of("b", "a"), Map.of());
        assertThat(c.getList("compliance.frameworks", String.class)).containsExactly("GDPR", "SOX", "HIPAA");
    }

    @Test
    void nothingSelectedReadsNothing() {
        write(dir, "overrides/broken.yaml", "_metadata: [\n");
        assertThat(load("development", List.of(), Map.of()).getString("x")).isEqualTo("base");
    }

    @Test
    void overridesSitAboveFilesAndBelowEnvironmentVariables() {
        write(dir, "overrides/docker.yaml", "x: docker\ny: docker\n");
        ConfigurationOptions.Builder b = options(dir, Map.of("APP_X", "env")).envPrefix("APP_")
                .addLayerProvider(new OverrideLayerProvider(List.of("docker")));
        try (ConfigurationManager m = new ConfigurationManager(b.build())) {
            Configuration c = m.loadEnvironmentConfig("development");
            assertThat(c.getString("x")).isEqualTo("env");
            assertThat(c.getString("y")).isEqualTo("docker");
        }
    }

    private static String skipReason(Configuration c) {
        return c.layers().stream().map(l -> l.metadata().description()).filter(d -> d.contains("skipped"))
                .findFirst().orElse("<not skipped>");
    }
}
