package dev.lamina.config.internal.reload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DirectoryFingerprintTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {".app.yaml.swp", "..data", "..2026_11_21_09_00_00.1", "#app.yaml#", "app.yaml~",
            "app.yaml.tmp", "app.yaml.swx"})
    void ignoresHiddenAndEditorScratchNames(String name) {
        assertThat(DirectoryFingerprint.isIgnoredName(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"app.yaml", "base.json", "staging.toml", "environments.yaml", "4913"})
    void keepsOrdinaryNames(String name) {
        assertThat(DirectoryFingerprint.isIgnoredName(name)).isFalse();
    }

    @Test
    void missingDirectoryIsAbsent() throws IOException {
        assertThat(DirectoryFingerprint.of(dir.resolve("nope"))).isEqualTo(DirectoryFingerprint.ABSENT);
    }

    @Test
    void aRegularFileInPlaceOfTheDirectoryIsAbsent() throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");

        assertThat(DirectoryFingerprint.of(file)).isEqualTo(DirectoryFingerprint.ABSENT);
    }

    @Test
    void listsRegularFilesButNotSubdirectories() throws IOException {
        Files.writeString(dir.resolve("app.yaml"), "a: 1\n");
        Files.createDirectory(dir.resolve("nested"));

        DirectoryFingerprint fp = DirectoryFingerprint.of(dir);

        assertThat(fp.exists()).isTrue();
        assertThat(fp.files()).containsOnlyKeys("app.yaml");
        assertThat(fp.files().get("app.yaml").size()).isEqualTo(5);
    }

    @Test
    void symbolicLinkIsStampedWithItsTargetAndLinkText() throws IOException {
        Path target = Files.writeString(dir.resolve("real.yaml"), "abc");
        Files.createSymbolicLink(dir.resolve("link.yaml"), target.getFileName());

        DirectoryFingerprint.Stamp stamp = DirectoryFingerprint.of(dir).files().get("link.yaml");

        assertThat(stamp.size()).isEqualTo(3);
        assertThat(stamp.linkTarget()).isEqualTo("real.yaml");
        assertThat(stamp.fileKey()).isEqualTo(Files.readAttributes(target,
                java.nio.file.attribute.BasicFileAttributes.class).fileKey());
    }

    @Test
    void danglingLinkStillCounts() throws IOException {
        Files.createSymbolicLink(dir.resolve("app.yaml"), Path.of("..data", "app.yaml"));

        DirectoryFingerprint.Stamp stamp = DirectoryFingerprint.of(dir).files().get("app.yaml");

        assertThat(stamp.size()).isEqualTo(-1);
        assertThat(stamp.linkTarget()).isEqualTo("..data/app.yaml");
    }

    @Test
    void rewriteWithNewContentChangesTheFingerprint() throws IOException {
        Path file = Files.writeString(dir.resolve("app.yaml"), "a: 1\n");
        DirectoryFingerprint before = DirectoryFingerprint.of(dir);

        Files.writeString(file, "a: 22\n");

        assertThat(DirectoryFingerprint.of(dir)).isNotEqualTo(before);
    }
}
