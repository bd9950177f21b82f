package dev.lamina.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.testing.YamlOnlyProbe;

/**
 * A YAML-only service carries none of core's optional libraries (TOML, XML, Caffeine, Micrometer; Maven
 * {@code optional}): in a JVM whose class path lacks them, loading, binding, caching, tenants and updates work, and a
 * TOML or XML file fails with a message naming the artifact to add. The class path is this test's own, minus those
 * jars, so the check follows the build's real dependencies.
 */
class OptionalDependenciesTest {

    private static final Pattern OPTIONAL = Pattern.compile(
            "caffeine|micrometer|HdrHistogram|LatencyUtils|jackson-dataformat-toml|jackson-dataformat-xml|woodstox"
                    + "|stax2|jspecify|error_prone");

    @Test
    void aYamlOnlyClassPathLoadsBindsCachesAndNamesTheMissingArtifactForOtherFormats(@TempDir Path dir)
            throws Exception {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !OPTIONAL.matcher(Path.of(entry).getFileName().toString()).find())
                .collect(Collectors.joining(File.pathSeparator));
        Path out = dir.resolve("out.txt");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, YamlOnlyProbe.class.getName(), dir.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<String> lines = Files.readAllLines(out);

        assertThat(p.exitValue()).as(String.join("\n", lines)).isZero();
        assertThat(lines).contains(
                "absent com.github.benmanes.caffeine.cache.Caffeine",
                "absent io.micrometer.core.instrument.MeterRegistry",
                "absent com.fasterxml.jackson.dataformat.toml.TomlFactory",
                "absent com.fasterxml.jackson.dataformat.xml.XmlFactory",
                "getInt 20",
                "bind Pool[maxSize=20, timeout=PT5S]",
                "cached 20 20 hits=1",
                "tenant 30",
                "update 25");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("toml refused: ")
                .contains("staging.toml").contains("com.fasterxml.jackson.dataformat:jackson-dataformat-toml"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("xml refused: ")
                .contains("staging.xml").contains("com.fasterxml.jackson.dataformat:jackson-dataformat-xml"));
    }
}
