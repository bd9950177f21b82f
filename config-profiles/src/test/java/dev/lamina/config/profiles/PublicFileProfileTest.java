package dev.lamina.config.profiles;

import static dev.lamina.config.profiles.Files2.options;
import static dev.lamina.config.profiles.Files2.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.ConfigException;
import dev.lamina.config.Configuration;
import dev.lamina.config.ConfigurationManager;

/**
 * A Spring Boot profile file used as a user profile, as a Spring Boot user would try first, in the shape of Spring
 * PetClinic's {@code application-postgres.properties} (our own text; the real file was tried by hand): Spring's
 * {@code ${NAME:default}} placeholders and dotted keys.
 */
class PublicFileProfileTest {

    private static final String PETCLINIC_POSTGRES = """
            database=postgres
            spring.datasource.url=${POSTGRES_URL:jdbc:postgresql://localhost/catalogue}
            spring.datasource.username=${POSTGRES_USER:catalogue}
            spring.datasource.password=${POSTGRES_PASS:catalogue}
            # the schema scripts are safe to run twice
            spring.datasource.initialization-mode=always
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void files() {
        write(dir, "base.yaml", "server:\n  port: 9966\n");
        write(dir, "staging.yaml", "");
    }

    private Configuration load(Map<String, String> env) {
        try (ConfigurationManager m = new ConfigurationManager(options(dir, env)
                .addLayerProvider(new ProfileLayerProvider(List.of("postgres"))).build())) {
            return m.loadEnvironmentConfig("staging");
        }
    }

    @Test
    void springsPlaceholderSyntaxFailsAtTheLineThatUsesIt() {
        // ${NAME:default} is Spring's; Lamina reads ${NAME:-default} (bash), and says where, not a silent literal.
        write(dir, "profiles/postgres.properties", PETCLINIC_POSTGRES);
        assertThatThrownBy(() -> load(Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(dir.resolve("profiles/postgres.properties") + ":2:1 spring.datasource.url")
                .hasMessageContaining("':' must be followed by '-', '?' or '+'")
                .hasMessageNotContaining("catalogue}");
    }

    @Test
    void withBashDefaultsItIsAProfileWithDottedKeysAsPaths() {
        write(dir, "profiles/postgres.properties", PETCLINIC_POSTGRES.replace("_URL:", "_URL:-")
                .replace("_USER:", "_USER:-").replace("_PASS:", "_PASS:-"));
        Configuration c = load(Map.of("POSTGRES_URL", "jdbc:postgresql://db/catalogue"));
        assertThat(c.getString("database")).isEqualTo("postgres");
        assertThat(c.getString("spring.datasource.url")).isEqualTo("jdbc:postgresql://db/catalogue");
        assertThat(c.getString("spring.datasource.username")).isEqualTo("catalogue");
        assertThat(c.isSecret("spring.datasource.password")).isTrue();
        assertThat(c.explain("spring.datasource.initialization-mode").reason()).contains("profile postgres");
        assertThat(c.getInt("server.port")).isEqualTo(9966);
    }
}
