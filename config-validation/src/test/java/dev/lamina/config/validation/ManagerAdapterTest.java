package dev.lamina.config.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.ConfigValidationException;
import dev.lamina.config.ConfigurationManager;
import dev.lamina.config.ConfigurationOptions;
import dev.lamina.config.validation.rules.RulePacks;

/**
 * The engine is a core {@code ConfigValidator}, so the issue's {@code options.withValidator(validator)} works as is:
 * the shipped examples load, and an update that breaks a rule is refused with the rule's finding.
 */
class ManagerAdapterTest {

    @TempDir
    Path dir;

    private ConfigurationManager manager() throws IOException {
        Path examples = Path.of("..", "examples", "config");
        try (var files = Files.list(examples)) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        ValidationEngine validator = ValidationEngine.builder().addRules(RulePacks.all()).build();
        ConfigurationOptions options = ConfigurationOptions.builder().directory(dir).environment(Map.of()).build();
        return new ConfigurationManager(options.withValidator(validator));
    }

    @Test
    void managerWithEngineLoadsTheExamplesAndRefusesABreakingUpdate() throws IOException {
        ConfigurationManager manager = manager();
        manager.loadEnvironmentConfig("production");

        assertThatThrownBy(() -> manager.updateConfig("auto_scaling.min_replicas", 100))
                .isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining("auto_scaling.min_replicas")
                .hasMessageContaining("[performance.replica-bounds] min_replicas 100 is above max_replicas 60");
        assertThat(manager.configuration().getInt("auto_scaling.min_replicas")).isEqualTo(6);
    }

    @Test
    void anInvalidReloadKeepsThePreviousVersion() throws IOException {
        ConfigurationManager manager = manager();
        manager.loadEnvironmentConfig("production");
        long before = manager.current().version();
        Path production = dir.resolve("production.yaml");
        // min_replicas above max_replicas breaks performance.replica-bounds.
        Files.writeString(production, Files.readString(production).replace("min_replicas: 6", "min_replicas: 100"));

        assertThatThrownBy(manager::reload)
                .isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining("performance.replica-bounds");
        assertThat(manager.current().version()).isEqualTo(before);
        assertThat(manager.configuration().getInt("auto_scaling.min_replicas")).isEqualTo(6);
    }

    @Test
    void aLiteralPasswordIsRefusedWhileAReferenceToOneIsAccepted() throws IOException {
        ConfigurationManager manager = manager();
        // base.yaml writes database.password as ${DB_PASSWORD:-...}: the manager hands the written layers to the
        // engine, so the resolved value is not mistaken for a literal.
        manager.loadEnvironmentConfig("production");
        long before = manager.current().version();

        assertThatThrownBy(() -> manager.updateConfig("database.password", "hunter2-literal"))
                .isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining("security.plaintext-secret")
                .hasMessageNotContaining("hunter2-literal");
        assertThat(manager.current().version()).isEqualTo(before);
        manager.updateConfig("database.password", "${DB_PASSWORD_V2:-rotated}");
        assertThat(manager.current().version()).isEqualTo(before + 1);
    }
}
