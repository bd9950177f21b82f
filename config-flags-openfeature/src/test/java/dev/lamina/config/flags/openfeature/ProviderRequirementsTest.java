package dev.lamina.config.flags.openfeature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.openfeature.sdk.ErrorCode;
import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.ImmutableMetadata;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Value;

import dev.lamina.config.ConfigurationManager;

/**
 * Every MUST of the OpenFeature specification's provider section (2. Provider), one test each, named by its
 * requirement id. The SHOULD requirements the provider meets are tested beside them.
 */
class ProviderRequirementsTest {

    private static final String FLAGS = """
            feature_flags:
              beta:
                type: boolean
              colour:
                type: string
                variants:
                  - {name: blue, value: "#00f"}
                  - {name: red, value: "#f00"}
                default_variant: blue
                metadata: {owner: "team-player", since: 3, ratio: 0.25, critical: true}
              page_size:
                type: integer
                variants: [{name: small, value: 10}, {name: big, value: 100}]
                default_variant: big
              ratio:
                type: double
                variants: [{name: half, value: 0.5}]
                default_variant: half
              layout:
                type: object
                variants: [{name: grid, value: {columns: 3, tags: [a, b]}}]
                default_variant: grid
            """;

    private final LaminaProvider provider = new LaminaProvider(Fixtures.flags(FLAGS));
    private final ImmutableContext ctx = new ImmutableContext("user-1");

    @Test
    @DisplayName("2.1.1 the provider has metadata with a name")
    void req_2_1_1_metadataName() {
        assertThat(provider.getMetadata().getName()).isEqualTo("lamina");
    }

    @Test
    @DisplayName("2.2.1 resolution methods take key, default and context and return resolution details")
    void req_2_2_1_resolutionMethods() {
        ProviderEvaluation<Boolean> r = provider.getBooleanEvaluation("beta", false, ctx);
        assertThat(r.getValue()).isTrue();
        // The context is optional: null and empty contexts resolve too.
        assertThat(provider.getBooleanEvaluation("beta", false, null).getValue()).isTrue();
        assertThat(provider.getBooleanEvaluation("beta", false, new ImmutableContext()).getValue()).isTrue();
    }

    @Test
    @DisplayName("2.2.2.1 typed resolution: boolean, string, number (integer, double) and structure")
    void req_2_2_2_1_typedResolution() {
        assertThat(provider.getBooleanEvaluation("beta", false, ctx).getValue()).isTrue();
        assertThat(provider.getStringEvaluation("colour", "#000", ctx).getValue()).isEqualTo("#00f");
        assertThat(provider.getIntegerEvaluation("page_size", 1, ctx).getValue()).isEqualTo(100);
        assertThat(provider.getLongEvaluation("page_size", 1L, ctx).getValue()).isEqualTo(100L);
        assertThat(provider.getDoubleEvaluation("ratio", 0.0, ctx).getValue()).isEqualTo(0.5);
        Value layout = provider.getObjectEvaluation("layout", new Value(), ctx).getValue();
        assertThat(layout.asStructure().getValue("columns").asInteger()).isEqualTo(3);
        assertThat(layout.asStructure().getValue("tags").asList()).extracting(Value::asString).containsExactly("a", "b");
    }

    @Test
    @DisplayName("2.2.3 normal execution populates the value with the resolved flag value")
    void req_2_2_3_valuePopulated() {
        assertThat(provider.getStringEvaluation("colour", "caller-default", ctx).getValue()).isEqualTo("#00f");
        assertThat(provider.getIntegerEvaluation("page_size", -1, ctx).getValue()).isEqualTo(100);
    }

    @Test
    @DisplayName("2.2.4 (SHOULD) the variant names the returned value")
    void req_2_2_4_variant() {
        assertThat(provider.getStringEvaluation("colour", "#000", ctx).getVariant()).isEqualTo("blue");
        assertThat(provider.getIntegerEvaluation("page_size", 1, ctx).getVariant()).isEqualTo("big");
    }

    @Test
    @DisplayName("2.2.5 (SHOULD) the reason is one of the specification's reasons")
    void req_2_2_5_reason() {
        assertThat(provider.getStringEvaluation("colour", "#000", ctx).getReason()).isEqualTo("STATIC");
    }

    @Test
    @DisplayName("2.2.6 normal execution leaves the error code empty")
    void req_2_2_6_noErrorCode() {
        for (ProviderEvaluation<?> r : normalResults()) {
            assertThat(r.getErrorCode()).as(r.toString()).isNull();
        }
    }

    @Test
    @DisplayName("2.2.7 abnormal execution indicates an error with an error code")
    void req_2_2_7_errorCode() {
        ProviderEvaluation<String> missing = provider.getStringEvaluation("nope", "dflt", ctx);
        assertThat(missing.getErrorCode()).isEqualTo(ErrorCode.FLAG_NOT_FOUND);
        assertThat(missing.getValue()).isEqualTo("dflt");
        assertThat(missing.getErrorMessage()).contains("nope");
        ProviderEvaluation<Integer> mismatch = provider.getIntegerEvaluation("colour", 7, ctx);
        assertThat(mismatch.getErrorCode()).isEqualTo(ErrorCode.TYPE_MISMATCH);
        assertThat(mismatch.getValue()).isEqualTo(7);
        assertThat(mismatch.getErrorMessage()).contains("string").contains("integer");
    }

    @Test
    @DisplayName("2.2.9 (SHOULD) and 2.2.10 flag metadata: string keys, boolean | string | number values")
    void req_2_2_10_metadata() {
        ImmutableMetadata m = provider.getStringEvaluation("colour", "#000", ctx).getFlagMetadata();
        assertThat(m.getString("owner")).isEqualTo("team-player");
        assertThat(m.getInteger("since")).isEqualTo(3);
        assertThat(m.getDouble("ratio")).isEqualTo(0.25);
        assertThat(m.getBoolean("critical")).isTrue();
        assertThat(m.asUnmodifiableMap().values())
                .allSatisfy(v -> assertThat(v).isInstanceOfAny(String.class, Boolean.class, Number.class));
    }

    @Test
    @DisplayName("2.3.1 a provider hook mechanism exists (Lamina adds no hooks)")
    void req_2_3_1_providerHooks() {
        FeatureProvider p = provider;
        assertThat(p.getProviderHooks()).isEmpty();
    }

    @Test
    @DisplayName("2.3.2 normal execution leaves the error message empty")
    void req_2_3_2_noErrorMessage() {
        for (ProviderEvaluation<?> r : normalResults()) {
            assertThat(r.getErrorMessage()).as(r.toString()).isNull();
        }
    }

    @Test
    @DisplayName("2.5.2 after shutdown the provider is back in its uninitialised state")
    void req_2_5_2_shutdownUninitialised(@TempDir Path dir) throws Exception {
        ConfigurationManager m = Fixtures.manager(dir, FLAGS);
        LaminaProvider p = new LaminaProvider(m, Fixtures.CLOCK, null);
        assertThat(p.getBooleanEvaluation("beta", false, ctx).getErrorCode()).isEqualTo(ErrorCode.PROVIDER_NOT_READY);
        p.initialize(new ImmutableContext());
        assertThat(p.getBooleanEvaluation("beta", false, ctx).getValue()).isTrue();
        p.shutdown();
        ProviderEvaluation<Boolean> after = p.getBooleanEvaluation("beta", false, ctx);
        assertThat(after.getErrorCode()).isEqualTo(ErrorCode.PROVIDER_NOT_READY);
        assertThat(after.getValue()).isFalse();
        assertThat(p.flagsVersion()).isEmpty();
    }

    private List<ProviderEvaluation<?>> normalResults() {
        return List.of(provider.getBooleanEvaluation("beta", false, ctx),
                provider.getStringEvaluation("colour", "#000", ctx),
                provider.getIntegerEvaluation("page_size", 1, ctx),
                provider.getDoubleEvaluation("ratio", 0.0, ctx),
                provider.getObjectEvaluation("layout", new Value(), ctx));
    }

    @Test
    @DisplayName("2.4.2.1 (SHOULD) initialize fails when the flags cannot be served")
    void req_2_4_2_1_initializeFails(@TempDir Path dir) {
        ConfigurationManager m = Fixtures.manager(dir, "feature_flags:\n  bad: {rollout_percentage: 200}\n");
        LaminaProvider p = new LaminaProvider(m);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.initialize(new ImmutableContext()))
                .isInstanceOf(dev.openfeature.sdk.exceptions.GeneralError.class)
                .hasMessageContaining("feature_flags.bad.rollout_percentage").hasMessageContaining("between 0 and 100");
        assertThat(Map.of("state", p.getBooleanEvaluation("bad", false, ctx).getErrorCode()))
                .containsEntry("state", ErrorCode.PROVIDER_NOT_READY);
    }
}
