package dev.lamina.config;

import static dev.lamina.config.internal.tree.TestTrees.layer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

    /** A source that returns fixed layers and records the limits it was read with. */
    private static final class FixedSource implements ConfigSource {
        private final String name;
        private final List<Layer> layers;
        final List<ParseLimits> readWith = new CopyOnWriteArrayList<>();

        FixedSource(String name, Layer... layers) {
            this.name = name;
            this.layers = List.of(layers);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public List<Layer> read(ParseLimits limits) {
            readWith.add(limits);
            return layers;
        }
    }

    @Test
    void loadReadsEverySourceAndMergesInOrder() {
        FixedSource base = new FixedSource("base.json", layer("base.json", "{'a': 1, 'b': 1}"));
        FixedSource prod = new FixedSource("prod.json", layer("prod.json", "{'b': 2}"));
        Configuration c = new ConfigLoader().load(base, prod);
        assertThat(c.getInt("a")).isEqualTo(1);
        assertThat(c.getInt("b")).isEqualTo(2);
    }

    @Test
    void aSourceWithSeveralLayersContributesThemLowestFirst() {
        FixedSource dir = new FixedSource("conf.d", layer("conf.d/10.json", "{'a': 1}"), layer("conf.d/20.json", "{'a': 2}"));
        assertThat(new ConfigLoader().load(List.of(dir)).getInt("a")).isEqualTo(2);
    }

    @Test
    void sourcesAreReadWithTheConfiguredLimits() {
        ParseLimits limits = ParseLimits.DEFAULTS.withMaxDepth(7);
        FixedSource s = new FixedSource("s", layer("s", "{}"));
        new ConfigLoader(ConfigurationOptions.builder().parseLimits(limits).build()).load(s);
        assertThat(s.readWith).containsExactly(limits);
    }

    @Test
    void sourcesAreReadAgainOnEveryLoad() {
        FixedSource s = new FixedSource("s", layer("s", "{}"));
        ConfigLoader loader = new ConfigLoader();
        loader.load(s);
        loader.load(s);
        assertThat(s.readWith).hasSize(2);
    }

    @Test
    void anOptionalAbsentSourceContributesNothing() {
        FixedSource absent = new FixedSource("missing.yaml");
        assertThat(new ConfigLoader().load(absent).root().entries()).isEmpty();
    }

    @Test
    void aSourceFailurePropagatesUnchanged() {
        ConfigSource broken = new ConfigSource() {
            @Override
            public String name() {
                return "broken.yaml";
            }

            @Override
            public List<Layer> read(ParseLimits limits) {
                throw new ConfigSourceException(Origin.of("broken.yaml"), null, "cannot read");
            }
        };
        assertThatThrownBy(() -> new ConfigLoader().load(broken))
                .isInstanceOf(ConfigSourceException.class)
                .hasMessageContaining("broken.yaml: cannot read");
    }

    @Test
    void noSourcesGiveAnEmptyConfiguration() {
        Configuration c = new ConfigLoader().load();
        assertThat(c.root().entries()).isEmpty();
        assertThat(c.leafPaths()).isEmpty();
    }

    @Test
    void fromLayersAppliesListStrategiesFromTheOptions() {
        ConfigLoader loader = new ConfigLoader(ConfigurationOptions.builder()
                .listStrategy("plugins", ListMergeStrategy.parse("append")).build());
        Configuration c = loader.fromLayers(List.of(layer("a", "{'plugins': ['x']}"), layer("b", "{'plugins': ['y']}")));
        assertThat(c.getList("plugins", String.class)).containsExactly("x", "y");
    }

    @Test
    void fromLayersUsesTheSecretPolicyFromTheOptions() {
        ConfigLoader loader = new ConfigLoader(ConfigurationOptions.builder().secretPolicy(SecretPolicy.matching("^pin$")).build());
        Configuration c = loader.fromLayers(List.of(layer("a", "{'pin': '1234', 'password': 'visible'}")));
        assertThat(c.isSecret("pin")).isTrue();
        assertThat(c.isSecret("password")).isFalse();
        assertThat(c.secretPolicy()).isEqualTo(SecretPolicy.matching("^pin$"));
    }

    @Test
    void fromLayersReportsAMergeFailure() {
        ConfigLoader loader = new ConfigLoader(ConfigurationOptions.builder()
                .listStrategy("users", ListMergeStrategy.mergeByKey("id")).build());
        assertThatThrownBy(() -> loader.fromLayers(List.of(layer("a.json", "{'users': [{'name': 'x'}]}"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("a.json:1:12 users[0]");
    }

    @Test
    void aLoaderIsReusableFromManyThreads() throws Exception {
        ConfigLoader loader = new ConfigLoader();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                int n = i;
                results.add(pool.submit(() -> loader.fromLayers(List.of(layer("a", "{'n': " + n + "}"))).getInt("n")));
            }
            for (int i = 0; i < 32; i++) {
                assertThat(results.get(i).get()).isEqualTo(i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void optionsAreKept() {
        ConfigurationOptions options = ConfigurationOptions.builder().build();
        assertThat(new ConfigLoader(options).options()).isSameAs(options);
        assertThat(new ConfigLoader().options()).isSameAs(ConfigurationOptions.defaults());
    }
}
