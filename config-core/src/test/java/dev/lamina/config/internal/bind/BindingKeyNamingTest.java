package dev.lamina.config.internal.bind;

import static dev.lamina.config.internal.tree.TestTrees.layer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.lamina.config.ConfigBindException;
import dev.lamina.config.ConfigLoader;
import dev.lamina.config.ConfigurationOptions;
import dev.lamina.config.KeyNaming;

/** {@link KeyNaming}: snake_case and kebab-case files bind to camelCase records, strictness kept. */
class BindingKeyNamingTest {

    record Pool(int maxSize, Duration requestTimeout, String poolName) {
    }

    record Annotated(@JsonProperty("timeout_ms") int timeoutMillis, int maxSize) {
    }

    private static dev.lamina.config.Configuration config(KeyNaming naming, String json) {
        return new ConfigLoader(ConfigurationOptions.builder().bindingKeyNaming(naming).build())
                .fromLayers(List.of(layer("app.json", json)));
    }

    @Test
    void snakeCaseKeysBindToCamelCaseComponents() {
        Pool p = config(KeyNaming.SNAKE_CASE,
                "{\"pool\":{\"max_size\":40,\"request_timeout\":\"30s\",\"pool_name\":\"main\"}}")
                .bind("pool", Pool.class);
        assertThat(p).isEqualTo(new Pool(40, Duration.ofSeconds(30), "main"));
    }

    @Test
    void kebabCaseKeysBindToCamelCaseComponents() {
        Pool p = config(KeyNaming.KEBAB_CASE,
                "{\"pool\":{\"max-size\":40,\"request-timeout\":\"250ms\",\"pool-name\":\"main\"}}")
                .bind("pool", Pool.class);
        assertThat(p).isEqualTo(new Pool(40, Duration.ofMillis(250), "main"));
    }

    @Test
    void anUnknownKeyIsStillAnErrorWithTheNearestKeyInTheChosenNaming() {
        assertThatThrownBy(() -> config(KeyNaming.SNAKE_CASE,
                "{\"pool\":{\"max_size\":40,\"request_timeout\":\"30s\",\"pool_nme\":\"main\"}}")
                .bind("pool", Pool.class))
                .isInstanceOf(ConfigBindException.class)
                .hasMessageContaining("unknown key 'pool_nme'")
                .hasMessageContaining("did you mean 'pool_name'?");
    }

    @Test
    void theCamelCaseSpellingIsUnknownUnderSnakeCase() {
        assertThatThrownBy(() -> config(KeyNaming.SNAKE_CASE,
                "{\"pool\":{\"maxSize\":40,\"request_timeout\":\"30s\",\"pool_name\":\"main\"}}")
                .bind("pool", Pool.class))
                .isInstanceOf(ConfigBindException.class)
                .hasMessageContaining("unknown key 'maxSize'")
                .hasMessageContaining("did you mean 'max_size'?");
    }

    @Test
    void byDefaultKeysMatchAsWritten() {
        assertThatThrownBy(() -> config(KeyNaming.AS_WRITTEN,
                "{\"pool\":{\"max_size\":40,\"request_timeout\":\"30s\",\"pool_name\":\"main\"}}")
                .bind("pool", Pool.class))
                .isInstanceOf(ConfigBindException.class)
                .hasMessageContaining("unknown key");
        assertThat(ConfigurationOptions.builder().build().bindingKeyNaming()).isEqualTo(KeyNaming.AS_WRITTEN);
    }

    @Test
    void anExplicitJsonPropertyWinsOverTheNaming() {
        Annotated a = config(KeyNaming.KEBAB_CASE, "{\"a\":{\"timeout_ms\":5,\"max-size\":3}}")
                .bind("a", Annotated.class);
        assertThat(a).isEqualTo(new Annotated(5, 3));
    }

    /**
     * A record in a named module whose package is not open to Jackson: Lamina's message names the package, the
     * module and the {@code opens} line to add, never Jackson's "Failed to call setAccess()" text.
     */
    @Test
    void aRecordInAModuleThatDoesNotOpenItsPackageGetsLaminasMessageWithTheFix(@TempDir Path dir) throws Exception {
        Class<?> type = compileClosedModule(dir);
        assertThat(type.getModule().isNamed()).isTrue();
        assertThatThrownBy(() -> config(KeyNaming.AS_WRITTEN, "{\"s\":{\"port\":8080}}").bind("s", type))
                .isInstanceOf(ConfigBindException.class)
                .hasMessageContaining("package demo is not open to Jackson")
                .hasMessageContaining("opens demo to com.fasterxml.jackson.databind;")
                .hasMessageContaining("module demo.app")
                .hasMessageNotContaining("setAccess");
    }

    private static Class<?> compileClosedModule(Path dir) throws IOException, ClassNotFoundException {
        Path src = dir.resolve("src");
        Files.createDirectories(src.resolve("demo"));
        Files.writeString(src.resolve("module-info.java"), "module demo.app { }\n");
        Files.writeString(src.resolve("demo/Settings.java"), "package demo; public record Settings(int port) { }\n");
        Path out = Files.createDirectories(dir.resolve("out"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-d", out.toString(),
                src.resolve("module-info.java").toString(), src.resolve("demo/Settings.java").toString());
        assertThat(rc).as("javac exit code").isZero();
        ModuleLayer parent = ModuleLayer.boot();
        Configuration cf = parent.configuration().resolve(ModuleFinder.of(out), ModuleFinder.of(), Set.of("demo.app"));
        ModuleLayer layer = parent.defineModulesWithOneLoader(cf, BindingKeyNamingTest.class.getClassLoader());
        return layer.findLoader("demo.app").loadClass("demo.Settings");
    }
}
