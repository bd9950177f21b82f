package dev.lamina.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, tried as a new user would: a Spring Boot {@code application.properties} in the shape of
 * spring-petclinic's (our own text; the real file was tried by hand). Its dotted keys are paths, so a YAML file
 * above it overrides them written nested or dotted; its Spring placeholder {@code ${database}} (another key, in
 * Spring) is an environment variable in Lamina, and the error says to write {@code ${ref:database}} instead of only
 * "export database".
 */
class SpringPetclinicPropertiesTest {

    private static final String PETCLINIC = """
            # catalogue database, h2 for local runs
            database=h2
            spring.sql.init.schema-locations=classpath*:db/${database}/schema.sql
            spring.sql.init.data-locations=classpath*:db/${database}/seed.sql

            # Templates
            spring.thymeleaf.cache=false

            # Persistence
            spring.jpa.hibernate.ddl-auto=none
            spring.jpa.open-in-view=false
            spring.jpa.properties.hibernate.default_batch_fetch_size=16

            # Operations
            management.endpoints.web.exposure.include=health,prometheus
            logging.level.org.springframework=INFO
            """;


    @TempDir
    Path dir;

    private Configuration load(String properties, String stagingYaml) throws IOException {
        Path base = Files.writeString(dir.resolve("application.properties"), properties);
        Path staging = Files.writeString(dir.resolve("staging.yaml"), stagingYaml);
        return new ConfigLoader(ConfigurationOptions.builder().directory(dir).environment(Map.of()).build())
                .load(List.of(ConfigSources.file(base), ConfigSources.file(staging)));
    }

    @Test
    void springsPlaceholderForAnotherKeyFailsSayingToWriteARef() throws IOException {
        assertThatThrownBy(() -> load(PETCLINIC, ""))
                .isInstanceOf(ConfigResolveException.class)
                .hasMessageContaining("application.properties:3:")
                .hasMessageContaining("spring.sql.init.schema-locations: variable database is not set")
                .hasMessageContaining("write ${ref:database}");
    }

    @Test
    void dottedPropertiesArePathsThatAYamlFileOverridesNestedOrDotted() throws IOException {
        Configuration config = load(PETCLINIC.replace("${database}", "${ref:database}"), """
                database: mysql
                spring:
                  jpa:
                    open-in-view: true
                logging.level.org.springframework: DEBUG
                """);

        assertThat(config.getString("spring.sql.init.schema-locations")).isEqualTo("classpath*:db/mysql/schema.sql");
        assertThat(config.getBoolean("spring.jpa.open-in-view")).isTrue();
        assertThat(config.explain("spring.jpa.open-in-view").reason()).contains("staging.yaml:4:19").contains("application.properties:11:1");
        assertThat(config.getString("logging.level.org.springframework")).isEqualTo("DEBUG");
        assertThat(config.getString("spring.jpa.hibernate.ddl-auto")).isEqualTo("none");
        assertThat(config.getInt("spring.jpa.properties.hibernate.default_batch_fetch_size")).isEqualTo(16);
        assertThat(config.getString("management.endpoints.web.exposure.include")).isEqualTo("health,prometheus");
        assertThatThrownBy(() -> config.getList("management.endpoints.web.exposure.include", String.class))
                .as("a comma-separated property is one string, never silently split")
                .isInstanceOf(ConfigTypeException.class);
    }
}
