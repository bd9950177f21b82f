package dev.lamina.config.flags;

import static dev.lamina.config.flags.DynamicFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.ConfigValidationException;
import dev.lamina.config.ConfigValidator;
import dev.lamina.config.ConfigurationManager;

/** The evaluator follows the manager's versions: hot reload, reload, rollback, refused definitions. */
class DynamicReloadTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final EvaluationContext USER = EvaluationContext.ofUser("12345");

    @TempDir
    Path dir;

    private ConfigurationManager manager;
    private DynamicConfigurationManager dynamic;

    @AfterEach
    void close() {
        if (dynamic != null) {
            dynamic.close();
        }
        if (manager != null) {
            manager.close();
        }
    }

    private void start(String base, ConfigValidator validator) {
        write(dir, "base.yaml", base);
        manager = DynamicFixture.manager(dir, validator);
        dynamic = new DynamicConfigurationManager(manager, DynamicFixture.CLOCK, null);
    }

    private static String flag(boolean enabled) {
        return "feature_flags:\n  beta_social_features:\n    enabled: " + enabled + "\n";
    }

    @Test
    void hotReloadOfAFlagChangeIsFollowed() {
        start(flag(false), ConfigValidator.none());
        dynamic.startFileWatching();
        assertThat(dynamic.isFeatureEnabled("beta_social_features", USER)).isFalse();
        write(dir, "base.yaml", flag(true));
        await().atMost(WAIT).until(() -> dynamic.isFeatureEnabled("beta_social_features", USER));
        assertThat(dynamic.definitionsVersion()).isEqualTo(manager.current().version()).isEqualTo(2);
    }

    @Test
    void aReloadIsVisibleAsSoonAsItReturnsWithoutWaitingForListeners() {
        start(flag(false), ConfigValidator.none());
        write(dir, "base.yaml", flag(true));
        manager.reload();
        assertThat(dynamic.isFeatureEnabled("beta_social_features", USER)).isTrue();
        assertThat(dynamic.definitionsVersion()).isEqualTo(2);
    }

    @Test
    void rollbackBringsThePreviousFlagsBack() {
        start(flag(false), ConfigValidator.none());
        write(dir, "base.yaml", flag(true));
        manager.reload();
        assertThat(dynamic.isFeatureEnabled("beta_social_features", USER)).isTrue();
        manager.rollback(1);
        assertThat(dynamic.isFeatureEnabled("beta_social_features", USER)).isFalse();
        assertThat(dynamic.definitionsVersion()).isEqualTo(3);
    }

    @Test
    void invalidFlagFileWithoutValidatorIsPublishedButThePreviousDefinitionsStayWithAnErrorEvent() {
        start(flag(true), ConfigValidator.none());
        DynamicFixture.Recorder recorder = new DynamicFixture.Recorder();
        dynamic.registerChangeListener(recorder);
        write(dir, "base.yaml", flag(false) + "    rollout_percentage: 150\n");
        manager.reload();
        assertThat(manager.current().version()).isEqualTo(2);
        assertThat(dynamic.isFeatureEnabled("beta_social_features", USER)).isTrue();
        assertThat(dynamic.definitionsVersion()).isEqualTo(1);
        await().atMost(WAIT).until(() -> !recorder.errors.isEmpty());
        assertThat(recorder.errors.get(0).exception()).isInstanceOf(FlagDefinitionException.class);
        assertThat(recorder.errors.get(0).message())
                .contains("base.yaml:4")
                .contains("feature_flags.beta_social_features.rollout_percentage")
                .contains("between 0 and 100");
        assertThat(recorder.errors.get(0).path()).hasValueSatisfying(p ->
                assertThat(p).hasToString("feature_flags.beta_social_features.rollout_percentage"));
    }

    @Test
    void theNextValidVersionAfterARefusedOneAppliesNormally() {
        start(flag(false), ConfigValidator.none());
        write(dir, "base.yaml", flag(true) + "    rollout_percentage: -1\n");
        manager.reload();
        assertThat(dynamic.isFeatureEnabled("beta_social_features", USER)).isFalse();
        write(dir, "base.yaml", flag(true));
        manager.reload();
        assertThat(dynamic.isFeatureEnabled("beta_social_features", USER)).isTrue();
        assertThat(dynamic.definitionsVersion()).isEqualTo(3);
    }

    @Test
    void withTheValidatorAnInvalidFlagFileIsRefusedAndTheVersionStays() {
        start(flag(true), FlagDefinitions.validator());
        write(dir, "base.yaml", flag(false) + "    rollout_percentage: 150\n");
        assertThatThrownBy(manager::reload)
                .isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining("feature_flags.beta_social_features.rollout_percentage")
                .hasMessageContaining("base.yaml:4");
        assertThat(manager.current().version()).isEqualTo(1);
        assertThat(dynamic.isFeatureEnabled("beta_social_features", USER)).isTrue();
    }

    @Test
    void withTheValidatorAHotReloadOfABadSplitIsRefusedWithAnErrorEvent() {
        start("experiments:\n  e: {traffic_split: {a: 50, b: 50}}\n", FlagDefinitions.validator());
        ManagerErrors errors = new ManagerErrors();
        manager.addChangeListener(errors);
        dynamic.startFileWatching();
        write(dir, "base.yaml", "experiments:\n  e: {traffic_split: {a: 50, b: 40}}\n");
        await().atMost(WAIT).until(() -> !errors.messages.isEmpty());
        assertThat(errors.messages.get(0)).contains("experiments.e.traffic_split").contains("sum to 100");
        assertThat(manager.current().version()).isEqualTo(1);
        assertThat(dynamic.getAbTestVariant("e", USER)).isIn("a", "b");
    }

    @Test
    void theValidatorComposesWithAnotherValidator() {
        ConfigValidator other = (candidate, environment) -> java.util.List.of();
        start(flag(true), ConfigValidator.allOf(other, FlagDefinitions.validator()));
        write(dir, "base.yaml", "feature_flags:\n  x:\n    rules: [{constraints: [{attribute: a, operator: SEMVER_BETWEEN, values: [1]}]}]\n");
        assertThatThrownBy(manager::reload).isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining("feature_flags.x.rules[0].constraints[0].operator");
    }

    @Test
    void constructionFailsOnBadDefinitionsWithPathAndOrigin() {
        write(dir, "base.yaml", "feature_flags:\n  a: {depends_on: [b]}\n  b: {depends_on: [a]}\n");
        manager = DynamicFixture.manager(dir);
        assertThatThrownBy(() -> new DynamicConfigurationManager(manager))
                .isInstanceOf(FlagDefinitionException.class)
                .hasMessageContaining("prerequisite cycle")
                .hasMessageContaining("base.yaml");
    }

    @Test
    void anUnrelatedChangeKeepsTheEvaluatorAndItsDefinitionsVersion() {
        start(flag(true) + "threshold: 1\n", ConfigValidator.none());
        FlagEvaluator before = dynamic.evaluator();
        manager.updateConfig("threshold", 2);
        assertThat(dynamic.evaluator()).isSameAs(before);
        assertThat(dynamic.definitionsVersion()).isEqualTo(1);
    }

    /** Records the manager's own error events. */
    private static final class ManagerErrors implements dev.lamina.config.ConfigChangeListener {
        final java.util.List<String> messages = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void onChange(dev.lamina.config.ConfigChangeEvent event) {
        }

        @Override
        public void onError(dev.lamina.config.ConfigErrorEvent event) {
            messages.add(event.message());
        }
    }
}
