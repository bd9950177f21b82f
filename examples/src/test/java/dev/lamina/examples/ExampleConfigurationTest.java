package dev.lamina.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import dev.lamina.config.ConfigLoader;
import dev.lamina.config.ConfigSources;
import dev.lamina.config.Configuration;
import dev.lamina.config.ConfigurationManager;
import dev.lamina.config.ConfigurationOptions;
import dev.lamina.config.flags.EvaluationContext;
import dev.lamina.config.flags.FlagDefinitions;
import dev.lamina.config.flags.FlagEvaluator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped example configuration loads under every hardening rule, and each environment overrides what it should. */
class ExampleConfigurationTest {

    private static final Path DIR = Path.of("examples/config");

    private static Configuration load(String env) {
        return new ConfigLoader(ConfigurationOptions.builder().directory(DIR).build())
                .load(List.of(ConfigSources.directory(DIR, env)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void everyEnvironmentLoadsWithTypedValues(String env) {
        Configuration config = load(env);

        assertThat(config.getInt("database.pool.max_size")).isPositive();
        assertThat(config.getDuration("health_monitoring.liveness.period").toSeconds()).isEqualTo(10);
        assertThat(config.getSize("caching_layers.l1.size").bytes()).isPositive();
        assertThat(config.getList("recommendation_engine.models.deep_neural_network.hidden_layers", Integer.class))
                .containsExactly(512, 256, 128);
        assertThat(config.isSecret("database.password")).isTrue();
    }

    @Test
    void productionExtendsStagingThroughTheManager() {
        try (ConfigurationManager manager = new ConfigurationManager(
                ConfigurationOptions.builder().directory(DIR).build())) {
            Configuration config = manager.loadEnvironmentConfig("production");

            assertThat(config.explain("database.pool.max_size").candidates())
                    .extracting(c -> c.origin().source())
                    .containsExactly("examples/config/base.yaml", "examples/config/staging.yaml",
                            "examples/config/production.yaml");
            assertThat(config.getInt("data_sources.elasticsearch_cluster.replicas")).isEqualTo(2);
            assertThat(config.getBoolean("feature_flags.experimental_ml_models.enabled")).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "staging", "production"})
    void featureFlagsAndExperimentsCompileInEveryEnvironment(String env) {
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

        FlagEvaluator flags = FlagDefinitions.compile(load(env), clock);

        assertThat(flags.hasFlag("enhanced_anomaly_detection")).isTrue();
        assertThat(flags.hasFlag("advanced_audio_analytics")).isTrue();
        EvaluationContext premium = EvaluationContext.builder().userId("user-42").attribute("user_segment", "premium")
                .build();
        assertThat(flags.isEnabled("advanced_audio_analytics", premium)).isTrue();
        assertThat(flags.isEnabled("advanced_audio_analytics", EvaluationContext.ofUser("user-42"))).isFalse();
        assertThat(flags.assign("recommendation_algorithm_v2", premium).enrolled()).isTrue();
        assertThat(flags.integerValue("streaming_bitrate_kbps", premium, 0)).isEqualTo(320);
        assertThat(flags.integerValue("streaming_bitrate_kbps", EvaluationContext.ofUser("user-42"), 0)).isEqualTo(160);
    }

    @ParameterizedTest
    @CsvSource({"development,5,1,DEBUG", "staging,40,6,DEBUG", "production,200,60,WARN"})
    void environmentsOverrideWhatDiffers(String env, int maxPool, int maxReplicas, String logLevel) {
        Configuration config = load(env);

        assertThat(config.getInt("database.pool.max_size")).isEqualTo(maxPool);
        assertThat(config.getInt("auto_scaling.max_replicas")).isEqualTo(maxReplicas);
        assertThat(config.getString("service.log_level")).isEqualTo(logLevel);
        assertThat(config.getInt("user_segments.premium.priority")).isEqualTo(1);
    }
}
