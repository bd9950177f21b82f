package dev.lamina.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.nio.file.attribute.PosixFilePermission;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSourcesTest {

    @TempDir
    Path dir;

    private static ConfigNode get(ConfigObject root, String path) {
        ConfigNode node = root;
        for (String s : ConfigPath.parse(path).segments()) {
            node = node instanceof ConfigList l ? l.items().get(Integer.parseInt(s))
                    : ((ConfigObject) node).get(s).orElseThrow(() -> new AssertionError("no " + path));
        }
        return node;
    }

    @Test
    void fileIsNamedByItsPathAsGivenAndParsedByExtension() throws Exception {
        Path file = Files.writeString(dir.resolve("app.yaml"), "server:\n  port: 8080\n");
        List<Layer> layers = ConfigSources.file(file).read(ParseLimits.DEFAULTS);
        assertThat(layers).hasSize(1);
        assertThat(layers.get(0).name()).isEqualTo(file.toString());
        assertThat(get(layers.get(0).root(), "server.port").origin()).isEqualTo(Origin.of(file.toString(), 2, 9));
    }

    @Test
    void fileIsReReadOnEveryRead() throws Exception {
        Path file = Files.writeString(dir.resolve("app.json"), "{\"a\": 1}");
        ConfigSource source = ConfigSources.file(file);
        source.read(ParseLimits.DEFAULTS);
        Files.writeString(file, "{\"a\": 2}");
        assertThat(((ConfigScalar) get(source.read(ParseLimits.DEFAULTS).get(0).root(), "a")).text()).isEqualTo("2");
    }

    @Test
    void missingRequiredFileNamesThePath() {
        Path missing = dir.resolve("missing.yaml");
        assertThatThrownBy(() -> ConfigSources.file(missing).read(ParseLimits.DEFAULTS))
                .isInstanceOf(ConfigSourceException.class)
                .hasMessage(missing + ": file not found");
    }

    @Test
    void unreadableFileNamesThePath() throws Exception {
        Path file = Files.writeString(dir.resolve("secret.yaml"), "a: 1\n");
        Files.setPosixFilePermissions(file, Set.of());
        Assumptions.assumeFalse(Files.isReadable(file), "running with privileges that ignore file permissions");
        assertThatThrownBy(() -> ConfigSources.file(file).read(ParseLimits.DEFAULTS))
                .isInstanceOf(ConfigSourceException.class)
                .hasMessage(file + ": cannot read file (permission denied)");
        Files.setPosixFilePermissions(file, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }

    @Test
    void directoryInsteadOfFileIsAnError() {
        Path sub = dir.resolve("conf.yaml");
        assertThatThrownBy(() -> {
            Files.createDirectory(sub);
            ConfigSources.file(sub).read(ParseLimits.DEFAULTS);
        }).isInstanceOf(ConfigSourceException.class).hasMessage(sub + ": is a directory, not a file");
    }

    @Test
    void unknownExtensionIsRejectedWhenTheSourceIsCreated() {
        assertThatThrownBy(() -> ConfigSources.file(dir.resolve("app.ini")))
                .isInstanceOf(ConfigSourceException.class)
                .hasMessageContaining("app.ini: unknown file extension");
    }

    @Test
    void absentOptionalFileGivesNoLayers() {
        assertThat(ConfigSources.optionalFile(dir.resolve("local.yaml")).read(ParseLimits.DEFAULTS)).isEmpty();
    }

    @Test
    void presentOptionalFileIsRead() throws Exception {
        Path file = Files.writeString(dir.resolve("local.toml"), "a = 1\n");
        assertThat(ConfigSources.optionalFile(file).read(ParseLimits.DEFAULTS)).hasSize(1);
    }

    @Test
    void oversizedFileIsRejectedNamingTheLimit() throws Exception {
        Path file = Files.writeString(dir.resolve("big.yaml"), "a: " + "x".repeat(200) + "\n");
        assertThatThrownBy(() -> ConfigSources.file(file).read(ParseLimits.DEFAULTS.withMaxDocumentBytes(100)))
                .isInstanceOf(ConfigLimitException.class)
                .hasMessageStartingWith(file + ": document size")
                .hasMessageContaining("ParseLimits.maxDocumentBytes = 100");
    }

    @Test
    void parseErrorsInFilesNameTheFileAndLine() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), "a: 1\na: 2\n");
        assertThatThrownBy(() -> ConfigSources.file(file).read(ParseLimits.DEFAULTS))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageStartingWith(file + ":2:1 a: duplicate key");
    }

    @Test
    void classpathResourceIsNamedWithItsResourcePath() throws Exception {
        Files.createDirectories(dir.resolve("conf"));
        Files.writeString(dir.resolve("conf/app.properties"), "a.b=1\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            List<Layer> layers = ConfigSources.classpath("/conf/app.properties", loader).read(ParseLimits.DEFAULTS);
            assertThat(layers.get(0).name()).isEqualTo("classpath:conf/app.properties");
            assertThat(get(layers.get(0).root(), "a.b").origin()).isEqualTo(Origin.of("classpath:conf/app.properties", 1, 1));
        }
    }

    @Test
    void missingClasspathResourceIsAnErrorNamingIt() throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertThatThrownBy(() -> ConfigSources.classpath("nope.yaml", loader).read(ParseLimits.DEFAULTS))
                    .isInstanceOf(ConfigSourceException.class)
                    .hasMessage("classpath:nope.yaml: classpath resource not found");
        }
    }

    @Test
    void stringSourceParsesItsContentWithItsName() {
        ConfigSource source = ConfigSources.string("inline", Format.TOML, "[server]\nport = 1\n");
        assertThat(source.name()).isEqualTo("inline");
        assertThat(get(source.read(ParseLimits.DEFAULTS).get(0).root(), "server.port").origin())
                .isEqualTo(Origin.of("inline", 2, 1));
    }

    @Test
    void mapKeysAreConfigPathsAndValuesAreTyped() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("server.port", 8080);
        values.put("server.tls", Map.of("enabled", true));
        values.put("brokers", List.of("a", "b"));
        values.put("ratio", new BigDecimal("1.10"));
        values.put("removed", null);
        ConfigObject root = ConfigSources.map("defaults", values).read(ParseLimits.DEFAULTS).get(0).root();
        assertThat(get(root, "server.port")).isEqualTo(new ConfigScalar("8080", ScalarType.NUMBER, Origin.of("defaults")));
        assertThat(((ConfigScalar) get(root, "server.tls.enabled")).type()).isEqualTo(ScalarType.BOOLEAN);
        assertThat(((ConfigScalar) get(root, "brokers[1]")).text()).isEqualTo("b");
        assertThat(((ConfigScalar) get(root, "ratio")).text()).isEqualTo("1.10");
        assertThat(get(root, "removed")).isInstanceOf(ConfigNull.class);
    }

    @Test
    void mapIsCopiedWhenTheSourceIsCreated() {
        Map<String, Object> values = new LinkedHashMap<>(Map.of("a", "1"));
        ConfigSource source = ConfigSources.map("m", values);
        values.put("a", "2");
        assertThat(((ConfigScalar) get(source.read(ParseLimits.DEFAULTS).get(0).root(), "a")).text()).isEqualTo("1");
    }

    @Test
    void mapRejectsCollidingKeys() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("db", "x");
        values.put("db.url", "y");
        assertThatThrownBy(() -> ConfigSources.map("m", values))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'db.url' collides with 'db'");
    }

    @Test
    void mapRejectsUnsupportedValueTypes() {
        assertThatThrownBy(() -> ConfigSources.map("m", Map.of("a", new Object())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a: unsupported value type java.lang.Object");
    }

    @Test
    void mapRejectsNonFiniteNumbers() {
        assertThatThrownBy(() -> ConfigSources.map("m", Map.of("a", Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("finite");
    }
}
