package dev.lamina.config.flags;

import static dev.lamina.config.flags.DynamicFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.ConfigObject;
import dev.lamina.config.Configuration;
import dev.lamina.config.ConfigurationManager;
import dev.lamina.config.ConfigurationOptions;
import dev.lamina.config.ResolvedValue;
import dev.lamina.config.SecretPolicy;
import dev.lamina.config.Snapshot;
import dev.lamina.config.ValueResolver;

/** A/B tests through the dynamic manager: creation, sticky assignment, per-variant configuration, exposures. */
class DynamicExperimentsTest {

    private static final Instant START = Instant.parse("2026-11-21T00:00:00Z");
    private static final Instant END = Instant.parse("2026-12-05T00:00:00Z");
    private static final String NAME = "recommendation_algorithm_v2";
    private static final EvaluationContext USER = EvaluationContext.builder().userId("12345")
            .attribute("user_segment", "premium").attribute("region", "EU").build();

    @TempDir
    Path dir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private ConfigurationManager manager;
    private DynamicConfigurationManager dynamic;

    private void start(String base) {
        write(dir, "base.yaml", base);
        manager = DynamicFixture.manager(dir);
        dynamic = new DynamicConfigurationManager(manager, DynamicFixture.CLOCK, registry);
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

    private static AbTestConfiguration test() {
        Map<String, Map<String, Object>> configurations = new LinkedHashMap<>();
        configurations.put("control", Map.of("algorithm", "matrix_factorization"));
        configurations.put("variant_a", Map.of("algorithm", "deep_neural_network", "embedding_dim", 256));
        configurations.put("variant_b", Map.of("algorithm", "hybrid_ensemble"));
        return new AbTestConfiguration(NAME, "Test new collaborative filtering algorithm", START, END,
                TrafficSplit.of("control", 50.0, "variant_a", 30.0, "variant_b", 20.0), configurations,
                List.of("click_through_rate", "listen_completion_rate"));
    }

    private static final String BASE = """
            recommendation_engine:
              algorithm: baseline
              embedding_dim: 128
              diversity_factor: 0.15
              note: "costs $$5"
            """;

    @Test
    void createAbTestWritesTheNativeDefinitionInSplitOrderAsOneVersion() {
        start(BASE);
        Snapshot s = dynamic.createAbTest(test());
        assertThat(s.version()).isEqualTo(2);
        ConfigObject split = (ConfigObject) manager.configuration().node("experiments." + NAME + ".traffic_split")
                .orElseThrow();
        assertThat(split.entries().keySet()).containsExactly("control", "variant_a", "variant_b");
        assertThat(manager.configuration().getString("experiments." + NAME + ".start_date"))
                .isEqualTo("2026-11-21T00:00:00Z");
        assertThat(dynamic.evaluator().experiments()).extracting(ExperimentSummary::key).containsExactly(NAME);
    }

    @Test
    void assignmentIsStickyAndFollowsTheSplit() {
        start(BASE);
        dynamic.createAbTest(test());
        String first = dynamic.getAbTestVariant(NAME, USER);
        for (int i = 0; i < 100; i++) {
            assertThat(dynamic.getAbTestVariant(NAME, USER)).isEqualTo(first);
        }
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            counts.merge(dynamic.getAbTestVariant(NAME, EvaluationContext.ofUser("user-" + i)), 1, Integer::sum);
        }
        assertThat(counts.get("control")).isBetween(4700, 5300);
        assertThat(counts.get("variant_a")).isBetween(2700, 3300);
        assertThat(counts.get("variant_b")).isBetween(1700, 2300);
    }

    @Test
    void assignmentAgreesWithTheEngineAndExplainsItself() {
        start(BASE);
        dynamic.createAbTest(test());
        ExperimentAssignment a = dynamic.assignAbTest(NAME, USER);
        assertThat(a.reason()).isEqualTo(AssignmentReason.ASSIGNED);
        assertThat(a.variant()).contains(dynamic.getAbTestVariant(NAME, USER));
        assertThat(dynamic.evaluator().variantOf(NAME, USER)).isEqualTo(a.variant());
        assertThat(a.bucket()).isPresent();
    }

    @Test
    void getAbTestConfigReturnsTheVariantsDeclaredConfiguration() {
        start(BASE);
        dynamic.createAbTest(test());
        Map<String, Object> cfg = dynamic.getAbTestConfig(NAME, "variant_a");
        assertThat(cfg).containsEntry("algorithm", "deep_neural_network").containsEntry("embedding_dim", 256L);
        assertThatThrownBy(() -> cfg.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(dynamic.getAbTestConfig(NAME, "nope")).isEmpty();
        assertThat(dynamic.getAbTestConfig("nope", "control")).isEmpty();
    }

    @Test
    void configurationForMergesTheUsersVariantOverTheBaseConfiguration() {
        start("""
                recommendation_engine:
                  algorithm: baseline
                  embedding_dim: 128
                  diversity_factor: 0.15
                experiments:
                  e:
                    traffic_split: {only: 100}
                    configurations:
                      only: {recommendation_engine: {algorithm: deep_neural_network, embedding_dim: 256}}
                """);
        Configuration cfg = dynamic.configurationFor("e", USER);
        assertThat(cfg.getString("recommendation_engine.algorithm")).isEqualTo("deep_neural_network");
        assertThat(cfg.getInt("recommendation_engine.embedding_dim")).isEqualTo(256);
        assertThat(cfg.getDouble("recommendation_engine.diversity_factor")).isEqualTo(0.15);
        assertThat(cfg.origin("recommendation_engine.algorithm")).hasValueSatisfying(o ->
                assertThat(o.source()).endsWith("base.yaml"));
    }

    @Test
    void configurationForMasksWhatTheSnapshotMasks() {
        write(dir, "base.yaml", """
                db: {url: '${vault:db}', password: Pz5-named, host: db.internal}
                billing: {account: Qw3-declared}
                experiments:
                  e: {traffic_split: {only: 100}, configurations: {only: {x: 1}}}
                """);
        write(dir, "staging.yaml", "{}\n");
        ValueResolver vault = (key, context) -> Optional.of(ResolvedValue.secret("Vx7-resolved"));
        manager = new ConfigurationManager(ConfigurationOptions.builder().directory(dir).environment(Map.of())
                .clock(DynamicFixture.CLOCK).addResolver("vault", vault)
                .secretPolicy(SecretPolicy.DEFAULT.withNames("^host$")).addSecretPaths("billing.account").build());
        manager.loadEnvironmentConfig("staging");
        dynamic = new DynamicConfigurationManager(manager, DynamicFixture.CLOCK, registry);

        Configuration cfg = dynamic.configurationFor("e", USER);

        for (String path : List.of("db.url", "db.password", "db.host", "billing.account")) {
            assertThat(cfg.isSecret(path)).as(path).isEqualTo(manager.configuration().isSecret(path)).isTrue();
        }
        assertThat(cfg.toString()).doesNotContain("Vx7-resolved", "Pz5-named", "db.internal", "Qw3-declared");
        assertThat(cfg.getString("db.url")).isEqualTo("Vx7-resolved");
    }

    @Test
    void configurationForIsComputedOncePerVariantAndVersion() {
        start(BASE + "experiments:\n  e: {traffic_split: {only: 100}, configurations: {only: {x: 1}}}\n");
        Configuration a = dynamic.configurationFor("e", EvaluationContext.ofUser("a"));
        Configuration b = dynamic.configurationFor("e", EvaluationContext.ofUser("b"));
        assertThat(a).isSameAs(b);
        manager.updateConfig("recommendation_engine.embedding_dim", 64);
        Configuration c = dynamic.configurationFor("e", EvaluationContext.ofUser("a"));
        assertThat(c).isNotSameAs(a);
        assertThat(c.getInt("recommendation_engine.embedding_dim")).isEqualTo(64);
        assertThat(c.getInt("x")).isEqualTo(1);
    }

    @Test
    void configurationForKeepsDollarTextExactlyAsTheSnapshotHoldsIt() {
        start(BASE + "experiments:\n  e: {traffic_split: {only: 100}, configurations: {only: {y: 'a $$HOME b'}}}\n");
        Configuration cfg = dynamic.configurationFor("e", USER);
        assertThat(cfg.getString("recommendation_engine.note"))
                .isEqualTo(manager.configuration().getString("recommendation_engine.note")).isEqualTo("costs $5");
        assertThat(cfg.getString("y")).isEqualTo("a $HOME b");
    }

    @Test
    void aUserNotEnrolledGetsTheBaseConfigurationAndTheFirstVariant() {
        start(BASE + "experiments:\n  later: {start_date: 2027-01-01T00:00:00Z, traffic_split: {control: 50, b: 50}}\n");
        assertThat(dynamic.getAbTestVariant("later", USER)).isEqualTo("control");
        assertThat(dynamic.getAbTestVariant("later", USER, "none")).isEqualTo("none");
        assertThat(dynamic.assignAbTest("later", USER).reason()).isEqualTo(AssignmentReason.NOT_STARTED);
        assertThat(dynamic.configurationFor("later", USER)).isSameAs(manager.configuration());
    }

    @Test
    void anUnknownExperimentGivesTheDefaultVariantWithItsReason() {
        start(BASE);
        assertThat(dynamic.getAbTestVariant("nope", USER)).isEqualTo(DynamicConfigurationManager.DEFAULT_VARIANT);
        assertThat(dynamic.getAbTestVariant("nope", USER, "fallback")).isEqualTo("fallback");
        assertThat(dynamic.getAbTestVariant(null, USER)).isEqualTo("control");
        assertThat(dynamic.assignAbTest("nope", USER).reason()).isEqualTo(AssignmentReason.EXPERIMENT_NOT_FOUND);
        assertThat(dynamic.configurationFor("nope", USER)).isSameAs(manager.configuration());
    }

    @Test
    void aNullContextIsNotEnrolledNeverAnException() {
        start(BASE);
        dynamic.createAbTest(test());
        assertThat(dynamic.getAbTestVariant(NAME, null)).isEqualTo("control");
        assertThat(dynamic.assignAbTest(NAME, null).reason()).isEqualTo(AssignmentReason.ERROR);
    }

    @Test
    void createAbTestRefusesAnExistingExperimentNamingWhereItIsDefined() {
        start(BASE + "experiments:\n  " + NAME + ": {traffic_split: {a: 100}}\n");
        assertThatThrownBy(() -> dynamic.createAbTest(test()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("experiments." + NAME)
                .hasMessageContaining("base.yaml:7");
        assertThat(manager.current().version()).isEqualTo(1);
    }

    @Test
    void createAbTestWithAnExclusionGroupWritesTheRange() {
        start(BASE + "experiments:\n  other: {traffic_split: {a: 100}, exclusion_group: home, exclusion_range: [0, 50]}\n");
        dynamic.createAbTest(test().withExclusion("home", 50, 100));
        int enrolled = 0;
        for (int i = 0; i < 1000; i++) {
            EvaluationContext c = EvaluationContext.ofUser("u" + i);
            boolean inOther = dynamic.assignAbTest("other", c).enrolled();
            boolean inNew = dynamic.assignAbTest(NAME, c).enrolled();
            assertThat(inOther && inNew).isFalse();
            enrolled += inNew ? 1 : 0;
        }
        assertThat(enrolled).isBetween(400, 600);
    }

    @Test
    void createAbTestThatOverlapsAnotherRangeIsRefusedByTheValidator() {
        write(dir, "base.yaml", "experiments:\n  other: {traffic_split: {a: 100}, exclusion_group: home, exclusion_range: [0, 60]}\n");
        manager = DynamicFixture.manager(dir, FlagDefinitions.validator());
        dynamic = new DynamicConfigurationManager(manager, DynamicFixture.CLOCK, null);
        assertThatThrownBy(() -> dynamic.createAbTest(test().withExclusion("home", 50, 100)))
                .isInstanceOf(dev.lamina.config.ConfigValidationException.class)
                .hasMessageContaining("overlap");
        assertThat(manager.current().version()).isEqualTo(1);
        assertThat(dynamic.assignAbTest(NAME, USER).reason()).isEqualTo(AssignmentReason.EXPERIMENT_NOT_FOUND);
    }

    @Test
    void rollbackRemovesACreatedAbTest() {
        start(BASE);
        dynamic.createAbTest(test());
        manager.rollback(1);
        assertThat(dynamic.assignAbTest(NAME, USER).reason()).isEqualTo(AssignmentReason.EXPERIMENT_NOT_FOUND);
    }

    @Test
    void exposureListenersHearEnrolledUsersOnly() {
        start(BASE + "experiments:\n  later: {start_date: 2027-01-01T00:00:00Z, traffic_split: {control: 100}}\n");
        dynamic.createAbTest(test());
        List<ExposureEvent> seen = new CopyOnWriteArrayList<>();
        dynamic.addExposureListener(seen::add);
        String v = dynamic.getAbTestVariant(NAME, USER);
        dynamic.getAbTestVariant("later", USER);
        dynamic.assignAbTest(NAME, USER);
        dynamic.configurationFor(NAME, USER);
        assertThat(seen).hasSize(3).allSatisfy(e -> {
            assertThat(e.experiment()).isEqualTo(NAME);
            assertThat(e.variant()).isEqualTo(v);
            assertThat(e.context()).isSameAs(USER);
            assertThat(e.version()).isEqualTo(2);
        });
    }

    @Test
    void aThrowingExposureListenerBreaksNeitherAssignmentNorOtherListeners() {
        start(BASE);
        dynamic.createAbTest(test());
        List<ExposureEvent> seen = new ArrayList<>();
        dynamic.addExposureListener(e -> {
            throw new IllegalStateException("analytics down");
        });
        dynamic.addExposureListener(seen::add);
        String expected = dynamic.evaluator().variantOf(NAME, USER).orElseThrow();
        assertThat(dynamic.getAbTestVariant(NAME, USER)).isEqualTo(expected);
        assertThat(dynamic.getAbTestVariant(NAME, USER)).isEqualTo(expected);
        assertThat(seen).hasSize(2);
    }

    @Test
    void removedExposureListenersAreNotCalled() {
        start(BASE);
        dynamic.createAbTest(test());
        List<ExposureEvent> seen = new ArrayList<>();
        ExposureListener l = seen::add;
        dynamic.addExposureListener(l);
        assertThat(dynamic.removeExposureListener(l)).isTrue();
        dynamic.getAbTestVariant(NAME, USER);
        assertThat(seen).isEmpty();
    }

    @Test
    void exposuresAreCountedPerExperimentAndVariantWithoutUserTags() {
        start(BASE);
        dynamic.createAbTest(test());
        String v = dynamic.getAbTestVariant(NAME, USER);
        dynamic.getAbTestVariant(NAME, USER);
        assertThat(registry.counter("lamina.experiments.exposures", "experiment", NAME, "variant", v).count())
                .isEqualTo(2.0);
        assertThat(registry.find("lamina.experiments.exposures").meters())
                .allSatisfy(m -> assertThat(m.getId().getTags()).extracting(t -> t.getKey())
                        .containsExactlyInAnyOrder("experiment", "variant"));
    }

    @Test
    void closeRemovesTheExposureCounters() {
        start(BASE);
        dynamic.createAbTest(test());
        dynamic.close();
        assertThat(registry.find("lamina.experiments.exposures").meters()).isEmpty();
    }
}
