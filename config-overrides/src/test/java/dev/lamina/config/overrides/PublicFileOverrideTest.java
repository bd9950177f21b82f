package dev.lamina.config.overrides;

import static dev.lamina.config.overrides.Files2.options;
import static dev.lamina.config.overrides.Files2.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.ConfigRenderer;
import dev.lamina.config.Configuration;
import dev.lamina.config.ConfigurationManager;
import dev.lamina.config.RenderFormat;

/**
 * A Spring Boot profile file used as an override as a new user would drop it in, in the shape of Spring PetClinic's
 * {@code application-postgres.yml} (our own text; the real file was tried by hand): no {@code _metadata}, a
 * datasource with a password, nested JPA properties.
 */
class PublicFileOverrideTest {

    private static final String PETCLINIC_POSTGRES = """
            spring:
              datasource:
                url: jdbc:postgresql://localhost:5432/catalogue
                username: catalogue
                password: catalogue-dev
                driver-class-name: org.postgresql.Driver
              jpa:
                hibernate:
                  ddl-auto: update
                properties:
                  hibernate:
                    dialect: org.hibernate.dialect.PostgreSQLDialect
              sql:
                init:
                  mode: never

            server:
              port: 8080
            """;

    @TempDir
    Path dir;

    @Test
    void aFileWithoutMetadataAppliesAtTheDefaultPriorityWithSecretsMasked() {
        write(dir, "base.yaml", "server:\n  port: 9966\nspring:\n  sql:\n    init:\n      mode: always\n");
        write(dir, "staging.yaml", "");
        write(dir, "overrides/postgres.yml", PETCLINIC_POSTGRES);
        try (ConfigurationManager m = new ConfigurationManager(options(dir, Map.of("CONFIG_OVERRIDE_TYPE", "postgres"))
                .build())) {
            Configuration c = m.loadEnvironmentConfig("staging");
            assertThat(c.getInt("server.port")).isEqualTo(8080);
            assertThat(c.getString("spring.sql.init.mode")).isEqualTo("never");
            assertThat(c.getString("spring.datasource.driver-class-name")).isEqualTo("org.postgresql.Driver");
            assertThat(c.explain("server.port").reason()).startsWith("override postgres (priority 100) ("
                    + dir.resolve("overrides/postgres.yml") + ":18:9)");
            assertThat(c.isSecret("spring.datasource.password")).isTrue();
            assertThat(ConfigRenderer.render(c, RenderFormat.YAML, ConfigRenderer.Options.defaults()))
                    .contains("password: \"***\"").doesNotContain("catalogue-dev");
        }
        OverrideManager overrides = new OverrideManager(dir.resolve("overrides"));
        assertThat(overrides.names()).isEqualTo(List.of("postgres"));
        OverrideFile file = overrides.loadOverrideFile(dir.resolve("overrides/postgres.yml"));
        assertThat(file.metadata().priority()).isEqualTo(100);
        assertThat(file.metadata().conditions().isEmpty()).isTrue();
    }
}
