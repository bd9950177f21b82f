package dev.lamina.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The loading settings {@link ConfigurationOptions} took over from the former ConfigurationOptions. */
class ConfigurationOptionsLoadingTest {

    private static final ValueResolver NONE = (key, context) -> Optional.empty();

    @Test
    void defaultsAreTheDocumentedOnes() {
        ConfigurationOptions d = ConfigurationOptions.defaults();
        assertThat(d.parseLimits()).isEqualTo(ParseLimits.DEFAULTS);
        assertThat(d.mergeOptions()).isEqualTo(MergeOptions.defaults());
        assertThat(d.secretPolicy()).isEqualTo(SecretPolicy.DEFAULT);
        assertThat(d.resolvers()).isEmpty();
        assertThat(d.directory()).isEqualTo(Path.of(""));
    }

    @Test
    void defaultEnvironmentFallsBackToSystemProperties() {
        String name = "lamina.test.only.property";
        System.setProperty(name, "from-property");
        try {
            assertThat(ConfigurationOptions.defaults().environmentLookup().apply(name)).contains("from-property");
        } finally {
            System.clearProperty(name);
        }
    }

    @Test
    void environmentMapIsCopiedAndLookedUp() {
        java.util.HashMap<String, String> env = new java.util.HashMap<>(Map.of("HOME", "/h"));
        ConfigurationOptions o = ConfigurationOptions.builder().environment(env).build();
        env.put("LATER", "x");
        assertThat(o.environmentLookup().apply("HOME")).contains("/h");
        assertThat(o.environmentLookup().apply("LATER")).isEmpty();
    }

    @Test
    void listStrategyIsAddedToTheMergeOptions() {
        ConfigurationOptions o = ConfigurationOptions.builder().listStrategy("a.b", ListMergeStrategy.append()).build();
        assertThat(o.mergeOptions().listStrategies()).containsEntry(ConfigPath.parse("a.b"), ListMergeStrategy.append());
    }

    @Test
    void listStrategyRejectsAMalformedPath() {
        assertThatThrownBy(() -> ConfigurationOptions.builder().listStrategy("a..b", ListMergeStrategy.append()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resolversAreKeptByPrefix() {
        ConfigurationOptions o = ConfigurationOptions.builder().addResolver("vault", NONE).build();
        assertThat(o.resolvers()).containsOnlyKeys("vault");
    }

    @Test
    void builtInResolverPrefixesCannotBeReplaced() {
        assertThatThrownBy(() -> ConfigurationOptions.builder().addResolver("ref", NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("built in");
        assertThatThrownBy(() -> ConfigurationOptions.builder().addResolver("file", NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void malformedAndDuplicatePrefixesAreRejected() {
        assertThatThrownBy(() -> ConfigurationOptions.builder().addResolver("Vault", NONE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ConfigurationOptions.builder().addResolver("vault", NONE).addResolver("vault", NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already registered");
    }

    @Test
    void toBuilderCopiesEverything() {
        ConfigurationOptions o = ConfigurationOptions.builder().directory(Path.of("/etc/app")).addResolver("vault", NONE)
                .secretPolicy(SecretPolicy.matching("pin")).listStrategy("x", ListMergeStrategy.append()).build();
        ConfigurationOptions copy = o.toBuilder().build();
        assertThat(copy.directory()).isEqualTo(Path.of("/etc/app"));
        assertThat(copy.resolvers()).containsOnlyKeys("vault");
        assertThat(copy.secretPolicy()).isEqualTo(o.secretPolicy());
        assertThat(copy.mergeOptions()).isEqualTo(o.mergeOptions());
    }

    @Test
    void toStringNeverShowsTheEnvironment() {
        ConfigurationOptions o = ConfigurationOptions.builder().environment(Map.of("DB_PASSWORD", "hunter2")).build();
        assertThat(o.toString()).doesNotContain("hunter2");
    }

    @Test
    void mergeOptionsRejectNulls() {
        assertThatThrownBy(() -> new MergeOptions(null)).isInstanceOf(NullPointerException.class);
    }
}
