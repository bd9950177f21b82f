package dev.lamina.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ConfigSources#keyPerFile}: a mounted ConfigMap or Secret volume read back as a tree. */
class KeyPerFileSourceTest {

    @TempDir
    Path dir;

    @Test
    void fileNamesArePathsContentIsKeptExactlyAndKubernetesEntriesAreSkipped() throws IOException {
        Path stamped = Files.createDirectory(dir.resolve("..2026_12_03_10_00_00.1"));
        Files.writeString(stamped.resolve("database.pool.max_size"), "100");
        Files.writeString(stamped.resolve("banner"), "two\nlines\n");
        Files.writeString(stamped.resolve("hosts.0"), "a");
        Files.writeString(stamped.resolve("hosts.1"), "b");
        Files.createSymbolicLink(dir.resolve("..data"), stamped.getFileName());
        for (String key : List.of("database.pool.max_size", "banner", "hosts.0", "hosts.1")) {
            Files.createSymbolicLink(dir.resolve(key), Path.of("..data", key));
        }
        Configuration c = new ConfigLoader().load(List.of(ConfigSources.keyPerFile(dir)));
        assertThat(c.getInt("database.pool.max_size")).isEqualTo(100);
        assertThat(c.getString("banner")).isEqualTo("two\nlines\n");
        assertThat(c.getString("hosts[1]")).isEqualTo("b");
        assertThat(c.leafPaths()).hasSize(4);
        assertThat(c.origin("banner").orElseThrow().source()).isEqualTo(dir.resolve("banner").toString());
    }

    @Test
    void aMissingDirectoryInvalidUtf8AndClashingNamesAreErrorsNamingTheFile() throws IOException {
        assertThatThrownBy(() -> new ConfigLoader().load(List.of(ConfigSources.keyPerFile(dir.resolve("nope")))))
                .isInstanceOf(ConfigSourceException.class).hasMessageContaining("does not exist");
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Files.write(bin.resolve("key"), new byte[] {(byte) 0xff, (byte) 0xfe});
        assertThatThrownBy(() -> new ConfigLoader().load(List.of(ConfigSources.keyPerFile(bin))))
                .isInstanceOf(ConfigSourceException.class).hasMessageStartingWith(bin.resolve("key").toString())
                .hasMessageContaining("not valid UTF-8");
        Path clash = Files.createDirectory(dir.resolve("clash"));
        Files.writeString(clash.resolve("a"), "1");
        Files.writeString(clash.resolve("a.b"), "2");
        assertThatThrownBy(() -> new ConfigLoader().load(List.of(ConfigSources.keyPerFile(clash))))
                .isInstanceOf(ConfigSourceException.class).hasMessageContaining("both a value and a parent");
    }
}
