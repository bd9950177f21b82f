package dev.lamina.thirdparty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.ConfigDocuments;
import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigLoader;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Configuration;
import dev.lamina.config.Format;
import dev.lamina.config.Layer;
import dev.lamina.config.Origin;
import dev.lamina.config.ParseLimits;
import dev.lamina.config.spi.AtomicFiles;
import dev.lamina.config.spi.ConfigTrees;
import dev.lamina.config.spi.DataSizeParser;
import dev.lamina.config.spi.DurationParser;
import dev.lamina.config.spi.ScalarText;
import dev.lamina.config.spi.Suggestions;
import dev.lamina.config.spi.TreeFolder;

/**
 * The examples of docs/extending.md, "Helpers for extension authors", as a third party writes them: this package
 * sees only exported API. The last test keeps the page's list of types complete.
 */
class SpiHelpersDocExampleTest {

    private static final Configuration CONFIG = new ConfigLoader().fromLayers(List.of(new Layer("app.yaml",
            ConfigDocuments.parse("app.yaml", Format.YAML, """
                    cache:
                      ttl: 90s
                      max_size: 64MB
                    server:
                      port: "8080"
                    """, ParseLimits.DEFAULTS))));

    @TempDir
    Path dir;

    @Test
    void findsAndReadsAValueAsTheGettersDo() {
        ConfigNode root = CONFIG.root();
        ConfigPath ttlPath = ConfigPath.parse("cache.ttl");
        Optional<Duration> ttl = ConfigTrees.find(root, ttlPath)
                .filter(ConfigScalar.class::isInstance)
                .map(n -> DurationParser.parse(((ConfigScalar) n).text()));
        Origin where = ConfigTrees.nearestOrigin(root, ConfigPath.parse("cache.ttl.unit"));

        assertThat(ttl).contains(Duration.ofSeconds(90));
        assertThat(where.line()).isEqualTo(2);
        assertThat(DataSizeParser.parse("64MB")).isEqualTo(64L * 1024 * 1024);
        assertThat(ScalarText.isInteger("8080")).isTrue();
        assertThat(ScalarText.isInteger("0755")).isFalse();
        assertThatThrownBy(() -> DurationParser.parse("5 parsecs")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("parsecs");
    }

    @Test
    void suggestsTheNearestName() {
        String message = "unknown key 'prot'" + Suggestions.didYouMean("prot", List.of("port", "host"));
        assertThat(message).isEqualTo("unknown key 'prot' (did you mean 'port'?)");
        assertThat(Suggestions.closest("colour", List.of("port", "host"))).isEmpty();
    }

    /** Plain Java values: maps, lists, the scalar's written text, null. */
    static final class PlainValues implements TreeFolder<Object> {
        @Override
        public Object object(ConfigObject node, ConfigPath path, Map<String, Object> children) {
            return new HashMap<>(children);
        }

        @Override
        public Object list(ConfigList node, ConfigPath path, List<Object> items) {
            return new ArrayList<>(items);
        }

        @Override
        public Object scalar(ConfigScalar node, ConfigPath path) {
            return node.text();
        }

        @Override
        public Object nullValue(ConfigNull node, ConfigPath path) {
            return null;
        }
    }

    @Test
    void foldsATreeIntoAnotherModel() {
        Object plain = ConfigTrees.fold(CONFIG.root(), new PlainValues());
        assertThat(plain).isEqualTo(Map.of("cache", Map.of("ttl", "90s", "max_size", "64MB"),
                "server", Map.of("port", "8080")));
        assertThat(ConfigTrees.leaves(CONFIG.root()).keySet()).extracting(ConfigPath::toString)
                .containsExactly("cache.ttl", "cache.max_size", "server.port");
    }

    @Test
    void writesFilesCrashSafely() throws IOException {
        Path target = dir.resolve("flags.yaml");
        AtomicFiles.write(target, "feature_flags: {}\n".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.append(dir.resolve("audit.jsonl"), "{\"v\":1}\n".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(target)).isEqualTo("feature_flags: {}\n");
        assertThat(Files.readString(dir.resolve("audit.jsonl"))).isEqualTo("{\"v\":1}\n");
    }

    @Test
    void thePageListsEveryPublicTypeOfTheSpiPackage() throws IOException {
        String page = Files.readString(repository().resolve("docs/extending.md"));
        int section = page.indexOf("## Helpers for extension authors (dev.lamina.config.spi)");
        assertThat(section).as("the section heading").isNotNegative();
        String text = page.substring(section);
        List<String> publicTypes = new ArrayList<>();
        try (Stream<Path> files = Files.list(repository().resolve(SPI_SOURCES))) {
            for (Path p : (Iterable<Path>) files.sorted()::iterator) {
                String name = p.getFileName().toString();
                if (name.endsWith(".java") && PUBLIC_TYPE.matcher(Files.readString(p)).find()) {
                    publicTypes.add(name.substring(0, name.length() - ".java".length()));
                }
            }
        }
        assertThat(publicTypes).contains("Suggestions", "ConfigTrees", "AtomicFiles")
                .allSatisfy(t -> assertThat(text).contains("`" + t + "`"));
    }

    private static final String SPI_SOURCES = "config-core/src/main/java/dev/lamina/config/spi";
    private static final Pattern PUBLIC_TYPE = Pattern.compile("(?m)^public (final |sealed |abstract )*"
            + "(class|interface|record|enum) ");

    private static Path repository() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("docs")) && Files.isDirectory(p.resolve("config-core"))) {
                return p;
            }
        }
        throw new IllegalStateException("docs/ not found above " + Path.of("").toAbsolutePath());
    }
}
