package dev.lamina.config;

import static dev.lamina.config.ManagerFixture.options;
import static dev.lamina.config.ManagerFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationManagerUpdateTest {

    @TempDir
    Path dir;

    private static final ConfigValidator THRESHOLD_AT_MOST_ONE = (c, env) ->
            c.getOptionalString("anomaly_detection.threshold").map(Double::parseDouble).filter(v -> v > 1).isPresent()
                    ? List.of(new ValidationProblem(ConfigPath.parse("anomaly_detection.threshold"),
                    c.origin("anomaly_detection.threshold"), "must be at most 1", Optional.of("use a ratio"), true))
                    : List.of();

    @BeforeEach
    void files() {
        write(dir, "base.yaml", "anomaly_detection:\n  threshold: 0.5\n  window: 10\ndb:\n  host: localhost\n  password: hunter2\n");
        write(dir, "staging.yaml", "");
    }

    private ConfigurationManager manager(ConfigurationOptions.Builder b) {
        ConfigurationManager m = new ConfigurationManager(b.build());
        m.loadEnvironmentConfig("staging");
        return m;
    }

    @Test
    void updatePublishesANewVersionWithTheValue() {
        try (ConfigurationManager m = manager(options(dir))) {
            Snapshot s = m.updateConfig("anomaly_detection.threshold", 0.85);
            assertThat(s.version()).isEqualTo(2);
            assertThat(m.current()).isSameAs(s);
            assertThat(s.configuration().getDouble("anomaly_detection.threshold")).isEqualTo(0.85);
            assertThat(s.change().action()).isEqualTo(ChangeRecord.Action.UPDATE);
            assertThat(s.change().who()).isEqualTo("anonymous");
        }
    }

    @Test
    void updateRefusedByValidatorPublishesNothing() {
        try (ConfigurationManager m = manager(options(dir).validator(THRESHOLD_AT_MOST_ONE))) {
            assertThatThrownBy(() -> m.updateConfig("anomaly_detection.threshold", 1.5))
                    .isInstanceOf(ConfigValidationException.class)
                    .hasMessageContaining("anomaly_detection.threshold")
                    .hasMessageContaining("must be at most 1");
            assertThat(m.current().version()).isEqualTo(1);
            assertThat(m.configuration().getDouble("anomaly_detection.threshold")).isEqualTo(0.5);
            // the next valid change applies normally
            assertThat(m.updateConfig("anomaly_detection.threshold", 0.9).version()).isEqualTo(2);
        }
    }

    @Test
    void staleExpectedVersionConflictsAndCarriesTheCurrentVersion() {
        try (ConfigurationManager m = manager(options(dir))) {
            m.updateConfig("anomaly_detection.threshold", 0.6);
            assertThatThrownBy(() -> m.updateConfig("anomaly_detection.threshold", 0.9, 1))
                    .isInstanceOfSatisfying(ConfigConflictException.class, e -> {
                        assertThat(e.currentVersion()).isEqualTo(2);
                        assertThat(e.expectedVersion()).isEqualTo(1);
                    })
                    .hasMessageContaining("current version is 2");
            assertThat(m.configuration().getDouble("anomaly_detection.threshold")).isEqualTo(0.6);
            assertThat(m.updateConfig("anomaly_detection.threshold", 0.9, 2).version()).isEqualTo(3);
        }
    }

    @Test
    void ofTwoWritersWithTheSameExpectedVersionExactlyOneWins() throws Exception {
        try (ConfigurationManager m = manager(options(dir))) {
            long expected = m.current().version();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Snapshot>> results = new ArrayList<>();
                for (double v : new double[] {0.7, 0.8}) {
                    Callable<Snapshot> writer = () -> {
                        start.await();
                        return m.updateConfig("anomaly_detection.threshold", v, expected);
                    };
                    results.add(pool.submit(writer));
                }
                start.countDown();
                int wins = 0;
                List<ConfigConflictException> conflicts = new ArrayList<>();
                for (Future<Snapshot> f : results) {
                    try {
                        f.get();
                        wins++;
                    } catch (java.util.concurrent.ExecutionException e) {
                        conflicts.add((ConfigConflictException) e.getCause());
                    }
                }
                assertThat(wins).isEqualTo(1);
                assertThat(conflicts).singleElement().satisfies(c -> assertThat(c.currentVersion()).isEqualTo(expected + 1));
                assertThat(m.current().version()).isEqualTo(expected + 1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void multiKeyUpdateIsOneVersion() {
        try (ConfigurationManager m = manager(options(dir))) {
            Snapshot s = m.updateConfig(UpdateRequest.builder()
                    .set("anomaly_detection.threshold", 0.7)
                    .set("anomaly_detection.window", 20)
                    .remove("db.host")
                    .principal(Principal.of("alice", "ops"))
                    .reason("tune detector")
                    .build());
            assertThat(s.version()).isEqualTo(2);
            assertThat(s.configuration().getInt("anomaly_detection.window")).isEqualTo(20);
            assertThat(s.configuration().hasPath("db.host")).isFalse();
            assertThat(s.change().who()).isEqualTo("alice");
            assertThat(s.change().why()).isEqualTo("tune detector");
            assertThat(m.history()).last().satisfies(v -> assertThat(v.changedPaths()).extracting(ConfigPath::toString)
                    .containsExactlyInAnyOrder("anomaly_detection.threshold", "anomaly_detection.window", "db.host"));
        }
    }

    @Test
    void updateWithTheSameValueCreatesNoVersion() {
        try (ConfigurationManager m = manager(options(dir))) {
            Snapshot s = m.updateConfig("anomaly_detection.window", 10);
            assertThat(s.version()).isEqualTo(1);
            assertThat(m.history()).hasSize(1);
        }
    }

    @Test
    void updatesStructuredValues() {
        try (ConfigurationManager m = manager(options(dir))) {
            m.updateConfig("brokers", List.of(Map.of("host", "a"), Map.of("host", "b")));
            m.updateConfig("timeouts.read", Duration.ofSeconds(15));
            assertThat(m.configuration().getString("brokers[1].host")).isEqualTo("b");
            assertThat(m.configuration().getString("timeouts.read")).isEqualTo("PT15S");
        }
    }

    @Test
    void rejectsSettingInsideAList() {
        try (ConfigurationManager m = manager(options(dir))) {
            m.updateConfig("brokers", List.of(Map.of("host", "a")));
            assertThatThrownBy(() -> m.updateConfig("brokers[0].host", "b"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("brokers[0].host")
                    .hasMessageContaining("set the whole list at 'brokers'");
            assertThat(m.configuration().getString("brokers[0].host")).isEqualTo("a");
        }
    }

    @Test
    void updateRequestToStringNeverShowsValues() {
        UpdateRequest r = UpdateRequest.builder().set("db.password", "hunter3").principal(Principal.of("alice")).build();
        assertThat(r.toString()).contains("db.password").contains("alice").doesNotContain("hunter3");
    }

    @Test
    void rejectsUnsupportedValueTypesWithoutQuotingThem() {
        try (ConfigurationManager m = manager(options(dir))) {
            assertThatThrownBy(() -> m.updateConfig("a", new StringBuilder("secret-ish")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("java.lang.StringBuilder")
                    .hasMessageNotContaining("secret-ish");
            assertThatThrownBy(() -> m.updateConfig("a", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
            assertThat(m.current().version()).isEqualTo(1);
        }
    }

    @Test
    void policyAllowsMatchingPatternsByRole() {
        AuthorizationPolicy policy = AuthorizationPolicy.roles(Map.of(
                "ml", List.of("anomaly_detection.*"),
                "flags", List.of("feature_flags.**")));
        try (ConfigurationManager m = manager(options(dir).authorizationPolicy(policy))) {
            Principal alice = Principal.of("alice", "ml");
            m.updateConfig(UpdateRequest.builder().set("anomaly_detection.threshold", 0.6).principal(alice).build());
            assertThat(m.current().version()).isEqualTo(2);
            assertThatThrownBy(() -> m.updateConfig(UpdateRequest.builder().set("db.host", "evil")
                    .principal(alice).build()))
                    .isInstanceOfSatisfying(ConfigAccessDeniedException.class,
                            e -> assertThat(e.principal()).isEqualTo("alice"))
                    .hasMessageContaining("db.host")
                    .hasMessageContaining("'alice' may not change");
            assertThat(m.configuration().getString("db.host")).isEqualTo("localhost");
        }
    }

    @Test
    void policyDeniesAnonymousUpdatesUnlessAllowAll() {
        AuthorizationPolicy policy = AuthorizationPolicy.roles(Map.of("ml", List.of("**")));
        try (ConfigurationManager m = manager(options(dir).authorizationPolicy(policy))) {
            assertThatThrownBy(() -> m.updateConfig("anomaly_detection.threshold", 0.6))
                    .isInstanceOf(ConfigAccessDeniedException.class)
                    .hasMessageContaining("anonymous");
            assertThat(m.current().version()).isEqualTo(1);
        }
    }

    @Test
    void aMultiKeyUpdateWithOneDeniedPathAppliesNothing() {
        AuthorizationPolicy policy = AuthorizationPolicy.roles(Map.of("ml", List.of("anomaly_detection.*")));
        try (ConfigurationManager m = manager(options(dir).authorizationPolicy(policy))) {
            assertThatThrownBy(() -> m.updateConfig(UpdateRequest.builder()
                    .set("anomaly_detection.threshold", 0.6).set("db.host", "x")
                    .principal(Principal.of("alice", "ml")).build()))
                    .isInstanceOf(ConfigAccessDeniedException.class);
            assertThat(m.configuration().getDouble("anomaly_detection.threshold")).isEqualTo(0.5);
        }
    }

    @Test
    void runtimeUpdatesArePersistedAndLoadedByTheNextManager() throws Exception {
        Path persist = dir.resolve("state").resolve("runtime.yaml");
        Files.createDirectories(persist.getParent());
        try (ConfigurationManager m = manager(options(dir).persistFile(persist))) {
            m.updateConfig("anomaly_detection.threshold", 0.85);
            m.updateConfig("feature.mode", "on");
        }
        assertThat(Files.readString(persist)).contains("threshold").contains("0.85");
        try (ConfigurationManager m = manager(options(dir).persistFile(persist))) {
            assertThat(m.configuration().getDouble("anomaly_detection.threshold")).isEqualTo(0.85);
            assertThat(m.configuration().getString("feature.mode")).isEqualTo("on");
        }
    }

    @Test
    void persistFileKeepsItsPermissions() throws Exception {
        Path persist = dir.resolve("runtime.yaml");
        try (ConfigurationManager m = manager(options(dir).persistFile(persist))) {
            m.updateConfig("anomaly_detection.threshold", 0.6);
            java.nio.file.Files.setPosixFilePermissions(persist,
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
            m.updateConfig("anomaly_detection.threshold", 0.7);
        }
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(persist))).isEqualTo("rw-r-----");
        assertThat(Files.readString(persist)).contains("0.7");
        try (var siblings = Files.list(dir)) {
            assertThat(siblings.map(p -> p.getFileName().toString()))
                    .as("no temporary file left behind").containsExactlyInAnyOrder("base.yaml", "staging.yaml", "runtime.yaml");
        }
    }

    @Test
    void runtimeUpdatesPersistAsJsonForOtherExtensions() throws Exception {
        Path persist = dir.resolve("runtime.json");
        try (ConfigurationManager m = manager(options(dir).persistFile(persist))) {
            m.updateConfig("anomaly_detection.threshold", 0.85);
        }
        assertThat(Files.readString(persist)).contains("\"threshold\"").contains("0.85");
    }

    @Test
    void corruptPersistFileFailsConstructionNamingTheFile() {
        Path persist = write(dir, "runtime.json", "{\"a\": ");
        assertThatThrownBy(() -> new ConfigurationManager(options(dir).persistFile(persist).build()))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("runtime.json");
    }

    @Test
    void rollbackRestoresAVersionsContentAsANewVersion() {
        try (ConfigurationManager m = manager(options(dir))) {
            Snapshot v1 = m.current();
            m.updateConfig("anomaly_detection.threshold", 0.6);
            m.updateConfig("anomaly_detection.threshold", 0.7);
            Snapshot back = m.rollback(1);
            assertThat(back.version()).isEqualTo(4);
            assertThat(back.contentHash()).isEqualTo(v1.contentHash());
            assertThat(back.configuration().getDouble("anomaly_detection.threshold")).isEqualTo(0.5);
            assertThat(back.change().action()).isEqualTo(ChangeRecord.Action.ROLLBACK);
            assertThat(back.change().why()).isEqualTo("rollback to version 1");
            assertThat(m.history()).extracting(VersionInfo::version).containsExactly(1L, 2L, 3L, 4L);
        }
    }

    @Test
    void rollbackAlsoRestoresTheRuntimeUpdatesLayer() {
        try (ConfigurationManager m = manager(options(dir))) {
            m.updateConfig("anomaly_detection.threshold", 0.6);
            m.rollback(1);
            // a reload rebuilds from the files plus the runtime layer of version 1 (empty): the update stays undone
            m.reload();
            assertThat(m.configuration().getDouble("anomaly_detection.threshold")).isEqualTo(0.5);
        }
    }

    @Test
    void rollbackToUnknownVersionIsAClearError() {
        try (ConfigurationManager m = manager(options(dir))) {
            m.updateConfig("anomaly_detection.threshold", 0.6);
            assertThatThrownBy(() -> m.rollback(42))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("unknown version 42")
                    .hasMessageContaining("history holds versions 1 to 2");
            assertThat(m.current().version()).isEqualTo(2);
        }
    }

    @Test
    void historyIsBoundedAndForgetsTheOldestVersions() {
        try (ConfigurationManager m = manager(options(dir).historySize(3))) {
            for (int i = 1; i <= 4; i++) {
                m.updateConfig("anomaly_detection.window", 10 + i);
            }
            assertThat(m.history()).extracting(VersionInfo::version).containsExactly(3L, 4L, 5L);
            assertThat(m.snapshot(2)).isEmpty();
            assertThat(m.snapshot(4)).hasValueSatisfying(s -> assertThat(s.version()).isEqualTo(4));
            assertThatThrownBy(() -> m.rollback(1)).hasMessageContaining("unknown version 1");
        }
    }

    @Test
    void rollbackIsAuthorizedForEveryPathItChanges() {
        AuthorizationPolicy policy = AuthorizationPolicy.roles(Map.of("ml", List.of("anomaly_detection.*")));
        try (ConfigurationManager m = manager(options(dir).authorizationPolicy(policy))) {
            Principal alice = Principal.of("alice", "ml");
            m.updateConfig(UpdateRequest.builder().set("anomaly_detection.threshold", 0.6).principal(alice).build());
            assertThatThrownBy(() -> m.rollback(1, Principal.of("bob", "other"), "undo"))
                    .isInstanceOf(ConfigAccessDeniedException.class)
                    .hasMessageContaining("anomaly_detection.threshold");
            assertThat(m.current().version()).isEqualTo(2);
            Snapshot back = m.rollback(1, alice, "undo");
            assertThat(back.version()).isEqualTo(3);
            assertThat(back.change().who()).isEqualTo("alice");
        }
    }

    @Test
    void setActiveConfigPublishesAConfigurationBuiltElsewhere() throws Exception {
        Path other = Files.createDirectory(dir.resolve("other"));
        write(other, "staging.yaml", "migrated: true\n");
        Configuration migrated;
        try (ConfigurationManager source = new ConfigurationManager(options(other).build())) {
            migrated = source.loadEnvironmentConfig("staging");
        }
        try (ConfigurationManager m = manager(options(dir))) {
            Snapshot s = m.setActiveConfig(migrated);
            assertThat(s.version()).isEqualTo(2);
            assertThat(s.change().action()).isEqualTo(ChangeRecord.Action.SET_ACTIVE);
            assertThat(m.configuration().getBoolean("migrated")).isTrue();
            assertThat(m.configuration().hasPath("db.host")).isFalse();
        }
    }

    @Test
    void setActiveConfigIsValidated() {
        Configuration tooHigh;
        try (ConfigurationManager unchecked = manager(options(dir))) {
            tooHigh = unchecked.updateConfig("anomaly_detection.threshold", 2).configuration();
        }
        try (ConfigurationManager m = manager(options(dir).validator(THRESHOLD_AT_MOST_ONE))) {
            assertThatThrownBy(() -> m.setActiveConfig(tooHigh))
                    .isInstanceOf(ConfigValidationException.class)
                    .hasMessageContaining("must be at most 1");
            assertThat(m.current().version()).isEqualTo(1);
        }
    }

    @Test
    void closedManagerRefusesChangesButStaysReadable() {
        ConfigurationManager m = manager(options(dir));
        m.close();
        assertThatThrownBy(() -> m.updateConfig("a", 1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThat(m.configuration().getString("db.host")).isEqualTo("localhost");
        m.close();
    }
}
