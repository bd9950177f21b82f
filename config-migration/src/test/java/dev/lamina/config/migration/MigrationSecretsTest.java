package dev.lamina.config.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10 item 4 for the migration result: a migrated file usually holds a password, and neither the notes (which
 * configctl prints) nor a logged {@link Migration} may show it. The migrated text itself carries it, as it must.
 */
class MigrationSecretsTest {

    private static final String PLANTED = "Zq9xK7-pw-planted";

    @TempDir
    Path dir;

    @Test
    void notesNameTheLineButNeverQuoteTheValue() throws IOException {
        Path file = dir.resolve("app.properties");
        Files.writeString(file, """
                db.password=%1$s${oops
                db.token=${random.uuid:%1$s}
                server.port=8080
                """.formatted(PLANTED));
        Migration m = LegacyConfigMigrator.create().migrateFromLegacy(file);

        assertThat(m.notes()).hasSize(2);
        assertThat(m.notes().get(0)).startsWith(file + ":1:").contains("'${' without its '}'")
                .doesNotContain(PLANTED);
        assertThat(m.notes().get(1)).startsWith(file + ":2:").contains("${random.uuid}")
                .contains("random value source").doesNotContain(PLANTED);
        assertThat(m.text("base.yaml").orElseThrow()).as("the migrated file keeps the value").contains(PLANTED);
    }

    @Test
    void toStringNamesTheFilesAndCountsTheNotesWithoutAnyValue() throws IOException {
        Path file = dir.resolve("app.properties");
        Files.writeString(file, "db.password=" + PLANTED + "\nserver.port=8080\n");
        Migration m = LegacyConfigMigrator.create().migrateFromLegacy(file);

        assertThat(m.toString()).startsWith("Migration[files=[base.yaml (").endsWith("notes=0]")
                .doesNotContain(PLANTED).doesNotContain("8080");
    }
}
