package dev.lamina.config.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrateCommandTest {

    @TempDir
    Path dir;

    @Test
    void migrateIniWritesBaseYamlThatRenderLoads() throws Exception {
        Path ini = dir.resolve("legacy.cfg");
        Files.writeString(ini, "[database]\nhost = db\nport = 5432\n");
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("migrate", "ini", ini.toString(), "--out=" + out);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo(out.resolve("base.yaml").toString());
        Files.writeString(out.resolve("environments.yaml"), "dev: {}\n");
        CliRun get = CliRun.of("get", "--dir=" + out, "--env=dev", "database.port");
        assertThat(get.exitCode()).as(get.err()).isZero();
        assertThat(get.out()).contains("5432");
    }

    @Test
    void migrateSpringWritesProfilesAndNotesWhatItCannotExpress() throws Exception {
        Path yml = dir.resolve("application.yml");
        Files.writeString(yml, """
                server:
                  port: ${PORT:8080}
                ---
                spring.config.activate.on-profile: prod
                server.port: 80
                ---
                spring.config.activate.on-profile: prod & !eu
                a: 1
                """);
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("migrate", "spring", yml.toString(), "--out=" + out);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(out.resolve("prod.yaml")).exists();
        assertThat(Files.readString(out.resolve("base.yaml"))).contains("${PORT:-8080}");
        assertThat(run.err()).contains("configctl: note: ", "prod & !eu");
        CliRun again = CliRun.of("migrate", "spring", yml.toString(), "--out=" + out);
        assertThat(again.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(again.err()).contains("exists already");
    }

    @Test
    void aClashIsExitOneWithBothLinesAndAMappingFixesIt() throws Exception {
        Path props = dir.resolve("c.properties");
        Files.writeString(props, "a=1\na.b=2\n");
        CliRun run = CliRun.of("migrate", "properties", props.toString(), "--out=" + dir.resolve("o1"));
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION);
        assertThat(run.err()).contains(props + ":2:1", props + ":1:1", "a -> a._value");
        Path mapping = dir.resolve("map.txt");
        Files.writeString(mapping, "a -> a._value\n");
        CliRun fixed = CliRun.of("migrate", "properties", props.toString(), "--out=" + dir.resolve("o2"),
                "--mapping=" + mapping);
        assertThat(fixed.exitCode()).as(fixed.err()).isZero();
        CliRun badKind = CliRun.of("migrate", "xml", props.toString(), "--out=" + dir.resolve("o3"));
        assertThat(badKind.exitCode()).isEqualTo(ExitCodes.USAGE);
    }
}
