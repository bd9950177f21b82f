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

/** The "Files" section of docs/interpolation.md: its example compiles and does what it says; its message is real. */
class FileRootsDocExampleTest {

    @TempDir
    Path dir;

    private static String docs() throws IOException {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("docs/interpolation.md");
            if (Files.isRegularFile(candidate)) {
                return Files.readString(candidate);
            }
        }
        throw new IllegalStateException("docs/interpolation.md not found above " + Path.of("").toAbsolutePath());
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s+", " ");
    }

    @Test
    void theAllowFileRootExampleIsInTheDocsAndWorks() throws IOException {
        // The same lines as the page.
        ConfigurationOptions options = ConfigurationOptions.builder()
                .directory(Path.of("/etc/music/config"))
                .allowFileRoot(Path.of("/run/secrets"))                        // Docker secrets
                .allowFileRoot(Path.of("/var/run/secrets/kubernetes.io"))      // service-account token
                .build();
        assertThat(options.fileRoots())
                .containsExactly(Path.of("/run/secrets"), Path.of("/var/run/secrets/kubernetes.io"));
        assertThat(docs()).contains("""
                ConfigurationOptions options = ConfigurationOptions.builder()
                        .directory(Path.of("/etc/music/config"))
                        .allowFileRoot(Path.of("/run/secrets"))                        // Docker secrets
                        .allowFileRoot(Path.of("/var/run/secrets/kubernetes.io"))      // service-account token
                        .build();
                """);
    }

    @Test
    void theRefusalShownInTheDocsIsTheRealMessage() throws IOException {
        Path base = dir.resolve("base.yaml");
        Files.writeString(base, "database:\n  password: ${file:/etc/passwd}\n");
        assertThatThrownBy(() -> new ConfigLoader(ConfigurationOptions.builder().directory(dir)
                .environment(Map.of()).build()).load(List.of(ConfigSources.file(base))))
                .satisfies(e -> {
                    String shown = e.getMessage().replace(base.toString(), "config/base.yaml")
                            .replace(dir.toAbsolutePath().toString(), "/etc/music/config")
                            .replace(":2:13 ", ":4:13 ");
                    assertThat(oneLine(docs())).contains(oneLine(shown));
                });
    }
}
