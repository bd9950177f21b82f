package dev.lamina.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.testing.StartPathProbe;

/**
 * A manager's construction and first load spin no lambda of ours and never bootstrap a record's generated
 * {@code equals}/{@code hashCode}: both load dozens of classes at start (docs/decisions.md, "Start-up path";
 * docs/performance.md, "Start-up"). Checked in a fresh JVM on a YAML-only class path with {@code -Xlog:class+load},
 * by what was loaded rather than by a count, so the test does not depend on the JDK's archive or the machine.
 */
class StartPathTest {

    private static final Pattern OPTIONAL = Pattern.compile(
            "caffeine|micrometer|HdrHistogram|LatencyUtils|jackson-dataformat-toml|jackson-dataformat-xml|woodstox"
                    + "|stax2|jspecify|error_prone");

    @Test
    void aFirstLoadSpinsNoLambdaOfOursAndNoRecordMethodBootstrap(@TempDir Path dir) throws Exception {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!OPTIONAL.matcher(Path.of(entry).getFileName().toString()).find()) {
                entries.add(entry);
            }
        }
        Path log = dir.resolve("classes.log");
        Path out = dir.resolve("out.txt");
        Path config = Files.createDirectory(dir.resolve("config"));
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + log, "-cp", String.join(File.pathSeparator, entries),
                StartPathProbe.class.getName(), config.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(out)).isZero();
        assertThat(Files.readAllLines(out)).contains("getInt 20");

        List<String> loaded = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            int at = line.indexOf("] ");
            if (line.contains("source:") && at >= 0) {
                loaded.add(line.substring(at + 2, line.indexOf(' ', at + 2)));
            }
        }
        assertThat(loaded).as("classes loaded").contains(ConfigurationManager.class.getName())
                .noneMatch(c -> c.startsWith("dev.lamina.") && c.contains("$$Lambda"))
                .doesNotContain("java.lang.runtime.ObjectMethods");
    }
}
