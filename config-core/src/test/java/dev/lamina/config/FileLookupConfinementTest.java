package dev.lamina.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.testing.Fifos;

/**
 * The attacks of issue 10 item 1 on {@code ${file:}}: it read {@code /etc/passwd}, climbed out with {@code ../},
 * followed symbolic links out of the configuration directory and printed {@code /proc/self/environ}. Lookups are
 * now confined to the configuration directory and explicitly allowed roots, by real path.
 */
class FileLookupConfinementTest {

    @TempDir
    Path dir;

    @TempDir
    Path elsewhere;

    private Configuration load(String template, ConfigurationOptions.Builder options) {
        ConfigLoader loader = new ConfigLoader(options.directory(dir).environment(Map.of()).build());
        return loader.load(ConfigSources.string("app.yaml", Format.YAML, "value: \"" + template + "\"\n"));
    }

    private Configuration load(String template) {
        return load(template, ConfigurationOptions.builder());
    }

    @Test
    void refusesAnAbsolutePathOutsideTheDirectoryNamingTheRuleAndTheFix() {
        assumeTrue(Files.exists(Path.of("/etc/passwd")), "needs /etc/passwd");
        assertThatThrownBy(() -> load("${file:/etc/passwd}"))
                .isInstanceOf(ConfigResolveException.class)
                .hasMessageContaining("value: file /etc/passwd is outside the directories file lookups may read")
                .hasMessageContaining("the configuration directory " + dir.toAbsolutePath())
                .hasMessageContaining("allowFileRoot")
                .hasMessageContaining("--allow-file-root")
                .hasMessageNotContaining("root:x:0");
    }

    @Test
    void refusesClimbingOutWithDotDot() {
        assertThatThrownBy(() -> load("${file:../../../../../../../../etc/shadow}"))
                .isInstanceOf(ConfigResolveException.class)
                .hasMessageContaining("file /etc/shadow is outside the directories file lookups may read");
    }

    @Test
    void refusesAMissingFileOutsideTheRootsEvenWithADefault() {
        // Otherwise the default would tell whether a file exists anywhere on the machine.
        assertThatThrownBy(() -> load("${file:" + elsewhere.resolve("absent") + ":-fallback}"))
                .hasMessageContaining("is outside the directories file lookups may read");
        assertThat(load("${file:absent:-fallback}").getString("value")).isEqualTo("fallback");
    }

    @Test
    void refusesASymbolicLinkOutOfTheDirectory() throws IOException {
        Path target = Files.writeString(elsewhere.resolve("db-password"), "outside-secret\n");
        Files.createSymbolicLink(dir.resolve("link"), target);
        assertThatThrownBy(() -> load("${file:link}"))
                .isInstanceOf(ConfigResolveException.class)
                .hasMessageContaining("file " + dir.toAbsolutePath().resolve("link") + " resolves to "
                        + target.toRealPath() + ", which is outside the directories file lookups may read")
                .hasMessageNotContaining("outside-secret");
    }

    @Test
    void refusesADirectoryLinkOutOfTheDirectory() throws IOException {
        Files.writeString(elsewhere.resolve("token"), "t\n");
        Files.createSymbolicLink(dir.resolve("secrets"), elsewhere);
        assertThatThrownBy(() -> load("${file:secrets/token}"))
                .hasMessageContaining("which is outside the directories file lookups may read");
    }

    @Test
    void neverReadsProcEvenWhenTheWholeFileSystemIsAllowed() {
        assumeTrue(Files.exists(Path.of("/proc/self/environ")), "needs /proc");
        ConfigurationOptions.Builder everything = ConfigurationOptions.builder().allowFileRoot(Path.of("/"));
        assertThatThrownBy(() -> load("${file:/proc/self/environ}", everything))
                .isInstanceOf(ConfigResolveException.class)
                .hasMessageContaining("file /proc/self/environ is below /proc; file lookups never read /proc, /sys, "
                        + "/dev");
        assertThatThrownBy(() -> load("${file:/sys/kernel/hostname:-x}", everything))
                .hasMessageContaining("is below /sys");
        assertThatThrownBy(() -> load("${file:/dev/zero}", everything))
                .hasMessageContaining("is below /dev");
    }

    @Test
    void refusesALinkIntoProc() throws IOException {
        assumeTrue(Files.exists(Path.of("/proc/self/environ")), "needs /proc");
        Files.createSymbolicLink(dir.resolve("env"), Path.of("/proc/self/environ"));
        assertThatThrownBy(() -> load("${file:env}"))
                .hasMessageContaining("resolves to /proc/")
                .hasMessageContaining("file lookups never read /proc");
    }

    @Test
    void cannotAllowProcSysOrDevAsARoot() {
        for (String denied : new String[] {"/proc", "/proc/self", "/sys", "/dev/shm"}) {
            assertThatThrownBy(() -> ConfigurationOptions.builder().allowFileRoot(Path.of(denied)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("file lookups never read below");
        }
        assertThatThrownBy(() -> ConfigurationOptions.builder().allowFileRoot(Path.of("relative")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("absolute");
    }

    @Test
    void refusesADirectory() throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        assertThatThrownBy(() -> load("${file:sub}")).hasMessageContaining("is a directory");
    }

    @Test
    void refusesAFifoAtOnceInsteadOfBlocking() throws Exception {
        Path fifo = Fifos.create(dir.resolve("pipe"));
        assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                assertThatThrownBy(() -> load("${file:pipe}"))
                        .isInstanceOf(ConfigResolveException.class)
                        .hasMessageContaining("file " + fifo.toAbsolutePath() + " is not a regular file"));
    }

    @Test
    void readsBelowAnAllowedRoot() throws IOException {
        Path secret = Files.writeString(elsewhere.resolve("db"), "s3cret\n");
        Configuration c = load("${file:" + secret + "}", ConfigurationOptions.builder().allowFileRoot(elsewhere));
        assertThat(c.getString("value")).isEqualTo("s3cret");
    }

    @Test
    void namesTheAllowedRootsWhenRefusing() throws IOException {
        assumeTrue(Files.exists(Path.of("/etc/hostname")) || Files.exists(Path.of("/etc/passwd")), "needs /etc");
        assertThatThrownBy(() -> load("${file:/etc/passwd}", ConfigurationOptions.builder().allowFileRoot(elsewhere)))
                .hasMessageContaining("and the allowed roots " + elsewhere.toAbsolutePath().normalize());
    }

    @Test
    void followsALinkInsideTheDirectoryToAFileInsideIt() throws IOException {
        // The Kubernetes layout: token -> ..data/token -> ..2026_01_01/token, all inside the mounted directory.
        Path versioned = Files.createDirectories(dir.resolve("..v1"));
        Files.writeString(versioned.resolve("token"), "abc\n");
        Files.createSymbolicLink(dir.resolve("..data"), Path.of("..v1"));
        Files.createSymbolicLink(dir.resolve("token"), Path.of("..data/token"));
        assertThat(load("${file:token}").getString("value")).isEqualTo("abc");
    }

    @Test
    void followsALinkInsideAnAllowedRoot() throws IOException {
        Files.writeString(elsewhere.resolve("real"), "v\n");
        Files.createSymbolicLink(elsewhere.resolve("alias"), elsewhere.resolve("real"));
        Configuration c = load("${file:" + elsewhere.resolve("alias") + "}",
                ConfigurationOptions.builder().allowFileRoot(elsewhere));
        assertThat(c.getString("value")).isEqualTo("v");
    }

    @Test
    void theValueReadIsSecret() throws IOException {
        Files.writeString(dir.resolve("mounted"), "Zq9xK7-pw\n");
        Configuration c = load("prefix-${file:mounted}");
        assertThat(c.isSecret("value")).isTrue();
        assertThat(c.getString("value")).isEqualTo("prefix-Zq9xK7-pw");
        assertThat(ConfigRenderer.render(c, RenderFormat.YAML, ConfigRenderer.Options.defaults())).doesNotContain("Zq9xK7-pw");
    }

    @Test
    void theSizeIsBoundedByTheStringLengthLimit() throws IOException {
        Files.writeString(dir.resolve("big"), "x".repeat(100));
        ConfigurationOptions.Builder small = ConfigurationOptions.builder()
                .parseLimits(ParseLimits.DEFAULTS.withMaxStringLength(64));
        assertThatThrownBy(() -> load("${file:big}", small))
                .hasMessageContaining("is larger than 64 bytes (the limit is ParseLimits.maxStringLength)");
    }
}
