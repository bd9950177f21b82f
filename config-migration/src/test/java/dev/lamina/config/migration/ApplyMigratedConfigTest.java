package dev.lamina.config.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigValidationException;
import dev.lamina.config.Configuration;
import dev.lamina.config.ConfigurationManager;
import dev.lamina.config.ConfigurationOptions;
import dev.lamina.config.Snapshot;
import dev.lamina.config.ValidationProblem;

/** A migrated configuration published on a running manager: validated, versioned, audited, and undone by rollback. */
class ApplyMigratedConfigTest {

    @TempDir
    Path dir;

    private Path config() throws IOException {
        Path c = Files.createDirectories(dir.resolve("config"));
        Files.writeString(c.resolve("base.yaml"), "server:\n  port: 8080\n");
        Files.writeString(c.resolve("production.yaml"), "server:\n  host: old.internal\n");
        return c;
    }

    @Test
    void aMigratedPropertiesFileIsPublishedAsANewVersionAndRolledBack() throws IOException {
        Path legacy = Files.writeString(dir.resolve("app.properties"),
                "server.port=9090\nserver.host=${LAMINA_TEST_MIGRATED_HOST:legacy.internal}\ndb.pool.max_size=20\n");
        Migration m = LegacyConfigMigrator.create().migrateFromLegacy(legacy);
        try (ConfigurationManager manager = new ConfigurationManager(ConfigurationOptions.builder()
                .directory(config()).build())) {
            manager.loadEnvironmentConfig("production");
            long loaded = manager.current().version();

            Snapshot s = manager.applyMigratedConfig(m.configuration("production"));

            assertThat(s.version()).isEqualTo(loaded + 1);
            assertThat(s.change().why()).isEqualTo("applyMigratedConfig");
            Configuration c = manager.configuration();
            assertThat(c.getInt("server.port")).isEqualTo(9090);
            assertThat(c.getString("server.host")).isEqualTo("legacy.internal");
            assertThat(c.getInt("db.pool.max_size")).isEqualTo(20);
            assertThat(c.explain("server.port").candidates()).singleElement()
                    .satisfies(cand -> assertThat(cand.layer()).contains("migrated base.yaml"));
            assertThat(manager.history()).extracting(v -> v.change().why()).endsWith("applyMigratedConfig");

            manager.rollback(loaded);
            assertThat(manager.configuration().getString("server.host")).isEqualTo("old.internal");
            assertThat(manager.configuration().hasPath("db.pool.max_size")).isFalse();
        }
    }

    @Test
    void aMigratedConfigurationTheValidatorRefusesChangesNothing() throws IOException {
        Path legacy = Files.writeString(dir.resolve("app.properties"), "server.port=-1\n");
        Migration m = LegacyConfigMigrator.create().migrateFromLegacy(legacy);
        try (ConfigurationManager manager = new ConfigurationManager(ConfigurationOptions.builder().directory(config())
                .validator((candidate, env) -> candidate.getInt("server.port") > 0 ? List.of()
                        : List.of(new ValidationProblem(ConfigPath.parse("server.port"), Optional.empty(),
                        "a port must be positive", Optional.of("use 1-65535"), true)))
                .build())) {
            manager.loadEnvironmentConfig("production");
            long loaded = manager.current().version();

            assertThatThrownBy(() -> manager.applyMigratedConfig(m.configuration("production")))
                    .isInstanceOf(ConfigValidationException.class).hasMessageContaining("a port must be positive");
            assertThat(manager.current().version()).isEqualTo(loaded);
            assertThat(manager.configuration().getInt("server.port")).isEqualTo(8080);
        }
    }

    @Test
    void aSpringProfileIsMergedOverItsBase() throws IOException {
        Path base = Files.writeString(dir.resolve("application.properties"), "server.port=8080\napp.name=music\n");
        Path prod = Files.writeString(dir.resolve("application-prod.properties"), "server.port=80\n");
        Migration m = LegacyConfigMigrator.create().migrateSpringBoot(List.of(base, prod));
        assertThat(m.configuration("prod").getInt("server.port")).isEqualTo(80);
        assertThat(m.configuration("prod").getString("app.name")).isEqualTo("music");
        assertThat(m.configuration("base").getInt("server.port")).isEqualTo(8080);
    }
}
