package dev.lamina.config;

import static dev.lamina.config.ManagerFixture.renameSave;
import static dev.lamina.config.ManagerFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Hot reload on real files: each scenario checks the versions and events it must produce. */
class ConfigurationManagerHotReloadTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ManagerFixture.Recorder events = new ManagerFixture.Recorder();
    private ConfigurationManager manager;

    private ConfigurationManager start(ConfigurationOptions.Builder options) {
        manager = new ConfigurationManager(options.meterRegistry(registry)
                .quietPeriod(Duration.ofMillis(100)).debounce(Duration.ofMillis(50))
                .pollInterval(Duration.ofMillis(50)).build());
        manager.loadEnvironmentConfig("staging");
        manager.addChangeListener(events);
        manager.enableHotReload();
        return manager;
    }

    private ConfigurationManager start() {
        return start(ManagerFixture.options(dir));
    }

    @AfterEach
    void close() {
        if (manager != null) {
            manager.close();
        }
    }

    private double reloads(String result) {
        return registry.counter("lamina.config.reload", "result", result).count();
    }

    private long version() {
        return manager.current().version();
    }

    @Test
    void inPlaceEditPublishesOneVersionWithItsEvent() {
        write(dir, "staging.yaml", "threshold: 0.5\nwindow: 10\n");
        start();
        write(dir, "staging.yaml", "threshold: 0.7\nwindow: 10\n");
        await().atMost(WAIT).until(() -> version() == 2);
        assertThat(manager.configuration().getDouble("threshold")).isEqualTo(0.7);
        await().atMost(WAIT).until(() -> events.changes.size() == 1);
        ConfigChangeEvent e = events.changes.get(0);
        assertThat(e.path()).hasToString("threshold");
        assertThat(e.oldValue()).contains("0.5");
        assertThat(e.newValue()).contains("0.7");
        assertThat(e.source()).contains("staging.yaml");
        assertThat(e.version()).isEqualTo(2);
        assertThat(manager.current().change().action()).isEqualTo(ChangeRecord.Action.RELOAD);
    }

    @Test
    void renameSaveIsSeen() {
        write(dir, "staging.yaml", "threshold: 0.5\n");
        start();
        renameSave(dir, "staging.yaml", "threshold: 0.6\n");
        await().atMost(WAIT).until(() -> version() == 2);
        assertThat(manager.configuration().getDouble("threshold")).isEqualTo(0.6);
        await().atMost(WAIT).until(() -> events.changesOf("threshold").size() == 1);
    }

    @Test
    void kubernetesDataSymlinkSwapIsSeen() throws Exception {
        // The kubelet's layout: files are symlinks through ..data, which points at a timestamped directory.
        Path v1 = Files.createDirectory(dir.resolve("..2026_11_21_09_00_00.000000001"));
        write(v1, "staging.yaml", "threshold: 0.5\n");
        Files.createSymbolicLink(dir.resolve("..data"), v1.getFileName());
        Files.createSymbolicLink(dir.resolve("staging.yaml"), Path.of("..data", "staging.yaml"));
        start();
        assertThat(manager.configuration().getDouble("threshold")).isEqualTo(0.5);

        Path v2 = Files.createDirectory(dir.resolve("..2026_11_21_09_05_00.000000002"));
        write(v2, "staging.yaml", "threshold: 0.8\n");
        Files.createSymbolicLink(dir.resolve("..data_tmp"), v2.getFileName());
        Files.move(dir.resolve("..data_tmp"), dir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);
        Files.delete(v1.resolve("staging.yaml"));
        Files.delete(v1);

        await().atMost(WAIT).until(() -> version() == 2);
        assertThat(manager.configuration().getDouble("threshold")).isEqualTo(0.8);
        await().atMost(WAIT).until(() -> events.changesOf("threshold").size() == 1);
        assertThat(events.errors).isEmpty();
    }

    @Test
    void deletedFileKeepsTheLastGoodConfigurationUntilRecreated() throws Exception {
        write(dir, "base.yaml", "name: base\n");
        write(dir, "staging.yaml", "threshold: 0.5\n");
        start();
        Files.delete(dir.resolve("staging.yaml"));
        await().atMost(WAIT).until(() -> !events.errors.isEmpty());
        ConfigErrorEvent error = events.errors.get(0);
        assertThat(error.origin()).hasValueSatisfying(o -> assertThat(o.source()).endsWith("staging.yaml"));
        assertThat(error.message()).contains("deleted");
        assertThat(version()).isEqualTo(1);
        assertThat(manager.configuration().getDouble("threshold")).isEqualTo(0.5);

        write(dir, "staging.yaml", "threshold: 0.9\n");
        await().atMost(WAIT).until(() -> version() == 2);
        assertThat(manager.configuration().getDouble("threshold")).isEqualTo(0.9);
        await().atMost(WAIT).until(() -> events.changes.size() == 1);
        assertThat(events.changes.get(0).oldValue()).contains("0.5");
    }

    @Test
    void burstOfWritesIsCoalesced() {
        write(dir, "staging.yaml", "counter: 0\n");
        start();
        for (int i = 1; i <= 50; i++) {
            write(dir, "staging.yaml", "counter: " + i + "\n");
        }
        await().atMost(WAIT).until(() -> manager.configuration().getInt("counter") == 50);
        // Quiet period and debounce fold the burst into (nearly always) one reload; a 2-core CI machine may
        // pause the writer for longer than the quiet period once or twice, never 49 times.
        assertThat(version()).isBetween(2L, 4L);
        assertThat(manager.history()).extracting(VersionInfo::version)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, version()).boxed().toList());
        await().atMost(WAIT).until(() -> events.changes.size() == version() - 1);
        assertThat(events.changes.get(events.changes.size() - 1).newValue()).contains("50");
    }

    @Test
    void invalidEditIsRejectedAndTheNextValidEditApplies() {
        write(dir, "staging.yaml", "threshold: 0.5\n");
        start();
        write(dir, "staging.yaml", "threshold: 0.6\nbroken: [1, 2\n");
        await().atMost(WAIT).until(() -> !events.errors.isEmpty());
        ConfigErrorEvent error = events.errors.get(0);
        assertThat(error.origin()).hasValueSatisfying(o -> {
            assertThat(o.source()).endsWith("staging.yaml");
            assertThat(o.line()).isPositive();
            assertThat(o.column()).isPositive();
        });
        assertThat(version()).isEqualTo(1);
        assertThat(manager.configuration().getDouble("threshold")).isEqualTo(0.5);
        assertThat(reloads("rejected")).isGreaterThanOrEqualTo(1);

        write(dir, "staging.yaml", "threshold: 0.7\n");
        await().atMost(WAIT).until(() -> version() == 2);
        assertThat(manager.configuration().getDouble("threshold")).isEqualTo(0.7);
    }

    @Test
    void editRefusedByTheValidatorKeepsTheLastGoodSnapshot() {
        write(dir, "staging.yaml", "threshold: 0.5\n");
        ConfigValidator atMostOne = (c, env) -> c.getDouble("threshold") > 1
                ? java.util.List.of(new ValidationProblem(ConfigPath.parse("threshold"), c.origin("threshold"),
                "must be at most 1", java.util.Optional.empty(), true))
                : java.util.List.of();
        start(ManagerFixture.options(dir).validator(atMostOne));
        write(dir, "staging.yaml", "threshold: 3\n");
        await().atMost(WAIT).until(() -> !events.errors.isEmpty());
        assertThat(events.errors.get(0).exception()).isInstanceOf(ConfigValidationException.class);
        assertThat(events.errors.get(0).message()).contains("threshold").contains("must be at most 1");
        assertThat(version()).isEqualTo(1);
    }

    @Test
    void identicalRewriteCreatesNoVersionAndNoEvent() {
        write(dir, "staging.yaml", "threshold: 0.5\n");
        start();
        double before = reloads("unchanged");
        write(dir, "staging.yaml", "# same content, new comment\nthreshold: 0.5\n");
        await().atMost(WAIT).until(() -> reloads("unchanged") > before);
        assertThat(version()).isEqualTo(1);
        assertThat(events.changes).isEmpty();
        assertThat(events.errors).isEmpty();
    }

    @Test
    void newFileForTheEnvironmentIsPickedUp() {
        write(dir, "base.yaml", "threshold: 0.5\n");
        write(dir, "environments.yaml", "staging: {}\n"); // declared, so it may start without a file of its own
        start();
        write(dir, "staging.yaml", "threshold: 0.4\n");
        await().atMost(WAIT).until(() -> version() == 2);
        assertThat(manager.configuration().getDouble("threshold")).isEqualTo(0.4);
    }

    @Test
    void configurationDirectoryRemovedAndRecreatedIsWatchedAgain() throws Exception {
        write(dir, "staging.yaml", "threshold: 0.5\n");
        start();
        Files.delete(dir.resolve("staging.yaml"));
        Files.delete(dir);
        await().atMost(WAIT).until(() -> !events.errors.isEmpty());
        assertThat(version()).isEqualTo(1);

        Files.createDirectory(dir);
        write(dir, "staging.yaml", "threshold: 0.6\n");
        await().atMost(WAIT).until(() -> version() == 2);
        assertThat(manager.configuration().getDouble("threshold")).isEqualTo(0.6);
    }

    @Test
    void forcedPollingSeesEdits() {
        write(dir, "staging.yaml", "threshold: 0.5\n");
        start(ManagerFixture.options(dir).forcePolling(true));
        write(dir, "staging.yaml", "threshold: 0.75\n");
        await().atMost(WAIT).until(() -> version() == 2);
        assertThat(manager.configuration().getDouble("threshold")).isEqualTo(0.75);
    }

    @Test
    void editedTenantOverlayIsSeenWithoutANewVersion() {
        write(dir, "staging.yaml", "limits:\n  rps: 100\n");
        write(dir, "tenants/acme.yaml", "limits:\n  rps: 200\n");
        start();
        assertThat(manager.forTenant("acme").getInt("limits.rps")).isEqualTo(200);
        write(dir, "tenants/acme.yaml", "limits:\n  rps: 300\n");
        await().atMost(WAIT).until(() -> manager.forTenant("acme").getInt("limits.rps") == 300);
        assertThat(version()).isEqualTo(1);
    }

    @Test
    void tenantsDirectoryCreatedAfterStartIsWatched() {
        write(dir, "staging.yaml", "limits:\n  rps: 100\n");
        start();
        assertThat(manager.forTenant("acme").getInt("limits.rps")).isEqualTo(100);
        write(dir, "tenants/acme.yaml", "limits:\n  rps: 400\n");
        await().atMost(WAIT).until(() -> manager.forTenant("acme").getInt("limits.rps") == 400);
    }

    @Test
    void disableAndCloseStopWatching() {
        write(dir, "staging.yaml", "threshold: 0.5\n");
        start();
        assertThat(manager.isHotReloadEnabled()).isTrue();
        manager.disableHotReload();
        assertThat(manager.isHotReloadEnabled()).isFalse();
        manager.enableHotReload();
        manager.close();
        assertThat(manager.isHotReloadEnabled()).isFalse();
        await().atMost(WAIT).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && (t.getName().equals("lamina-config-events")
                        || t.getName().startsWith("lamina-watcher-"))));
    }
}
