package dev.lamina.config;

import static dev.lamina.config.ManagerFixture.options;
import static dev.lamina.config.ManagerFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manager re-parses only changed files on reload; these pin that it never serves stale content or origins. */
class ConfigurationManagerParsedCacheTest {

    @TempDir
    Path dir;

    @Test
    void reloadAfterEditingOneFileServesItsNewContentAndKeepsTheOthers() {
        write(dir, "base.yaml", "a: base\nb: base\n");
        write(dir, "staging.yaml", "b: staging-1\n");
        try (ConfigurationManager m = new ConfigurationManager(options(dir).build())) {
            m.loadEnvironmentConfig("staging");
            write(dir, "staging.yaml", "b: staging-2\n");
            Configuration c = m.reload().configuration();
            assertThat(c.getString("b")).isEqualTo("staging-2");
            assertThat(c.getString("a")).isEqualTo("base");
            assertThat(c.explain("a").winner().orElseThrow().origin().source()).endsWith("base.yaml");
        }
    }

    @Test
    void reloadAfterRevertingAFileServesTheRevertedContent() {
        write(dir, "base.yaml", "a: 1\n");
        write(dir, "staging.yaml", "b: 1\n");
        try (ConfigurationManager m = new ConfigurationManager(options(dir).build())) {
            m.loadEnvironmentConfig("staging");
            write(dir, "staging.yaml", "b: 2\n");
            assertThat(m.reload().configuration().getInt("b")).isEqualTo(2);
            write(dir, "staging.yaml", "b: 1\n");
            assertThat(m.reload().configuration().getInt("b")).isEqualTo(1);
            assertThat(m.current().version()).isEqualTo(3);
        }
    }

    @Test
    void identicalFilesKeepOriginsNamingEachFile() {
        write(dir, "base.yaml", "a: same\n");
        write(dir, "staging.yaml", "a: same\n");
        try (ConfigurationManager m = new ConfigurationManager(options(dir).build())) {
            Explanation e = m.loadEnvironmentConfig("staging").explain("a");
            assertThat(e.winner().orElseThrow().origin().source()).endsWith("staging.yaml");
            assertThat(e.candidates()).extracting(cand -> cand.origin().source())
                    .anySatisfy(s -> assertThat(s).endsWith("base.yaml"));
        }
    }

    @Test
    void editedEnvironmentsFileChangesTheInheritanceOnReload() {
        write(dir, "base.yaml", "a: base\n");
        write(dir, "staging.yaml", "a: staging\n");
        write(dir, "production.yaml", "b: production\n");
        write(dir, "environments.yaml", "production:\n  extends: staging\n");
        try (ConfigurationManager m = new ConfigurationManager(options(dir).build())) {
            assertThat(m.loadEnvironmentConfig("production").getString("a")).isEqualTo("staging");
            write(dir, "environments.yaml", "production: {}\n");
            assertThat(m.reload().configuration().getString("a")).isEqualTo("base");
        }
    }
}
