package dev.lamina.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Rendering a loaded {@link Configuration}: subtrees, its own secret policy, interpolated values. */
class ConfigRendererConfigurationTest {

    private static Configuration load(SecretPolicy secrets, Map<String, String> env, String yaml) {
        return new ConfigLoader(ConfigurationOptions.builder().secretPolicy(secrets).environment(env).build())
                .load(ConfigSources.string("app.yaml", Format.YAML, yaml));
    }

    private static final String YAML = """
            db:
              host: ${DB_HOST:-localhost}
              port: 5432
              pool:
                max_size: 10
              pin: 1234
            """;

    @Test
    void rendersASubtreeWithRelativeKeysInYaml() {
        Configuration config = load(SecretPolicy.DEFAULT, Map.of(), YAML);

        String out = ConfigRenderer.render(config, ConfigPath.parse("db.pool"), RenderFormat.YAML,
                ConfigRenderer.Options.defaults());

        assertThat(out).isEqualTo("max_size: 10\n");
    }

    @Test
    void rendersASubtreeWithFullPathsInProperties() {
        Configuration config = load(SecretPolicy.DEFAULT, Map.of(), YAML);

        String out = ConfigRenderer.render(config, ConfigPath.parse("db.pool"), RenderFormat.PROPERTIES,
                ConfigRenderer.Options.defaults());

        assertThat(out).isEqualTo("db.pool.max_size=10\n");
    }

    @Test
    void rendersAScalarPathAsOneValue() {
        Configuration config = load(SecretPolicy.DEFAULT, Map.of(), YAML);

        assertThat(ConfigRenderer.render(config, ConfigPath.parse("db.port"), RenderFormat.JSON,
                ConfigRenderer.Options.defaults())).isEqualTo("5432\n");
    }

    @Test
    void rejectsAnAbsentPathNamingIt() {
        Configuration config = load(SecretPolicy.DEFAULT, Map.of(), YAML);

        assertThatThrownBy(() -> ConfigRenderer.render(config, ConfigPath.parse("db.nope"), RenderFormat.YAML,
                ConfigRenderer.Options.defaults()))
                .isInstanceOf(ConfigMissingException.class)
                .hasMessageContaining("db.nope");
    }

    @Test
    void masksWhatTheConfigurationsOwnPolicyCallsSecret() {
        Configuration config = load(SecretPolicy.matching("pin"), Map.of(), YAML);

        String out = ConfigRenderer.render(config, RenderFormat.YAML, ConfigRenderer.Options.defaults());

        assertThat(out).contains("pin: \"***\"").doesNotContain("1234");
    }

    @Test
    void writesAnInterpolatedValueAsAStringWithTheOriginOfItsExpression() {
        Configuration config = load(SecretPolicy.DEFAULT, Map.of("DB_HOST", "db.internal"), YAML);

        String out = ConfigRenderer.render(config, ConfigPath.parse("db.host"), RenderFormat.JSON,
                ConfigRenderer.Options.defaults().withOrigins(true));

        assertThat(out).isEqualTo("{\"value\": \"db.internal\", \"origin\": \"app.yaml:2:9\"}\n");
    }
}
