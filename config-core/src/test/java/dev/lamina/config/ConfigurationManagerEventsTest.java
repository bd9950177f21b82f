package dev.lamina.config;

import static dev.lamina.config.ManagerFixture.options;
import static dev.lamina.config.ManagerFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationManagerEventsTest {

    @TempDir
    Path dir;

    @BeforeEach
    void files() {
        write(dir, "base.yaml", "a: 1\nb: 2\ndb:\n  password: hunter2\n  host: localhost\n");
        write(dir, "staging.yaml", "");
    }

    @Test
    void emitsOneEventPerChangedLeafWithOldNewSourceAndVersion() {
        try (ConfigurationManager m = new ConfigurationManager(options(dir).build())) {
            m.loadEnvironmentConfig("staging");
            ManagerFixture.Recorder r = new ManagerFixture.Recorder();
            m.addChangeListener(r);
            m.updateConfig(UpdateRequest.builder().set("a", 10).set("c", "new").remove("b")
                    .principal(Principal.of("alice")).build());
            await().atMost(Duration.ofSeconds(5)).until(() -> r.changes.size() == 3);
            assertThat(r.changesOf("a")).singleElement().satisfies(e -> {
                assertThat(e.oldValue()).contains("1");
                assertThat(e.newValue()).contains("10");
                assertThat(e.source()).isEqualTo("runtime update by alice");
                assertThat(e.version()).isEqualTo(2);
            });
            assertThat(r.changesOf("c")).singleElement().satisfies(e -> assertThat(e.oldValue()).isEmpty());
            assertThat(r.changesOf("b")).singleElement().satisfies(e -> {
                assertThat(e.oldValue()).contains("2");
                assertThat(e.newValue()).isEmpty();
            });
        }
    }

    @Test
    void masksSecretValuesInEvents() {
        try (ConfigurationManager m = new ConfigurationManager(options(dir).build())) {
            m.loadEnvironmentConfig("staging");
            ManagerFixture.Recorder r = new ManagerFixture.Recorder();
            m.addChangeListener(r);
            m.updateConfig("db.password", "correct-horse");
            await().atMost(Duration.ofSeconds(5)).until(() -> r.changes.size() == 1);
            ConfigChangeEvent e = r.changes.get(0);
            assertThat(e.oldValue()).contains(SecretPolicy.MASK);
            assertThat(e.newValue()).contains(SecretPolicy.MASK);
            assertThat(e.toString()).doesNotContain("hunter2").doesNotContain("correct-horse");
        }
    }

    @Test
    void aThrowingListenerDoesNotStopTheOthers() {
        try (ConfigurationManager m = new ConfigurationManager(options(dir).build())) {
            m.loadEnvironmentConfig("staging");
            ManagerFixture.Recorder before = new ManagerFixture.Recorder();
            ManagerFixture.Recorder after = new ManagerFixture.Recorder();
            m.addChangeListener(before);
            m.addChangeListener(e -> {
                throw new IllegalStateException("listener bug");
            });
            m.addChangeListener(after);
            m.updateConfig("a", 2);
            m.updateConfig("a", 3);
            await().atMost(Duration.ofSeconds(5)).until(() -> after.changes.size() == 2);
            assertThat(before.changes).extracting(ConfigChangeEvent::version).containsExactly(2L, 3L);
            assertThat(after.changes).extracting(ConfigChangeEvent::version).containsExactly(2L, 3L);
            assertThat(m.current().version()).isEqualTo(3);
        }
    }

    @Test
    void aSlowListenerBlocksNeitherTheSwapNorReaders() throws Exception {
        try (ConfigurationManager m = new ConfigurationManager(options(dir).build())) {
            m.loadEnvironmentConfig("staging");
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch entered = new CountDownLatch(1);
            m.addChangeListener(e -> {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            });
            m.updateConfig("a", 2);
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
            // the listener is stuck, yet further updates publish and readers see them
            assertThat(m.updateConfig("a", 3).version()).isEqualTo(3);
            assertThat(m.configuration().getInt("a")).isEqualTo(3);
            release.countDown();
        }
    }

    @Test
    void removedListenerReceivesNothing() {
        try (ConfigurationManager m = new ConfigurationManager(options(dir).build())) {
            m.loadEnvironmentConfig("staging");
            ManagerFixture.Recorder removed = new ManagerFixture.Recorder();
            ManagerFixture.Recorder kept = new ManagerFixture.Recorder();
            m.addChangeListener(removed);
            m.addChangeListener(kept);
            assertThat(m.removeChangeListener(removed)).isTrue();
            m.updateConfig("a", 2);
            await().atMost(Duration.ofSeconds(5)).until(() -> kept.changes.size() == 1);
            assertThat(removed.changes).isEmpty();
        }
    }

    @Test
    void rejectedReloadEmitsAnErrorEventNamingTheFile() {
        try (ConfigurationManager m = new ConfigurationManager(options(dir).build())) {
            m.loadEnvironmentConfig("staging");
            ManagerFixture.Recorder r = new ManagerFixture.Recorder();
            m.addChangeListener(r);
            write(dir, "base.yaml", "a: [1,\n");
            m.enableHotReload(); // the catch-up reload sees the broken file
            await().atMost(Duration.ofSeconds(5)).until(() -> !r.errors.isEmpty());
            ConfigErrorEvent e = r.errors.get(0);
            assertThat(e.origin()).hasValueSatisfying(o -> {
                assertThat(o.source()).endsWith("base.yaml");
                assertThat(o.hasLine()).isTrue();
            });
            assertThat(e.message()).contains("base.yaml");
            assertThat(m.current().version()).isEqualTo(1);
            assertThat(r.changes).isEmpty();
        }
    }

    @Test
    void eventsUseTheGivenExecutor() {
        List<Runnable> queued = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (ConfigurationManager m = new ConfigurationManager(options(dir).listenerExecutor(queued::add).build())) {
            m.loadEnvironmentConfig("staging");
            ManagerFixture.Recorder r = new ManagerFixture.Recorder();
            m.addChangeListener(r);
            m.updateConfig("a", 2);
            assertThat(r.changes).isEmpty();
            queued.forEach(Runnable::run);
            assertThat(r.changes).extracting(ConfigChangeEvent::newValue).containsExactly(Optional.of("2"));
        }
    }
}
