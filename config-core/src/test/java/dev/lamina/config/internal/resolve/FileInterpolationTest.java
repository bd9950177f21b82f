package dev.lamina.config.internal.resolve;

import static dev.lamina.config.internal.resolve.Trees.settings;
import static dev.lamina.config.internal.resolve.Trees.text;
import static dev.lamina.config.internal.resolve.Trees.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigResolveException;

/** {@code ${file:...}}: mounted files, relative paths, trimming and failures. */
class FileInterpolationTest {

    private static final Map<String, String> ENV = Map.of("DB_HOST", "db.internal", "PORT", "5432", "EMPTY", "",
            "PW", "hunter2", "user.home", "/home/app");

    @TempDir
    Path dir;

    private ConfigObject resolveIn(ConfigObject tree) {
        return TreeResolver.resolve(tree, settings(ENV, dir, Map.of()));
    }

    @Test
    void readsAnAbsolutePathAndTrimsOneTrailingNewline() throws IOException {
        Path f = Files.writeString(dir.resolve("db-password"), "s3cret\n");
        assertThat(text(resolveIn(tree("db.pw", "${file:" + f + "}")), "db.pw")).isEqualTo("s3cret");
    }

    @Test
    void resolvesARelativePathAgainstTheBaseDirectory() throws IOException {
        Files.createDirectories(dir.resolve("secrets"));
        Files.writeString(dir.resolve("secrets/token"), "abc\r\n");
        assertThat(text(resolveIn(tree("t", "${file:secrets/token}")), "t")).isEqualTo("abc");
    }

    @Test
    void trimsOnlyOneNewline() throws IOException {
        Files.writeString(dir.resolve("f"), "line1\nline2\n\n");
        assertThat(text(resolveIn(tree("t", "${file:f}")), "t")).isEqualTo("line1\nline2\n");
    }

    @Test
    void usesTheDefaultWhenTheFileIsMissing() {
        assertThat(text(resolveIn(tree("t", "${file:absent:-none}")), "t")).isEqualTo("none");
    }

    @Test
    void reportsAMissingFileByName() {
        assertThatThrownBy(() -> resolveIn(tree("t", "${file:absent}")))
                .isInstanceOf(ConfigResolveException.class)
                .hasMessageContaining("t: file " + dir.resolve("absent") + " does not exist");
    }

    @Test
    void reportsADirectory() {
        assertThatThrownBy(() -> resolveIn(tree("t", "${file:.}")))
                .hasMessageContaining("is a directory");
    }

    @Test
    void reportsInvalidUtf8WithoutItsContent() throws IOException {
        Files.write(dir.resolve("bin"), new byte[] {'p', 'w', (byte) 0xC3, (byte) 0x28});
        assertThatThrownBy(() -> resolveIn(tree("t", "${file:bin}")))
                .hasMessageEndingWith("t: file " + dir.resolve("bin") + " is not valid UTF-8");
    }

    @Test
    void refusesAFileOverTheLimit() throws IOException {
        Files.write(dir.resolve("big"), new byte[Resolution.MAX_VALUE_LENGTH + 1]);
        assertThatThrownBy(() -> resolveIn(tree("t", "${file:big}")))
                .hasMessageContaining("is larger than 1048576 bytes");
    }

    @Test
    void decodesUtf8WhateverThePlatformCharset() throws IOException {
        Files.write(dir.resolve("f"), "caf\u00e9\n".getBytes(StandardCharsets.UTF_8));
        assertThat(text(resolveIn(tree("t", "${file:f}")), "t")).isEqualTo("caf\u00e9");
    }

    @Test
    void acceptsAKeyBuiltFromAVariable() throws IOException {
        Files.writeString(dir.resolve("5432"), "port-file");
        assertThat(text(resolveIn(tree("t", "${file:${PORT}}")), "t")).isEqualTo("port-file");
    }
}
