package dev.lamina.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manager's layer order is one list of slots (docs/merging.md, "The order of layers"): the same key set in
 * every slot is explained with one candidate per slot, lowest precedence first, each with its kind, and the
 * highest slot wins. A {@code ConfigLoader} given the same options runs the same pipeline (issue 9).
 */
class LayerOrderTest {

    @TempDir
    Path dir;

    private static ConfigSource source(String name, String value) {
        return new ConfigSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<Layer> read(ParseLimits limits) {
                return List.of(new Layer(name, ConfigDocuments.parse(name, Format.JSON, "{\"x\": \"" + value + "\"}",
                        limits), LayerMetadata.of(LayerKind.REMOTE, name)));
            }
        };
    }

    @Test
    void everySlotTakesItsPlaceAndExplainListsThemLowestFirst() throws IOException {
        Files.writeString(dir.resolve("base.yaml"), "x: base\n");
        Files.writeString(dir.resolve("environments.yaml"), "production:\n  extends: staging\n");
        Files.writeString(dir.resolve("staging.yaml"), "x: staging\n");
        Files.writeString(dir.resolve("production.yaml"), "x: production\n");
        Files.createDirectories(dir.resolve("tenants"));
        Files.writeString(dir.resolve("tenants/acme.yaml"), "x: tenant\n");
        LayerProvider profile = context -> List.of(new Layer("profiles/fast.yaml",
                context.parse("profiles/fast.yaml", Format.YAML, "x: profile\n".getBytes()),
                LayerMetadata.of(LayerKind.PROFILE, "profile FAST")));
        ConfigurationOptions options = ConfigurationOptions.builder().directory(dir)
                .addSource(source("store-below", "below"), SourcePlacement.BELOW_FILES)
                .addSource(source("store-above", "above"), SourcePlacement.ABOVE_FILES)
                .addSource(source("store-top", "top"), SourcePlacement.ABOVE_ENVIRONMENT_VARIABLES)
                .addLayerProvider(profile)
                .envPrefix("APP_").environment(Map.of("APP_X", "env"))
                .build();
        try (ConfigurationManager manager = new ConfigurationManager(options)) {
            manager.loadEnvironmentConfig("production");
            manager.updateConfig("x", "runtime");
            Explanation e = manager.forTenant("acme").explain("x");

            assertThat(e.value()).contains("tenant");
            assertThat(e.candidates()).extracting(Explanation.Candidate::displayValue).containsExactly(
                    "below", "base", "staging", "production", "profile", "above", "env", "top", "runtime", "tenant");
            assertThat(e.candidates()).extracting(c -> c.metadata().kind()).containsExactly(
                    LayerKind.REMOTE, LayerKind.FILE, LayerKind.FILE, LayerKind.FILE, LayerKind.PROFILE,
                    LayerKind.REMOTE, LayerKind.ENVIRONMENT_VARIABLES, LayerKind.REMOTE, LayerKind.RUNTIME,
                    LayerKind.TENANT);
            assertThat(e.candidates()).filteredOn(Explanation.Candidate::won).hasSize(1)
                    .first().extracting(c -> c.metadata().kind()).isEqualTo(LayerKind.TENANT);
            assertThat(manager.configuration().explain("x").candidates()).last()
                    .extracting(c -> c.metadata().kind()).isEqualTo(LayerKind.RUNTIME);
        }
    }

    @Test
    void aLoaderWithTheSameOptionsRunsTheSamePipelineAsTheManager() throws IOException {
        Files.writeString(dir.resolve("base.yaml"), """
                x: base
                plugins: [a]
                secret_ref: ${vault:db}
                greeting: ${GREETING:-hi}
                """);
        Files.writeString(dir.resolve("staging.yaml"), "x: staging\nplugins: [b]\n");
        LayerProvider profile = context -> List.of(new Layer("profiles/fast.yaml",
                context.parse("profiles/fast.yaml", Format.YAML, "x: profile\n".getBytes()),
                LayerMetadata.of(LayerKind.PROFILE, "profile FAST")));
        ConfigurationOptions options = ConfigurationOptions.builder().directory(dir)
                .addSource(source("store-below", "below"), SourcePlacement.BELOW_FILES)
                .addSource(source("store-above", "above"), SourcePlacement.ABOVE_FILES)
                .addSource(source("store-top", "top"), SourcePlacement.ABOVE_ENVIRONMENT_VARIABLES)
                .addLayerProvider(profile)
                .addResolver("vault", ValueResolver.secrets(key -> Optional.of("s3cret-" + key)))
                .listStrategy("plugins", ListMergeStrategy.append())
                .envPrefix("APP_").environment(Map.of("APP_X", "env", "GREETING", "hello"))
                .build();

        Configuration loaded = new ConfigLoader(options).load(
                ConfigSources.file(dir.resolve("base.yaml")), ConfigSources.file(dir.resolve("staging.yaml")));
        Configuration managed;
        try (ConfigurationManager manager = new ConfigurationManager(options)) {
            managed = manager.loadEnvironmentConfig("staging");
        }

        assertThat(ConfigRenderer.render(loaded, RenderFormat.JSON, ConfigRenderer.Options.defaults()))
                .isEqualTo(ConfigRenderer.render(managed, RenderFormat.JSON, ConfigRenderer.Options.defaults()));
        assertThat(loaded.getString("x")).isEqualTo("top");
        assertThat(loaded.getList("plugins", String.class)).containsExactly("a", "b");
        assertThat(loaded.getString("greeting")).isEqualTo("hello");
        assertThat(loaded.isSecret("secret_ref")).isTrue();
        assertThat(managed.isSecret("secret_ref")).isTrue();
        assertThat(loaded.explain("x").candidates()).extracting(c -> c.metadata().kind())
                .containsExactlyElementsOf(managed.explain("x").candidates().stream()
                        .map(c -> c.metadata().kind()).toList());
        assertThat(loaded.explain("x").candidates()).extracting(Explanation.Candidate::displayValue)
                .containsExactly("below", "base", "staging", "profile", "above", "env", "top");
    }
}
