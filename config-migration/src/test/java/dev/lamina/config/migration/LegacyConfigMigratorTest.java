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
import dev.lamina.config.ConfigLoader;
import dev.lamina.config.ConfigParseException;
import dev.lamina.config.ConfigSources;
import dev.lamina.config.Configuration;
import dev.lamina.config.ConfigurationOptions;

class LegacyConfigMigratorTest {

    @TempDir
    Path dir;

    @Test
    void propertiesBecomeYamlWithEachKeysOriginAndLoadBackToTheSameValues() throws IOException {
        Path file = write("app.properties", """
                # legacy
                server.port=8080
                server.host = api.example.com
                db.url: jdbc:postgresql://db/music
                db.password=pa$word
                message=Hello \\
                    world
                greeting=${USER_NAME:friend}, port ${server.port}
                hosts[0]=a
                hosts[1]=b
                """);
        Migration m = LegacyConfigMigrator.create().migrateFromLegacy(file);
        String yaml = m.text("base.yaml").orElseThrow();
        assertThat(yaml).contains("# " + file + ":2:1", "# " + file + ":6:1");
        Configuration c = loadBack(m, Map.of());
        assertThat(c.getInt("server.port")).isEqualTo(8080);
        assertThat(c.getString("db.password")).isEqualTo("pa$word");
        assertThat(c.getString("message")).isEqualTo("Hello world");
        assertThat(c.getString("greeting")).isEqualTo("friend, port 8080");
        assertThat(c.getString("hosts[1]")).isEqualTo("b");
        assertThat(m.notes()).isEmpty();
    }

    @Test
    void aValueNextToNestedKeysIsReportedWithBothLinesAndTheFixRuleWorks() throws IOException {
        Path file = write("c.properties", "a=1\nx=2\na.b=2\n");
        assertThatThrownBy(() -> LegacyConfigMigrator.create().migrateFromLegacy(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ":3:1 a.b: ")
                .hasMessageContaining(file + ":1:1")
                .hasMessageContaining("'a -> a._value'");
        Migration fixed = LegacyConfigMigrator.withMapping("map.txt", "a -> a._value\n").migrateFromLegacy(file);
        Configuration c = loadBack(fixed, Map.of());
        assertThat(c.getString("a._value")).isEqualTo("1");
        assertThat(c.getString("a.b")).isEqualTo("2");
    }

    @Test
    void aRepeatedPropertiesKeyNamesBothLines() throws IOException {
        Path file = write("d.properties", "k=1\n\nk=2\n");
        assertThatThrownBy(() -> LegacyConfigMigrator.create().migrateFromLegacy(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ":3:1 k: ")
                .hasMessageContaining("set twice (also at " + file + ":1:1");
    }

    @Test
    void iniSectionsBecomeObjectsWithCommentsContinuationsAndRepeatedSections() throws IOException {
        Path file = write("legacy.ini", """
                ; top comment
                name = music
                [database]
                host = db.internal
                # a hash comment
                port: 5432
                [server.http]
                banner = first line
                   second line
                [database]
                user = app
                """);
        Configuration c = loadBack(LegacyConfigMigrator.create().migrateFromLegacy(file), Map.of());
        assertThat(c.getString("name")).isEqualTo("music");
        assertThat(c.getString("database.host")).isEqualTo("db.internal");
        assertThat(c.getInt("database.port")).isEqualTo(5432);
        assertThat(c.getString("database.user")).isEqualTo("app");
        assertThat(c.getString("server.http.banner")).isEqualTo("first line\nsecond line");
    }

    @Test
    void iniRejectsARepeatedKeyAndMalformedLinesWithTheirLine() throws IOException {
        Path dup = write("dup.ini", "[a]\nk=1\n[b]\nk=2\n[a]\nk=3\n");
        assertThatThrownBy(() -> LegacyConfigMigrator.create().migrateFromLegacy(dup))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageStartingWith(dup + ":6:1")
                .hasMessageContaining("first at line 2");
        Path bad = write("bad.ini", "[a]\njust words\n");
        assertThatThrownBy(() -> LegacyConfigMigrator.create().migrateFromLegacy(bad))
                .isInstanceOf(ConfigParseException.class).hasMessageStartingWith(bad + ":2:1");
        Path header = write("header.ini", "[a\n");
        assertThatThrownBy(() -> LegacyConfigMigrator.create().migrateFromLegacy(header))
                .isInstanceOf(ConfigParseException.class).hasMessageContaining("section header");
    }

    @Test
    void envFilesMigrateWithTheirInterpolationIntact() throws IOException {
        Path file = write("legacy.env", "DB_HOST=localhost\nDB_URL=\"jdbc://${DB_HOST}/x\"\nRAW='a$b'\n");
        Migration m = LegacyConfigMigrator.create().migrateFromLegacy(file);
        assertThat(loadBack(m, Map.of()).getString("db.url")).isEqualTo("jdbc://localhost/x");
        assertThat(loadBack(m, Map.of("DB_HOST", "env-host")).getString("db.url")).isEqualTo("jdbc://env-host/x");
        assertThat(loadBack(m, Map.of()).getString("raw")).isEqualTo("a$b");
    }

    @Test
    void mappingRulesRenameWithWildcards() throws IOException {
        Path file = write("w.properties", "legacy.db.host=h\nlegacy.db.port=1\nold.cache.l1.ttl=5\nkeep=1\n");
        Migration m = LegacyConfigMigrator.withMapping("m.txt", """
                # rename
                legacy.db.* -> database.*
                old.** -> caching.**
                """).migrateFromLegacy(file);
        Configuration c = loadBack(m, Map.of());
        assertThat(c.getString("database.host")).isEqualTo("h");
        assertThat(c.getString("caching.cache.l1.ttl")).isEqualTo("5");
        assertThat(c.getString("keep")).isEqualTo("1");
        assertThat(c.hasPath("legacy")).isFalse();
    }

    @Test
    void aMappingWithACycleARepeatedRuleOrMismatchedWildcardsIsRejected() {
        assertThatThrownBy(() -> LegacyConfigMigrator.withMapping("m.txt", "a -> b\nb -> c\nc -> a\n"))
                .isInstanceOf(ConfigParseException.class).hasMessageContaining("cycle: a -> b -> c -> a");
        assertThatThrownBy(() -> LegacyConfigMigrator.withMapping("m.txt", "a -> b\n\na -> c\n"))
                .isInstanceOf(ConfigParseException.class).hasMessageStartingWith("m.txt:3:1")
                .hasMessageContaining("already mapped at line 1");
        assertThatThrownBy(() -> LegacyConfigMigrator.withMapping("m.txt", "a.* -> b\n"))
                .isInstanceOf(ConfigParseException.class).hasMessageContaining("same wildcards");
        assertThatThrownBy(() -> LegacyConfigMigrator.withMapping("m.txt", "a.**.b -> c.**.b\n"))
                .isInstanceOf(ConfigParseException.class).hasMessageContaining("last segment");
        assertThatThrownBy(() -> LegacyConfigMigrator.withMapping("m.txt", "just text\n"))
                .isInstanceOf(ConfigParseException.class).hasMessageContaining("old.key -> new.path");
    }

    @Test
    void twoKeysMappedOntoOnePathClashNamingBoth() throws IOException {
        Path file = write("clash.properties", "db.host=a\ndatabase.host=b\n");
        assertThatThrownBy(() -> LegacyConfigMigrator.withMapping("m.txt", "db.host -> database.host\n")
                .migrateFromLegacy(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ":2:1 database.host: ")
                .hasMessageContaining(file + ":1:1 as 'db.host'");
    }

    @Test
    void laterFilesReplaceEarlierOnesAndUnknownFormatsAreRefused() throws IOException {
        Path a = write("a.properties", "k=1\nonly.a=x\n");
        Path b = write("b.ini", "k = 2\n");
        Configuration c = loadBack(LegacyConfigMigrator.create().migrate(List.of(a, b)), Map.of());
        assertThat(c.getString("k")).isEqualTo("2");
        assertThat(c.getString("only.a")).isEqualTo("x");
        Path conf = write("x.conf", "a=1\n");
        assertThatThrownBy(() -> LegacyConfigMigrator.create().migrateFromLegacy(conf))
                .isInstanceOf(ConfigException.class).hasMessageContaining("unknown legacy format");
    }

    @Test
    void writeToNeverOverwrites() throws IOException {
        Migration m = LegacyConfigMigrator.create().migrateFromLegacy(write("o.properties", "a=1\n"));
        Path out = dir.resolve("out");
        assertThat(m.writeTo(out)).containsExactly(out.resolve("base.yaml"));
        assertThatThrownBy(() -> m.writeTo(out)).hasMessageContaining("exists already");
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    static Configuration loadBack(Migration m, Map<String, String> env) {
        return new ConfigLoader(ConfigurationOptions.builder().environment(env).build()).load(List.of(
                ConfigSources.string("base.yaml", dev.lamina.config.Format.YAML, m.text("base.yaml").orElseThrow())));
    }
}
