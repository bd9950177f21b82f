package dev.lamina.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class LoadOptionsTest {

    private static ValueResolver resolver(String prefix) {
        return new ValueResolver() {
            @Override
            public String prefix() {
                return prefix;
            }

            @Override
            public Optional<String> resolve(String key) {
                return Optional.empty();
            }
        };
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        LoadOptions d = LoadOptions.defaults();
        assertThat(d.parseLimits()).isEqualTo(ParseLimits.DEFAULTS);
        assertThat(d.mergeOptions()).isEqualTo(MergeOptions.defaults());
        assertThat(d.secretPolicy()).isEqualTo(SecretPolicy.DEFAULT);
        assertThat(d.resolvers()).isEmpty();
        assertThat(d.baseDirectory()).isEqualTo(Path.of(""));
    }

    @Test
    void defaultEnvironmentFallsBackToSystemProperties() {
        String name = "lamina.test.only.property";
        System.setProperty(name, "from-property");
        try {
            assertThat(LoadOptions.defaults().environment().apply(name)).contains("from-property");
        } finally {
            System.clearProperty(name);
        }
    }

    @Test
    void environmentMapIsCopiedAndLookedUp() {
        java.util.HashMap<String, String> env = new java.util.HashMap<>(Map.of("HOME", "/h"));
        LoadOptions o = LoadOptions.builder().environment(env).build();
        env.put("LATER", "x");
        assertThat(o.environment().apply("HOME")).contains("/h");
        assertThat(o.environment().apply("LATER")).isEmpty();
    }

    @Test
    void listStrategyIsAddedToTheMergeOptions() {
        LoadOptions o = LoadOptions.builder().listStrategy("a.b", ListMergeStrategy.append()).build();
        assertThat(o.mergeOptions().listStrategies()).containsEntry(ConfigPath.parse("a.b"), ListMergeStrategy.append());
    }

    @Test
    void listStrategyRejectsAMalformedPath() {
        assertThatThrownBy(() -> LoadOptions.builder().listStrategy("a..b", ListMergeStrategy.append()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resolversAreKeptByPrefix() {
        LoadOptions o = LoadOptions.builder().resolver(resolver("vault")).build();
        assertThat(o.resolvers()).containsOnlyKeys("vault");
    }

    @Test
    void builtInResolverPrefixesCannotBeReplaced() {
        assertThatThrownBy(() -> LoadOptions.builder().resolver(resolver("ref")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("built in");
        assertThatThrownBy(() -> LoadOptions.builder().resolver(resolver("file")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void malformedAndDuplicatePrefixesAreRejected() {
        assertThatThrownBy(() -> LoadOptions.builder().resolver(resolver("Vault"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LoadOptions.builder().resolver(resolver("vault")).resolver(resolver("vault")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already registered");
    }

    @Test
    void toBuilderCopiesEverything() {
        LoadOptions o = LoadOptions.builder().baseDirectory(Path.of("/etc/app")).resolver(resolver("vault"))
                .secretPolicy(SecretPolicy.matching("pin")).listStrategy("x", ListMergeStrategy.append()).build();
        LoadOptions copy = o.toBuilder().build();
        assertThat(copy.baseDirectory()).isEqualTo(Path.of("/etc/app"));
        assertThat(copy.resolvers()).containsOnlyKeys("vault");
        assertThat(copy.secretPolicy()).isEqualTo(o.secretPolicy());
        assertThat(copy.mergeOptions()).isEqualTo(o.mergeOptions());
    }

    @Test
    void toStringNeverShowsTheEnvironment() {
        LoadOptions o = LoadOptions.builder().environment(Map.of("DB_PASSWORD", "hunter2")).build();
        assertThat(o.toString()).doesNotContain("hunter2");
    }

    @Test
    void mergeOptionsRejectNulls() {
        assertThatThrownBy(() -> new MergeOptions(null)).isInstanceOf(NullPointerException.class);
    }
}
