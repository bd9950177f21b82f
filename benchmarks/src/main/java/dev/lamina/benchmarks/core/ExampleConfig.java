package dev.lamina.benchmarks.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lamina.config.ConfigLoader;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.ConfigSources;
import dev.lamina.config.Configuration;
import dev.lamina.config.ConfigurationOptions;

/**
 * The example configuration ({@code examples/config/*.yaml}, packed into {@code benchmarks.jar} under
 * {@code lamina-example-config/}) and the same content in the shapes the peer libraries read, so that every
 * library in a benchmark answers the same keys from the same data.
 */
final class ExampleConfig {

    /** The environment every benchmark loads: base.yaml, then staging.yaml. */
    static final String ENVIRONMENT = "staging";

    /** A shallow path (2 levels); an int in the example configuration. */
    static final String SHALLOW_PATH = "auto_scaling.min_replicas";

    /** A 4-level path; an int in the example configuration. */
    static final String DEEP_PATH = "music_streaming.audio_quality.bitrates_kbps.premium";

    private static final String RESOURCE_DIR = "/lamina-example-config/";
    private static final List<String> REQUIRED = List.of("base.yaml", ENVIRONMENT + ".yaml");
    private static final List<String> OPTIONAL = List.of("environments.yaml", "development.yaml", "production.yaml");

    private ExampleConfig() {
    }

    /**
     * Copies the example configuration into a new temporary directory, so benchmarks that rewrite files never
     * touch the repository.
     *
     * @return the directory; delete it with {@link #deleteRecursively}
     */
    static Path copyToTemporaryDirectory() {
        try {
            Path dir = Files.createTempDirectory("lamina-bench-config");
            for (String name : REQUIRED) {
                if (!copy(name, dir)) {
                    throw new IllegalStateException("benchmarks.jar has no " + RESOURCE_DIR + name
                            + " (rebuild it with ./mvnw -B -pl benchmarks -am package -DskipTests)");
                }
            }
            for (String name : OPTIONAL) {
                copy(name, dir);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean copy(String name, Path dir) throws IOException {
        try (InputStream in = ExampleConfig.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                return false;
            }
            Files.copy(in, dir.resolve(name));
            return true;
        }
    }

    /**
     * @param dir a directory holding the example configuration
     * @return {@code base.yaml} then {@code staging.yaml}, merged and resolved the way a manager builds its
     *         snapshots (an empty environment-variable map, so {@code ${VAR:-default}} takes the default)
     */
    static Configuration load(Path dir) {
        return loader(dir).load(ConfigSources.directory(dir, ENVIRONMENT));
    }

    /**
     * @param dir a directory holding the example configuration
     * @return a loader with the default options, except an empty environment-variable map
     */
    static ConfigLoader loader(Path dir) {
        return new ConfigLoader(ConfigurationOptions.builder().environment(Map.of()).directory(dir).build());
    }

    /**
     * @param config a configuration
     * @return every scalar leaf as {@code canonical path -> text}, in document order (the shape of a
     *         properties file, which is what SmallRye Config reads)
     */
    static Map<String, String> flatten(Configuration config) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ConfigPath path : config.leafPaths()) {
            String key = path.toString();
            ConfigNode node = config.node(key).orElseThrow();
            if (node instanceof ConfigScalar scalar) {
                out.put(key, scalar.text());
            }
        }
        return out;
    }

    /**
     * @param config a configuration
     * @return the same tree as JSON text (what Lightbend Config parses)
     */
    static String toJson(Configuration config) {
        try {
            return new ObjectMapper().writeValueAsString(config.unwrapped());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the example configuration as JSON", e);
        }
    }

    /**
     * Fails the benchmark's setup when two libraries disagree, so a benchmark never compares different work.
     *
     * @param what     what is compared
     * @param expected the expected value
     * @param actual   the value a library returned
     */
    static void check(String what, int expected, int actual) {
        if (expected != actual) {
            throw new IllegalStateException(what + ": expected " + expected + ", got " + actual);
        }
    }

    /** @param dir a directory to delete with everything in it; missing is fine */
    static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
