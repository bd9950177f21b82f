package dev.lamina.config.internal.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.lamina.config.ConfigSourceException;
import dev.lamina.config.ConfigSources;
import dev.lamina.config.Layer;
import dev.lamina.config.ParseLimits;

class DirectorySourceTest {

    @TempDir
    Path root;

    private Path config() throws Exception {
        return Files.createDirectories(root.resolve("config"));
    }

    private static List<Layer> read(Path dir, String env) {
        return ConfigSources.directory(dir, env).read(ParseLimits.DEFAULTS);
    }

    @Test
    void readsBaseThenEnvironmentInAnySupportedFormat() throws Exception {
        Path dir = config();
        Files.writeString(dir.resolve("base.yaml"), "a: 1\n");
        Files.writeString(dir.resolve("staging.toml"), "a = 2\n");
        Files.writeString(dir.resolve("prod.json"), "{}");
        List<Layer> layers = read(dir, "staging");
        assertThat(layers).extracting(Layer::name)
                .containsExactly(dir.resolve("base.yaml").toString(), dir.resolve("staging.toml").toString());
    }

    @Test
    void layerNamesUseTheDirectoryAsGiven() throws Exception {
        Path dir = config();
        Files.writeString(dir.resolve("dev.yaml"), "a: 1\n");
        Path relative = Path.of("").toAbsolutePath().relativize(dir);
        assertThat(read(relative, "dev")).extracting(Layer::name).containsExactly(relative.resolve("dev.yaml").toString());
    }

    @Test
    void baseFileIsOptional() throws Exception {
        Path dir = config();
        Files.writeString(dir.resolve("dev.properties"), "a=1\n");
        assertThat(read(dir, "dev")).hasSize(1);
    }

    @Test
    void missingEnvironmentListsTheEnvironmentsFound() throws Exception {
        Path dir = config();
        Files.writeString(dir.resolve("base.yaml"), "a: 1\n");
        Files.writeString(dir.resolve("prod.yaml"), "a: 1\n");
        Files.writeString(dir.resolve("dev.json"), "{}");
        Files.writeString(dir.resolve("notes.txt"), "not config");
        assertThatThrownBy(() -> read(dir, "staging"))
                .isInstanceOf(ConfigSourceException.class)
                .hasMessageStartingWith(dir + ": no configuration file for environment 'staging'")
                .hasMessageEndingWith("environments found: dev, prod");
    }

    @Test
    void sameStemInTwoFormatsIsAmbiguous() throws Exception {
        Path dir = config();
        Files.writeString(dir.resolve("base.yaml"), "a: 1\n");
        Files.writeString(dir.resolve("base.json"), "{}");
        Files.writeString(dir.resolve("dev.yaml"), "a: 1\n");
        assertThatThrownBy(() -> read(dir, "dev"))
                .isInstanceOf(ConfigSourceException.class)
                .hasMessage(dir + ": ambiguous configuration: base.json and base.yaml both define 'base'; keep one of them");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../etc", "a/b", "", ".hidden", "-x", "dev.yaml", "x\\y"})
    void rejectsEnvironmentNamesThatCouldEscape(String env) throws Exception {
        Path dir = config();
        assertThatThrownBy(() -> ConfigSources.directory(dir, env))
                .isInstanceOf(ConfigSourceException.class)
                .hasMessageContaining("invalid environment '");
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "environments", "schema"})
    void rejectsReservedFileNamesAsEnvironments(String env) throws Exception {
        Path dir = config();
        assertThatThrownBy(() -> ConfigSources.directory(dir, env))
                .isInstanceOf(ConfigSourceException.class)
                .hasMessageContaining("are reserved file names");
    }

    @Test
    void appliesTheInheritanceDeclaredInEnvironmentsYaml() throws Exception {
        Path dir = config();
        Files.writeString(dir.resolve("base.yaml"), "a: base\nb: base\nc: base\n");
        Files.writeString(dir.resolve("staging.yaml"), "b: staging\nc: staging\n");
        Files.writeString(dir.resolve("production.yaml"), "c: production\n");
        Files.writeString(dir.resolve("environments.yaml"), "production: {extends: staging}\n");
        Files.writeString(dir.resolve("schema.json"), "{}");
        assertThat(read(dir, "production")).extracting(Layer::name).containsExactly(
                dir.resolve("base.yaml").toString(), dir.resolve("staging.yaml").toString(),
                dir.resolve("production.yaml").toString());
        assertThatThrownBy(() -> read(dir, "prodution"))
                .hasMessageContaining("environments found: production, staging");
    }

    @Test
    void rejectsASymlinkThatEscapesTheDirectory() throws Exception {
        Path dir = config();
        Path outside = Files.writeString(root.resolve("outside.yaml"), "stolen: true\n");
        Files.createSymbolicLink(dir.resolve("dev.yaml"), outside);
        assertThatThrownBy(() -> read(dir, "dev"))
                .isInstanceOf(ConfigSourceException.class)
                .hasMessage(dir.resolve("dev.yaml") + ": resolves outside the configuration directory (symbolic link "
                        + "escape); refusing to read it");
    }

    @Test
    void followsSymlinksThatStayInside() throws Exception {
        // The Kubernetes ConfigMap layout: dev.yaml -> ..data/dev.yaml inside the mounted directory.
        Path dir = config();
        Path data = Files.createDirectories(dir.resolve("..2026_11_21"));
        Files.writeString(data.resolve("dev.yaml"), "a: 1\n");
        Files.createSymbolicLink(dir.resolve("..data"), data.getFileName());
        Files.createSymbolicLink(dir.resolve("dev.yaml"), Path.of("..data/dev.yaml"));
        assertThat(read(dir, "dev")).extracting(Layer::name).containsExactly(dir.resolve("dev.yaml").toString());
    }

    @Test
    void missingDirectoryIsAnError() {
        Path dir = root.resolve("nope");
        assertThatThrownBy(() -> read(dir, "dev"))
                .isInstanceOf(ConfigSourceException.class)
                .hasMessage(dir + ": configuration directory not found");
    }

    @Test
    void listsTheDirectoryAgainOnEveryRead() throws Exception {
        Path dir = config();
        var source = ConfigSources.directory(dir, "dev");
        Files.writeString(dir.resolve("dev.yaml"), "a: 1\n");
        assertThat(source.read(ParseLimits.DEFAULTS)).hasSize(1);
        Files.writeString(dir.resolve("base.yaml"), "a: 0\n");
        assertThat(source.read(ParseLimits.DEFAULTS)).hasSize(2);
    }
}
