package dev.lamina.config.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.ConfigException;
import dev.lamina.config.Configuration;
import dev.lamina.config.ConfigurationManager;
import dev.lamina.config.ConfigurationOptions;

/**
 * Spring Boot files migrated to a Lamina directory, then loaded as a service would, giving the values Spring Boot
 * gives for the same active profile.
 */
class SpringBootMigrationTest {

    @TempDir
    Path dir;

    /**
     * Modelled on spring-petclinic's {@code src/main/resources/application.properties} and
     * {@code application-mysql.properties} / {@code application-postgres.properties}
     * (github.com/spring-projects/spring-petclinic): a {@code database} key used in {@code ${database}} placeholders,
     * and profile files whose datasource settings are {@code ${MYSQL_URL:jdbc:mysql://localhost/petclinic}}.
     * Written for this test, not copied.
     */
    @Test
    void petclinicStylePropertiesWithProfileFilesLoadAsSpringWouldResolveThem() throws IOException {
        Path base = write("application.properties", """
                # database init, supports mysql too
                database=h2
                spring.sql.init.schema-locations=classpath*:db/${database}/schema.sql
                spring.sql.init.data-locations=classpath*:db/${database}/data.sql
                # Web
                spring.thymeleaf.mode=HTML
                # JPA
                spring.jpa.hibernate.ddl-auto=none
                spring.jpa.open-in-view=false
                # Actuator
                management.endpoints.web.exposure.include=*
                # Logging
                logging.level.org.springframework=INFO
                spring.web.resources.cache.cachecontrol.max-age=12h
                """);
        Path mysql = write("application-mysql.properties", """
                database=mysql
                spring.datasource.url=${MYSQL_URL:jdbc:mysql://localhost/petclinic}
                spring.datasource.username=${MYSQL_USER:petclinic}
                spring.datasource.password=${MYSQL_PASS:petclinic}
                # SQL is written to be idempotent so this is safe
                spring.sql.init.mode=always
                logging.level.org.springframework.web=DEBUG
                """);
        Path postgres = write("application-postgres.properties", """
                database=postgres
                spring.datasource.url=${POSTGRES_URL:jdbc:postgresql://localhost/petclinic}
                spring.datasource.username=${POSTGRES_USER:petclinic}
                spring.datasource.password=${POSTGRES_PASS:petclinic}
                spring.sql.init.mode=always
                """);
        Migration m = LegacyConfigMigrator.create().migrateSpringBoot(List.of(mysql, base, postgres));
        assertThat(m.texts()).containsOnlyKeys("base.yaml", "mysql.yaml", "postgres.yaml");
        assertThat(m.text("mysql.yaml").orElseThrow()).contains("${MYSQL_URL:-jdbc:mysql://localhost/petclinic}");
        Path out = dir.resolve("lamina");
        m.writeTo(out);

        Configuration h2 = load(out, "base-only", Map.of());
        assertThat(h2.getString("spring.sql.init.schema-locations")).isEqualTo("classpath*:db/h2/schema.sql");
        Configuration my = load(out, "mysql", Map.of());
        assertThat(my.getString("spring.sql.init.schema-locations")).isEqualTo("classpath*:db/mysql/schema.sql");
        assertThat(my.getString("spring.datasource.url")).isEqualTo("jdbc:mysql://localhost/petclinic");
        assertThat(my.getString("spring.jpa.hibernate.ddl-auto")).isEqualTo("none");
        assertThat(my.getString("management.endpoints.web.exposure.include")).isEqualTo("*");
        // logging.level is a map: "org.springframework" (base) and "org.springframework.web" (mysql) are two keys,
        // so the profile's deeper logger does not turn the base logger's level into a parent and lose it.
        assertThat(my.getString("logging.level.\"org.springframework\"")).isEqualTo("INFO");
        assertThat(my.getString("logging.level.\"org.springframework.web\"")).isEqualTo("DEBUG");
        assertThat(m.text("base.yaml").orElseThrow()).contains("\"org.springframework\": INFO");
        Configuration myFromEnv = load(out, "mysql", Map.of("MYSQL_URL", "jdbc:mysql://db.internal/pc"));
        assertThat(myFromEnv.getString("spring.datasource.url")).isEqualTo("jdbc:mysql://db.internal/pc");
        Configuration pg = load(out, "postgres", Map.of());
        assertThat(pg.getString("spring.sql.init.data-locations")).isEqualTo("classpath*:db/postgres/data.sql");
    }

    /**
     * Modelled on a JHipster-generated {@code application.yml} (github.com/jhipster/generator-jhipster, the
     * server templates): camelCase keys such as {@code clientApp}, a list of exposed actuator endpoints,
     * {@code spring.profiles.group}, Hibernate properties passed through as map keys, and profile documents. The
     * profile expressions are Spring Boot's ({@code prod & !eu}, {@code eu | asia}). Written for this test.
     */
    @Test
    void multiDocumentYamlWithProfileExpressionsSplitsAsFarAsAStaticSplitAllows() throws IOException {
        Path yml = write("application.yml", """
                # ===================================================================
                # Spring Boot configuration.
                # ===================================================================
                spring:
                  application:
                    name: jhipsterSampleApplication
                  profiles:
                    active: dev
                    group:
                      dev:
                        - dev
                        - api-docs
                  jpa:
                    open-in-view: false
                    properties:
                      hibernate.jdbc.time_zone: UTC
                      hibernate.id.new_generator_mappings: true
                management:
                  endpoints:
                    web:
                      base-path: /management
                      exposure:
                        include: ['configprops', 'env', 'health', 'info', 'jhimetrics', 'logfile']
                server:
                  servlet:
                    session:
                      cookie:
                        http-only: true
                jhipster:
                  clientApp:
                    name: 'jhipsterSampleApplicationApp'
                  mail:
                    from: jhipster@localhost
                  security:
                    remember-me:
                      key: ${random.value}
                ---
                spring:
                  config:
                    activate:
                      on-profile: dev
                server:
                  port: 8080
                management.endpoints.web.exposure.include: ['health']
                ---
                spring.config.activate.on-profile: prod & !eu
                server.port: 80
                ---
                spring.config.activate.on-profile: eu | asia
                jhipster:
                  mail:
                    from: noreply@${MAIL_DOMAIN:example.eu}
                """);
        Path prod = write("application-prod.yml", """
                logging:
                  level:
                    ROOT: INFO
                    tech.jhipster: INFO
                server:
                  port: 8081
                  compression:
                    enabled: true
                    mime-types: text/html,text/xml
                """);
        Migration m = LegacyConfigMigrator.create().migrateSpringBoot(List.of(yml, prod));
        assertThat(m.texts()).containsOnlyKeys("base.yaml", "dev.yaml", "eu.yaml", "asia.yaml", "prod.yaml");
        assertThat(m.notes()).anySatisfy(n -> assertThat(n).contains("prod & !eu", "server.port", "application.yml:46:1"));
        assertThat(m.notes()).anySatisfy(n -> assertThat(n).contains("${random.value}"));
        assertThat(m.notes()).anySatisfy(n -> assertThat(n).contains("spring.profiles.group.dev", "dropped"));
        Path out = dir.resolve("lamina");
        m.writeTo(out);

        Configuration dev = load(out, "dev", Map.of());
        assertThat(dev.getString("jhipster.client-app.name")).isEqualTo("jhipsterSampleApplicationApp");
        assertThat(dev.getInt("server.port")).isEqualTo(8080);
        // A profile's list replaces the base list whole, as Spring's Binder does.
        assertThat(dev.getList("management.endpoints.web.exposure.include", String.class))
                .contains("health").doesNotContain("configprops");
        assertThat(dev.getString("spring.jpa.properties.\"hibernate.jdbc.time_zone\"")).isEqualTo("UTC");
        assertThat(dev.hasPath("spring.profiles")).isFalse();
        assertThat(dev.getString("jhipster.security.remember-me.key")).isEqualTo("${random.value}");

        Configuration prodConfig = load(out, "prod", Map.of());
        assertThat(prodConfig.getInt("server.port")).isEqualTo(8081);
        assertThat(prodConfig.getString("logging.level.ROOT")).isEqualTo("INFO");
        assertThat(prodConfig.getString("logging.level.\"tech.jhipster\"")).isEqualTo("INFO");
        assertThat(prodConfig.getString("management.endpoints.web.exposure.include[5]")).isEqualTo("logfile");

        assertThat(load(out, "eu", Map.of()).getString("jhipster.mail.from")).isEqualTo("noreply@example.eu");
        assertThat(load(out, "asia", Map.of("MAIL_DOMAIN", "example.asia")).getString("jhipster.mail.from"))
                .isEqualTo("noreply@example.asia");
    }

    @Test
    void relaxedNamesOfOneKeyMergeAndReferencesBecomeRefs() throws IOException {
        Path props = write("application.properties", """
                app.maxPoolSize=5
                app.cache_ttl=30s
                app.url=http://${app.host-name}:${SERVER_PORT:8080}/x
                app.hostName=localhost
                app.price=$5
                #---
                spring.config.activate.on-profile=staging
                app.max-pool-size=50
                """);
        Migration m = LegacyConfigMigrator.create().migrateSpringBoot(List.of(props));
        Path out = dir.resolve("lamina");
        m.writeTo(out);
        Configuration staging = load(out, "staging", Map.of());
        assertThat(staging.getInt("app.max-pool-size")).isEqualTo(50);
        assertThat(staging.getString("app.cache-ttl")).isEqualTo("30s");
        assertThat(staging.getString("app.url")).isEqualTo("http://localhost:8080/x");
        assertThat(staging.getString("app.price")).isEqualTo("$5");
    }

    @Test
    void aFileThatIsNotASpringApplicationFileIsRefused() throws IOException {
        Path other = write("bootstrap.yml", "a: 1\n");
        assertThatThrownBy(() -> LegacyConfigMigrator.create().migrateSpringBoot(List.of(other)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not a Spring Boot application file");
        Path profileNamedBase = write("application-base.yml", "a: 1\n");
        assertThat(LegacyConfigMigrator.create().migrateSpringBoot(List.of(profileNamedBase)).notes())
                .anySatisfy(n -> assertThat(n).contains("profile 'base' cannot be a Lamina environment name"));
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static Configuration load(Path dir, String env, Map<String, String> vars) throws IOException {
        if (!Files.exists(dir.resolve(env + ".yaml")) && !Files.exists(dir.resolve("environments.yaml"))) {
            Files.writeString(dir.resolve("environments.yaml"), env + ": {}\n");
        }
        try (ConfigurationManager manager = new ConfigurationManager(ConfigurationOptions.builder().directory(dir)
                .environment(vars).build())) {
            return manager.loadEnvironmentConfig(env);
        }
    }
}
