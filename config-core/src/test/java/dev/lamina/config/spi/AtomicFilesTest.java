package dev.lamina.config.spi;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.ConfigSourceException;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void replacesTheContentOfAnExistingFile() throws IOException {
        Path file = Files.writeString(dir.resolve("app.yaml"), "server:\n  port: 8080\n");

        AtomicFiles.write(file, "server:\n  port: 9090\n".getBytes(UTF_8));

        assertThat(file).hasContent("server:\n  port: 9090");
        assertThat(listNames()).containsExactly("app.yaml");
    }

    @Test
    void createsAMissingFileWithOwnerOnlyPermissions() throws IOException {
        Path file = dir.resolve("new.yaml");

        AtomicFiles.write(file, "a: 1\n".getBytes(UTF_8));

        assertThat(file).hasContent("a: 1");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void keepsThePermissionsOfTheOriginal() throws IOException {
        Path file = Files.writeString(dir.resolve("app.yaml"), "old\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        AtomicFiles.write(file, "new\n".getBytes(UTF_8));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");
    }

    @Test
    void keepsTheOwnerAndGroupOfTheOriginal() throws IOException {
        Path file = Files.writeString(dir.resolve("app.yaml"), "old\n");
        Object owner = Files.getOwner(file);
        Object group = Files.getAttribute(file, "posix:group");

        AtomicFiles.write(file, "new\n".getBytes(UTF_8));

        assertThat(Files.getOwner(file)).isEqualTo(owner);
        assertThat(Files.getAttribute(file, "posix:group")).isEqualTo(group);
    }

    @Test
    void writesThroughASymbolicLinkAndKeepsTheLink() throws IOException {
        Path real = Files.writeString(dir.resolve("real.yaml"), "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("link.yaml"), real.getFileName());

        AtomicFiles.write(link, "new\n".getBytes(UTF_8));

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(real).hasContent("new");
    }

    @Test
    void failureInAnUnwritableDirectoryLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path file = Files.writeString(dir.resolve("app.yaml"), "old\n");
        try (ReadOnlyDirectory ignored = ReadOnlyDirectory.of(dir)) {
            assertThatThrownBy(() -> AtomicFiles.write(file, "new\n".getBytes(UTF_8)))
                    .isInstanceOf(ConfigSourceException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("previous content is unchanged");
        }
        assertThat(file).hasContent("old");
        assertThat(listNames()).containsExactly("app.yaml");
    }

    @Test
    void failedRenameLeavesTheOldFileAndRemovesTheTemporaryFile() throws IOException {
        Path file = Files.writeString(dir.resolve("app.yaml"), "old\n");

        assertThatThrownBy(() -> AtomicFiles.write(file, "new\n".getBytes(UTF_8), (source, target) -> {
            assertThat(source).hasContent("new"); // the temp file was complete before the rename
            throw new IOException("simulated rename failure");
        }))
                .isInstanceOf(ConfigSourceException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("IOException")
                .hasMessageNotContaining("simulated"); // arbitrary messages are not passed through

        assertThat(file).hasContent("old");
        assertThat(listNames()).containsExactly("app.yaml");
    }

    @Test
    void writeIntoMissingDirectoryNamesTheFile() {
        Path file = dir.resolve("missing").resolve("app.yaml");

        assertThatThrownBy(() -> AtomicFiles.write(file, new byte[] {1}))
                .isInstanceOf(ConfigSourceException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("cannot write: the directory does not exist");
    }

    @Test
    void appendAddsBytesAtTheEndAndCreatesTheFile() throws IOException {
        Path log = dir.resolve("audit.jsonl");

        AtomicFiles.append(log, "one\n".getBytes(UTF_8));
        AtomicFiles.append(log, "two\n".getBytes(UTF_8));

        assertThat(Files.readString(log)).isEqualTo("one\ntwo\n");
    }

    @Test
    void appendToAFileInAMissingDirectoryNamesTheFile() {
        Path log = dir.resolve("gone").resolve("audit.jsonl");

        assertThatThrownBy(() -> AtomicFiles.append(log, "x\n".getBytes(UTF_8)))
                .isInstanceOf(ConfigSourceException.class)
                .hasMessageContaining(log.toString())
                .hasMessageContaining("cannot append");
    }

    @Test
    void forcingADirectoryDoesNotThrow() {
        AtomicFiles.forceDirectory(dir);
        AtomicFiles.forceDirectory(dir.resolve("does-not-exist"));
        assertThat(dir).isDirectory();
    }

    private java.util.List<String> listNames() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
