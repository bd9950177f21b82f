package dev.lamina.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ConfigurationOptionsTest {

    @Test
    void hasTheDocumentedDefaults() {
        ConfigurationOptions o = ConfigurationOptions.builder().directory(Path.of("config")).build();
        assertThat(o.historySize()).isEqualTo(100);
        assertThat(o.quietPeriod()).isEqualTo(Duration.ofMillis(200));
        assertThat(o.meterRegistry()).isEmpty();
        assertThat(o.envPrefix()).isEmpty();
        assertThat(o.persistFile()).isEmpty();
        assertThat(o.auditLog()).isEmpty();
        assertThat(o.secretPolicy()).isEqualTo(SecretPolicy.DEFAULT);
        assertThat(o.parseLimits()).isEqualTo(ParseLimits.DEFAULTS);
        assertThat(o.layerProviders()).isEmpty();
        assertThat(o.forcePolling()).isFalse();
    }

    @Test
    void aManagerRequiresADirectoryWhileALoaderUsesTheWorkingDirectory() {
        ConfigurationOptions noDirectory = ConfigurationOptions.builder().build();
        assertThat(noDirectory.hasDirectory()).isFalse();
        assertThat(noDirectory.directory()).isEqualTo(Path.of(""));
        assertThatThrownBy(() -> new ConfigurationManager(noDirectory))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("directory");
    }

    @Test
    void withValidatorReturnsAChangedCopy() {
        ConfigurationOptions o = ConfigurationOptions.builder().directory(Path.of("config")).historySize(7).build();
        ConfigValidator v = (c, e) -> java.util.List.of();
        ConfigurationOptions copy = o.withValidator(v);
        assertThat(copy.validator()).isSameAs(v);
        assertThat(copy.historySize()).isEqualTo(7);
        assertThat(o.validator()).isNotSameAs(v);
    }

    @Test
    void rejectsBadBounds() {
        ConfigurationOptions.Builder b = ConfigurationOptions.builder();
        assertThatThrownBy(() -> b.historySize(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("historySize");
        assertThatThrownBy(() -> b.tenantCacheSize(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.quietPeriod(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.pollInterval(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.envPrefix(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringLeavesTheEnvironmentOut() {
        ConfigurationOptions o = ConfigurationOptions.builder().directory(Path.of("config"))
                .environment(Map.of("DB_PASSWORD", "hunter2")).build();
        assertThat(o.toString()).doesNotContain("hunter2");
    }
}
