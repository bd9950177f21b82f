package dev.lamina.config.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/configctl} on the built jar: the class-data-sharing archive is created on the first run, used on later
 * ones, and never in the way (an unwritable cache, a corrupt archive, or switched off: the same output, nothing on
 * stderr).
 */
class LauncherIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path LAUNCHER = ROOT.resolve("bin/configctl");

    @TempDir
    Path tmp;

    private Path cache;

    record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void setUp() {
        cache = tmp.resolve("cache");
        assertThat(ROOT.resolve("config-cli/target/configctl.jar")).as("built by package").isRegularFile();
    }

    private Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("sh", LAUNCHER.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(ROOT.toFile());
        pb.environment().putAll(env);
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("configctl ends").isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private Run get(Map<String, String> env) throws IOException, InterruptedException {
        return run(env, "get", "--dir", "examples/config", "--env", "production", "database.pool.max_size");
    }

    private List<Path> archives() throws IOException {
        Path dir = cache.resolve("lamina");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void theFirstRunWritesTheArchiveAndLaterRunsUseItWithTheSameOutput() throws Exception {
        Run first = get(Map.of("XDG_CACHE_HOME", cache.toString()));
        assertThat(first).isEqualTo(new Run(0, "200\n", ""));
        List<Path> archives = archives();
        assertThat(archives).hasSize(1);
        assertThat(archives.get(0).getFileName().toString()).matches("configctl-[0-9-]+\\.jsa");

        Run second = get(Map.of("XDG_CACHE_HOME", cache.toString()));
        assertThat(second).isEqualTo(first);
        assertThat(archives()).isEqualTo(archives);
    }

    @Test
    void aCacheThatCannotBeCreatedOnlyCostsSpeed() throws Exception {
        Path notADirectory = Files.writeString(tmp.resolve("file"), "x");
        Run run = get(Map.of("XDG_CACHE_HOME", notADirectory.toString()));
        assertThat(run).isEqualTo(new Run(0, "200\n", ""));
    }

    @Test
    void aCorruptArchiveIsIgnoredByTheJvm() throws Exception {
        get(Map.of("XDG_CACHE_HOME", cache.toString()));
        Path archive = archives().get(0);
        archive.toFile().setWritable(true);
        Files.write(archive, new byte[4096]);

        Run run = get(Map.of("XDG_CACHE_HOME", cache.toString()));
        assertThat(run).isEqualTo(new Run(0, "200\n", ""));
    }

    @Test
    void theArchiveCanBeSwitchedOffAndErrorsStillGoToStderrWithTheirExitCode() throws Exception {
        Run off = get(Map.of("XDG_CACHE_HOME", cache.toString(), "CONFIGCTL_CDS", "off"));
        assertThat(off).isEqualTo(new Run(0, "200\n", ""));
        assertThat(archives()).isEmpty();

        Run usage = run(Map.of("XDG_CACHE_HOME", cache.toString()), "get");
        assertThat(usage.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(usage.out()).isEmpty();
        assertThat(usage.err()).startsWith("configctl get: ");
    }
}
