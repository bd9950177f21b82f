package dev.lamina.config.flags;

import static dev.lamina.config.flags.DynamicFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.ChangeRecord;
import dev.lamina.config.ConfigValidationException;
import dev.lamina.config.ConfigurationManager;
import dev.lamina.config.Principal;
import dev.lamina.config.Snapshot;

/** Flags through the dynamic manager: evaluation, runtime changes, status, typed keys, change events, metrics. */
class DynamicFlagsTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final EvaluationContext PREMIUM_EU = EvaluationContext.builder().userId("12345")
            .attribute("user_segment", "premium").attribute("region", "EU").build();
    private static final String FLAGS = """
            feature_flags:
              enhanced_anomaly_detection:
                description: "Advanced anomaly detection"
                rollout_percentage: 100
                targeting:
                  user_segment: [premium, family]
                  region: [EU]
              advanced_audio_analytics:
                rules:
                  - {name: staff, constraints: [{attribute: email, operator: STR_ENDS_WITH, values: ["@lamina.dev"]}]}
                variants: [{name: a, weight: 1}, {name: b, weight: 1}]
                depends_on: [enhanced_anomaly_detection]
            """;

    @TempDir
    Path dir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private ConfigurationManager manager;
    private DynamicConfigurationManager dynamic;

    enum MyFlags implements FlagKey {
        EXPERIMENTAL_AUDIO_ENHANCEMENT, ALWAYS_ON_UNTIL_DEFINED {
            @Override
            public boolean defaultEnabled() {
                return true;
            }
        };

        @Override
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private DynamicConfigurationManager start(String base) {
        write(dir, "base.yaml", base);
        manager = DynamicFixture.manager(dir);
        dynamic = new DynamicConfigurationManager(manager, DynamicFixture.CLOCK, registry);
        return dynamic;
    }

    @AfterEach
    void close() {
        if (dynamic != null) {
            dynamic.close();
        }
        if (manager != null) {
            manager.close();
        }
    }

    @Test
    void typedAndStringKeysEvaluateTheFileDefinitions() {
        start(FLAGS);
        assertThat(dynamic.isFeatureEnabled(TestFlags.ENHANCED_ANOMALY_DETECTION, PREMIUM_EU)).isTrue();
        assertThat(dynamic.isFeatureEnabled("enhanced_anomaly_detection", EvaluationContext.ofUser("1"))).isFalse();
    }

    @Test
    void evaluateExplainsValueReasonRuleAndBucket() {
        start(FLAGS);
        FlagEvaluation e = dynamic.evaluate("enhanced_anomaly_detection", PREMIUM_EU);
        assertThat(e.enabled()).isTrue();
        assertThat(e.reason()).isEqualTo(Reason.TARGETING_MATCH);
        assertThat(e.matchedRule()).contains("targeting");
        assertThat(e.bucket()).isPresent();
    }

    @Test
    void unknownFlagGivesTheCallersDefaultWithFlagNotFound() {
        start(FLAGS);
        assertThat(dynamic.isFeatureEnabled("nope", PREMIUM_EU, true)).isTrue();
        assertThat(dynamic.isFeatureEnabled("nope", PREMIUM_EU)).isFalse();
        assertThat(dynamic.evaluate("nope", PREMIUM_EU, true)).satisfies(e -> {
            assertThat(e.enabled()).isTrue();
            assertThat(e.reason()).isEqualTo(Reason.FLAG_NOT_FOUND);
        });
    }

    @Test
    void nullContextGivesTheDefaultWithErrorNeverAnException() {
        start(FLAGS);
        assertThat(dynamic.isFeatureEnabled("enhanced_anomaly_detection", null, true)).isTrue();
        assertThat(dynamic.evaluate("enhanced_anomaly_detection", null).reason()).isEqualTo(Reason.ERROR);
    }

    @Test
    void setFeatureFlagIsReadByTheCallerAsSoonAsItReturns() {
        start(FLAGS);
        assertThat(dynamic.isFeatureEnabled("beta_social_features", PREMIUM_EU)).isFalse();
        Snapshot s = dynamic.setFeatureFlag("beta_social_features", true, 100.0);
        assertThat(s.version()).isEqualTo(2);
        assertThat(dynamic.isFeatureEnabled("beta_social_features", PREMIUM_EU)).isTrue();
        assertThat(dynamic.definitionsVersion()).isEqualTo(2);
    }

    @Test
    void setFeatureFlagWritesBothKeysInOneVersion() {
        start(FLAGS);
        dynamic.setFeatureFlag("beta_social_features", true, 10.0);
        assertThat(manager.history()).hasSize(2);
        assertThat(manager.history().get(1).changedPaths()).extracting(Object::toString)
                .containsExactlyInAnyOrder("feature_flags.beta_social_features.enabled",
                        "feature_flags.beta_social_features.rollout_percentage");
        assertThat(manager.configuration().getDouble("feature_flags.beta_social_features.rollout_percentage"))
                .isEqualTo(10.0);
    }

    @Test
    void setFeatureFlagRollsOutToTheGivenShareOfUsers() {
        start(FLAGS);
        dynamic.setFeatureFlag("beta_social_features", true, 10.0);
        int on = 0;
        for (int i = 0; i < 10_000; i++) {
            on += dynamic.isFeatureEnabled("beta_social_features", EvaluationContext.ofUser("u" + i)) ? 1 : 0;
        }
        assertThat(on).isBetween(800, 1200);
    }

    @Test
    void setFeatureFlagKeepsTheRestOfAnExistingDefinition() {
        start(FLAGS);
        dynamic.setFeatureFlag(TestFlags.ENHANCED_ANOMALY_DETECTION, true, 100.0);
        assertThat(dynamic.isFeatureEnabled(TestFlags.ENHANCED_ANOMALY_DETECTION, EvaluationContext.ofUser("1")))
                .as("targeting still applies").isFalse();
        dynamic.setFeatureFlag("enhanced_anomaly_detection", false, 100.0);
        assertThat(dynamic.evaluate(TestFlags.ENHANCED_ANOMALY_DETECTION, PREMIUM_EU).reason())
                .isEqualTo(Reason.DISABLED);
    }

    @Test
    void setFeatureFlagRecordsThePrincipalAndReason() {
        start(FLAGS);
        Snapshot s = dynamic.setFeatureFlag("beta_social_features", true, 50, Principal.of("alice"), "beta for half");
        assertThat(s.change().who()).isEqualTo("alice");
        assertThat(s.change().why()).isEqualTo("beta for half");
        assertThat(s.change().action()).isEqualTo(ChangeRecord.Action.UPDATE);
    }

    @Test
    void setFeatureFlagRejectsARolloutOutside0To100BeforeWriting() {
        start(FLAGS);
        assertThatThrownBy(() -> dynamic.setFeatureFlag("beta_social_features", true, 100.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("feature_flags.beta_social_features.rollout_percentage")
                .hasMessageContaining("between 0 and 100");
        assertThatThrownBy(() -> dynamic.setFeatureFlag("beta_social_features", true, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(manager.current().version()).isEqualTo(1);
    }

    @Test
    void setFeatureFlagRejectsADottedKey() {
        start(FLAGS);
        assertThatThrownBy(() -> dynamic.setFeatureFlag("a.b", true, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a.b'");
    }

    @Test
    void anUpdateThatBreaksADefinitionIsRefusedByTheValidator() {
        write(dir, "base.yaml", "feature_flags:\n  child: {depends_on: [{flag: parent, variants: [blue]}]}\n"
                + "  parent: {variants: [{name: blue, weight: 1}]}\n");
        manager = DynamicFixture.manager(dir, FlagDefinitions.validator());
        dynamic = new DynamicConfigurationManager(manager);
        assertThatThrownBy(() -> manager.updateConfig("feature_flags.parent", null))
                .isInstanceOf(ConfigValidationException.class)
                .hasMessageContaining("feature_flags.child.depends_on[0]");
        assertThat(manager.current().version()).isEqualTo(1);
    }

    @Test
    void setFeatureFlagWhosePublishedDefinitionsAreRefusedThrowsAndKeepsThePreviousOnes() {
        start("feature_flags:\n  x: {rollout_percentage: 5}\nexperiments:\n  e: {traffic_split: {a: 100}}\n");
        manager.updateConfig("experiments.e.traffic_split.a", 90); // published (no validator), refused here
        assertThat(dynamic.definitionsVersion()).isEqualTo(1);
        assertThatThrownBy(() -> dynamic.setFeatureFlag("x", true, 50))
                .isInstanceOf(FlagDefinitionException.class)
                .hasMessageContaining("experiments.e.traffic_split");
        assertThat(manager.current().version()).isEqualTo(3);
        assertThat(dynamic.evaluate("x", EvaluationContext.ofUser("u")).bucket()).isPresent();
        assertThat(dynamic.definitionsVersion()).isEqualTo(1);
    }

    @Test
    void statusListsEveryFlagWithTargetingVariantsAndOrigin() {
        start(FLAGS);
        Map<String, FlagStatus> all = dynamic.getFeatureFlagsStatus();
        assertThat(all).containsOnlyKeys("enhanced_anomaly_detection", "advanced_audio_analytics");
        FlagStatus e = all.get("enhanced_anomaly_detection");
        assertThat(e.defined()).isTrue();
        assertThat(e.enabled()).isTrue();
        assertThat(e.rolloutPercentage()).isEqualTo(100.0);
        assertThat(e.description()).isEqualTo("Advanced anomaly detection");
        assertThat(e.targeting()).isEqualTo("user_segment in [premium, family] and region in [EU]");
        assertThat(e.origin()).hasValueSatisfying(o -> {
            assertThat(o.source()).endsWith("base.yaml");
            assertThat(o.line()).isEqualTo(3);
        });
        FlagStatus a = all.get("advanced_audio_analytics");
        assertThat(a.targeting()).isEqualTo("1 rule: staff");
        assertThat(a.variants()).containsExactly("a", "b");
        assertThat(a.dependsOn()).containsExactly("enhanced_anomaly_detection");
    }

    @Test
    void statusFollowsARuntimeChange() {
        start(FLAGS);
        dynamic.setFeatureFlag("beta_social_features", true, 10);
        FlagStatus s = dynamic.getFeatureFlagsStatus().get("beta_social_features");
        assertThat(s.rolloutPercentage()).isEqualTo(10.0);
        assertThat(s.targeting()).isEqualTo("everyone");
        assertThat(s.origin()).hasValueSatisfying(o -> assertThat(o.source()).contains("runtime update"));
    }

    @Test
    void aRegisteredTypedKeyIsListedAsNotDefinedAndEvaluatesToItsDefault() {
        start(FLAGS);
        dynamic.registerCustomFeatureFlag(MyFlags.EXPERIMENTAL_AUDIO_ENHANCEMENT);
        dynamic.registerCustomFeatureFlag(MyFlags.ALWAYS_ON_UNTIL_DEFINED);
        Map<String, FlagStatus> all = dynamic.getFeatureFlagsStatus();
        assertThat(all.get("experimental_audio_enhancement")).satisfies(s -> {
            assertThat(s.defined()).isFalse();
            assertThat(s.targeting()).isEqualTo("not defined");
        });
        assertThat(dynamic.isFeatureEnabled(MyFlags.EXPERIMENTAL_AUDIO_ENHANCEMENT, PREMIUM_EU)).isFalse();
        assertThat(dynamic.isFeatureEnabled(MyFlags.ALWAYS_ON_UNTIL_DEFINED, PREMIUM_EU)).isTrue();
        assertThat(dynamic.evaluate(MyFlags.ALWAYS_ON_UNTIL_DEFINED, PREMIUM_EU).reason())
                .isEqualTo(Reason.FLAG_NOT_FOUND);
        assertThat(dynamic.registeredFeatureFlags()).hasSize(2);
    }

    @Test
    void aRegisteredKeyOnceDefinedIsListedAsDefined() {
        start(FLAGS);
        dynamic.registerCustomFeatureFlag(MyFlags.EXPERIMENTAL_AUDIO_ENHANCEMENT);
        dynamic.setFeatureFlag(MyFlags.EXPERIMENTAL_AUDIO_ENHANCEMENT, false, 0);
        assertThat(dynamic.getFeatureFlagsStatus().get("experimental_audio_enhancement").defined()).isTrue();
        assertThat(dynamic.isFeatureEnabled(MyFlags.EXPERIMENTAL_AUDIO_ENHANCEMENT, PREMIUM_EU)).isFalse();
    }

    @Test
    void changeListenersHearOldAndNewEnabledAndRolloutWithVersionAndSource() {
        start(FLAGS);
        DynamicFixture.Recorder recorder = new DynamicFixture.Recorder();
        dynamic.registerChangeListener(recorder);
        dynamic.setFeatureFlag("enhanced_anomaly_detection", false, 40, Principal.of("bob"), "incident 42");
        await().atMost(WAIT).until(() -> !recorder.changes.isEmpty());
        FlagChangeEvent e = recorder.changes.get(0);
        assertThat(e.flag()).isEqualTo("enhanced_anomaly_detection");
        assertThat(e.path()).hasToString("feature_flags.enhanced_anomaly_detection");
        assertThat(e.oldEnabled()).contains(true);
        assertThat(e.newEnabled()).contains(false);
        assertThat(e.oldRolloutPercentage()).hasValue(100.0);
        assertThat(e.newRolloutPercentage()).hasValue(40.0);
        assertThat(e.version()).isEqualTo(2);
        assertThat(e.source()).contains("bob").contains("incident 42");
        assertThat(recorder.changes).hasSize(1);
    }

    @Test
    void changeListenersHearAddedAndRemovedFlags() {
        start(FLAGS);
        DynamicFixture.Recorder recorder = new DynamicFixture.Recorder();
        dynamic.registerChangeListener(recorder);
        dynamic.setFeatureFlag("beta_social_features", true, 100);
        manager.rollback(1);
        await().atMost(WAIT).until(() -> recorder.changes.size() == 2);
        assertThat(recorder.changes.get(0).oldStatus()).isEmpty();
        assertThat(recorder.changes.get(1).newStatus()).isEmpty();
        assertThat(recorder.changes.get(1).source()).contains("rollback");
    }

    @Test
    void aThrowingChangeListenerDoesNotStopTheOthers() {
        start(FLAGS);
        dynamic.registerChangeListener(e -> {
            throw new IllegalStateException("boom");
        });
        DynamicFixture.Recorder recorder = new DynamicFixture.Recorder();
        dynamic.registerChangeListener(recorder);
        dynamic.setFeatureFlag("beta_social_features", true, 100);
        await().atMost(WAIT).until(() -> recorder.changes.size() == 1);
        assertThat(dynamic.isFeatureEnabled("beta_social_features", PREMIUM_EU)).isTrue();
    }

    @Test
    void flagEventsArriveOnTheManagersEventThreadAndFlagsStartNoThreadOfTheirOwn() {
        start(FLAGS);
        java.util.List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        dynamic.registerChangeListener(e -> threads.add(Thread.currentThread().getName()));
        dynamic.setFeatureFlag("beta_social_features", true, 100);
        manager.updateConfig("feature_flags.beta_social_features.rollout_percentage", 50);
        await().atMost(WAIT).until(() -> threads.size() == 2);
        assertThat(threads).containsOnly("lamina-config-events");
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .doesNotContain("lamina-flag-events");
    }

    @Test
    void aVersionCompiledOnTheCallersThreadIsAnnouncedWithoutWaitingForTheNextPublish() {
        start(FLAGS);
        DynamicFixture.Recorder recorder = new DynamicFixture.Recorder();
        dynamic.registerChangeListener(recorder);
        for (int i = 1; i <= 30; i++) {
            // setFeatureFlag compiles on this thread (read-your-writes) while the event thread handles the publish.
            dynamic.setFeatureFlag("beta_social_features", true, i);
            int expected = i;
            await().atMost(WAIT).until(() -> recorder.changes.size() == expected);
        }
        assertThat(recorder.changes).extracting(FlagChangeEvent::version).isSorted();
    }

    @Test
    void evaluationsAreCountedByFlagAndReason() {
        start(FLAGS);
        dynamic.isFeatureEnabled("enhanced_anomaly_detection", PREMIUM_EU);
        dynamic.isFeatureEnabled("enhanced_anomaly_detection", PREMIUM_EU);
        assertThat(registry.counter(FlagEvaluator.METRIC, "flag", "enhanced_anomaly_detection",
                "reason", "TARGETING_MATCH").count()).isEqualTo(2.0);
    }

    @Test
    void requiresALoadedManager() {
        ConfigurationManager empty = new ConfigurationManager(dev.lamina.config.ConfigurationOptions.builder()
                .directory(dir).build());
        try (empty) {
            assertThatThrownBy(() -> new DynamicConfigurationManager(empty))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("loadEnvironmentConfig");
        }
    }

    @Test
    void theProviderFollowsRuntimeChanges() {
        start(FLAGS);
        FlagProvider provider = dynamic.provider();
        assertThat(provider.getBooleanValue("beta_social_features", false, PREMIUM_EU).errorCode())
                .contains(ProviderEvaluation.ErrorCode.FLAG_NOT_FOUND);
        dynamic.setFeatureFlag("beta_social_features", true);
        assertThat(provider.getBooleanValue("beta_social_features", false, PREMIUM_EU)).satisfies(e -> {
            assertThat(e.value()).isTrue();
            assertThat(e.reason()).isEqualTo(Reason.ROLLOUT);
        });
    }

    @Test
    void changeEventsFlowForAnUpdateMadeThroughTheManagerEvenWhenNobodyEvaluates() {
        start(FLAGS);
        DynamicFixture.Recorder recorder = new DynamicFixture.Recorder();
        dynamic.registerChangeListener(recorder);
        manager.updateConfig("feature_flags.enhanced_anomaly_detection.rollout_percentage", 30);
        await().atMost(WAIT).until(() -> recorder.changes.size() == 1);
        assertThat(recorder.changes.get(0).newRolloutPercentage()).hasValue(30.0);
        assertThat(recorder.changes.get(0).source()).contains("anonymous");
    }
}
