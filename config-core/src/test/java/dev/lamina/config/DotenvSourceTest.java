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

/** {@code .env} files as a source: in a configuration directory, given directly, and their errors. */
class DotenvSourceTest {

    @TempDir
    Path dir;

    @Test
    void baseEnvAndEnvironmentEnvLayerInAConfigurationDirectory() throws IOException {
        Files.writeString(dir.resolve("base.env"), """
                # shared
                DATABASE_HOST=localhost
                DATABASE_PORT=5432
                DATABASE_URL="jdbc:postgresql://${DATABASE_HOST}:${DATABASE_PORT}/music"
                DATABASE_POOL__SIZE=10
                """);
        Files.writeString(dir.resolve("staging.env"), "export DATABASE_HOST=db.staging\n");
        try (ConfigurationManager manager = new ConfigurationManager(ConfigurationOptions.builder().directory(dir)
                .environment(Map.of()).build())) {
            Configuration c = manager.loadEnvironmentConfig("staging");
            assertThat(c.getString("database.host")).isEqualTo("db.staging");
            assertThat(c.getInt("database.pool_size")).isEqualTo(10);
            // ${DATABASE_HOST} names a key defined earlier in base.env: it follows the merged value.
            assertThat(c.getString("database.url")).isEqualTo("jdbc:postgresql://db.staging:5432/music");
            assertThat(c.origin("database.port").orElseThrow().line()).isEqualTo(3);
        }
    }

    @Test
    void editingABaseEnvFileReloadsIt() throws IOException {
        Files.writeString(dir.resolve("base.env"), "POOL_SIZE=10\n");
        Files.writeString(dir.resolve("staging.env"), "NAME=staging\n");
        try (ConfigurationManager manager = new ConfigurationManager(ConfigurationOptions.builder().directory(dir)
                .environment(Map.of()).quietPeriod(java.time.Duration.ofMillis(100))
                .debounce(java.time.Duration.ofMillis(50)).pollInterval(java.time.Duration.ofMillis(50)).build())) {
            manager.loadEnvironmentConfig("staging");
            manager.enableHotReload();
            Files.writeString(dir.resolve("base.env"), "POOL_SIZE=20\n");
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15))
                    .until(() -> manager.configuration().getInt("pool.size") == 20);
        }
    }

    @Test
    void theEnvironmentWinsOverAnEarlierKeyInInterpolationAsInCompose() throws IOException {
        Path file = dir.resolve(".env");
        Files.writeString(file, "HOST=localhost\nURL=http://${HOST}\n");
        Configuration c = new ConfigLoader(ConfigurationOptions.builder().environment(Map.of("HOST", "from-env")).build())
                .load(List.of(ConfigSources.file(file)));
        assertThat(c.getString("host")).isEqualTo("localhost");
        assertThat(c.getString("url")).isEqualTo("http://from-env");
    }

    @Test
    void singleQuotesAndEscapedDollarsStayLiteral() {
        Configuration c = load("A='pa$word'\nB=\"cost \\$5 ${X:-none}\"\nC=$$HOME\n");
        assertThat(c.getString("a")).isEqualTo("pa$word");
        assertThat(c.getString("b")).isEqualTo("cost $5 none");
        assertThat(c.getString("c")).isEqualTo("$HOME");
    }

    @Test
    void twoKeysMappingToOnePathFailNamingBothLines() {
        assertThatThrownBy(() -> load("DB_HOST=a\n\ndb_host=b\n"))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageStartingWith("t.env:3:1 db.host: ")
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> load("DB=x\nDB_URL=y\n"))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageStartingWith("t.env:2:1 db.url: ")
                .hasMessageContaining("line 1");
    }

    @Test
    void aKeyWithNoPathFailsWithTheRule() {
        assertThatThrownBy(() -> load("OK=1\n_LEADING=2\n"))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageStartingWith("t.env:2:1: ")
                .hasMessageContaining("does not map to a config path");
    }

    @Test
    void textAfterAClosingQuoteIsRejected() {
        assertThatThrownBy(() -> load("A=\"x\" B=y\n"))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageStartingWith("t.env:1:7 a: ")
                .hasMessageContaining("after the closing quote");
    }

    @Test
    void secretValuesAreMaskedLikeAnyOther() {
        Configuration c = load("DB_PASSWORD=hunter2\n");
        assertThat(c.isSecret("db.password")).isTrue();
        assertThat(ConfigRenderer.render(c, RenderFormat.YAML, ConfigRenderer.Options.defaults()))
                .doesNotContain("hunter2");
    }

    @Test
    void unreadableExtensionsOfTheEnvironmentAreReported() throws IOException {
        Files.writeString(dir.resolve("base.yaml"), "a: 1\n");
        Files.writeString(dir.resolve("base.ini"), "[a]\nb=1\n");
        Files.writeString(dir.resolve("staging.conf"), "a = 2\n");
        Files.writeString(dir.resolve("README.md"), "not configuration\n");
        Files.writeString(dir.resolve("other.conf"), "another environment\n");
        assertThat(ConfigDirectories.unreadFiles(dir, "staging"))
                .containsExactly(dir.resolve("base.ini"), dir.resolve("staging.conf"));
        assertThatThrownBy(() -> new ConfigLoader().load(List.of(ConfigSources.directory(dir, "staging"))))
                .isInstanceOf(ConfigSourceException.class)
                .hasMessageContaining("staging.conf exists, but no Lamina source reads .conf files");
    }

    @Test
    void aDotEnvFileIsAlsoReadOnItsOwn() throws IOException {
        Path file = dir.resolve(".env");
        Files.writeString(file, "SERVER_PORT=8080\n");
        assertThat(new ConfigLoader().load(List.of(ConfigSources.file(file))).getInt("server.port")).isEqualTo(8080);
        assertThat(Format.fromFileName("base.env")).contains(Format.ENV);
    }

    private static Configuration load(String text) {
        return new ConfigLoader(ConfigurationOptions.builder().environment(Map.of()).build())
                .load(List.of(ConfigSources.string("t.env", Format.ENV, text)));
    }
}
