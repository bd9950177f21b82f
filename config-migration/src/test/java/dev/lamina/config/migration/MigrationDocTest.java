package dev.lamina.config.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.Configuration;
import dev.lamina.config.ConfigurationManager;
import dev.lamina.config.ConfigurationOptions;

/** The example of docs/migration-spring-boot.md is what the migrator writes, and loads as the page says. */
class MigrationDocTest {

    private static final Pattern BLOCK = Pattern.compile("<!-- (input|output):([a-z.]+) -->\\n```[a-z]*\\n(.*?)```",
            Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    void theSpringBootPageShowsWhatTheMigratorWrites() throws IOException {
        String page = Files.readString(docs().resolve("migration-spring-boot.md"));
        Matcher m = BLOCK.matcher(page);
        Map<String, String> blocks = new java.util.LinkedHashMap<>();
        while (m.find()) {
            blocks.put(m.group(1) + ":" + m.group(2), m.group(3));
        }
        Path yml = dir.resolve("application.yml");
        Files.writeString(yml, blocks.get("input:application.yml"));
        Migration migration = LegacyConfigMigrator.create().migrateSpringBoot(List.of(yml));
        String base = migration.text("base.yaml").orElseThrow().replace(dir + "/", "");
        String prod = migration.text("prod.yaml").orElseThrow().replace(dir + "/", "");
        String notes = String.join("\n", migration.notes()).replace(dir + "/", "") + "\n";
        if (Boolean.getBoolean("lamina.regenerateDocs")) {
            Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "migration-doc-base.yaml"), base);
            Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "migration-doc-prod.yaml"), prod);
            Files.writeString(Path.of(System.getProperty("java.io.tmpdir"), "migration-doc-notes.txt"), notes);
        }
        assertThat(blocks.get("output:base.yaml")).isEqualTo(base);
        assertThat(blocks.get("output:prod.yaml")).isEqualTo(prod);
        assertThat(blocks.get("output:notes")).isEqualTo(notes);

        Path out = dir.resolve("out");
        migration.writeTo(out);
        try (ConfigurationManager manager = new ConfigurationManager(ConfigurationOptions.builder().directory(out)
                .environment(Map.of()).build())) {
            Configuration c = manager.loadEnvironmentConfig("prod");
            assertThat(c.getInt("server.port")).isEqualTo(80);
            assertThat(c.getString("jhipster.mail.base-url")).isEqualTo("http://localhost:80");
            assertThat(c.getString("management.endpoints.web.exposure.include[0]")).isEqualTo("health");
            assertThat(c.hasPath("management.endpoints.web.exposure.include[1]")).isFalse();
        }
    }

    private static Path docs() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("docs")) && Files.isRegularFile(p.resolve("docs/migration-spring-boot.md"))) {
                return p.resolve("docs");
            }
        }
        throw new IllegalStateException("docs/ not found");
    }
}
