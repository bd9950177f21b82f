package dev.lamina.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A source that reads a remote store reports whether it is current through its trigger's sink; the manager keeps
 * each source's last status and tells snapshot listeners of changes only, in order.
 */
class SourceHealthTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;

    /** A third-party remote source: contributes nothing here, and hands the test the sink its trigger gets. */
    static final class RemoteSource implements ConfigSource, ReloadTrigger {
        private final String name;
        final CountDownLatch started = new CountDownLatch(1);
        volatile Sink sink;

        RemoteSource(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public List<Layer> read(ParseLimits limits) {
            return List.of();
        }

        @Override
        public Optional<ReloadTrigger> reloadTrigger() {
            return Optional.of(this);
        }

        @Override
        public void start(Sink s) {
            sink = s;
            started.countDown();
        }

        @Override
        public void stop() {
        }

        Sink awaitSink() throws InterruptedException {
            assertThat(started.await(10, TimeUnit.SECONDS)).as("the manager started the trigger").isTrue();
            return sink;
        }
    }

    @Test
    void listenersHearEachChangeOfStatusOnceAndTheManagerKeepsTheLast() throws Exception {
        RemoteSource remote = new RemoteSource("remote:flags");
        ManagerFixture.write(dir, "base.yaml", "limit: 1\n");
        ManagerFixture.write(dir, "prod.yaml", "name: x\n");
        try (ConfigurationManager m = new ConfigurationManager(ManagerFixture.options(dir).addSource(remote).build())) {
            List<SourceHealth> heard = new CopyOnWriteArrayList<>();
            m.addSnapshotListener(new SnapshotListener() {
                @Override
                public void onPublish(Optional<Snapshot> previous, Snapshot current) {
                }

                @Override
                public void onSourceHealth(SourceHealth health) {
                    heard.add(health);
                }
            });
            m.loadEnvironmentConfig("prod");
            ReloadTrigger.Sink sink = remote.awaitSink();
            assertThat(m.sourceHealth()).as("nothing reported yet").isEmpty();

            sink.reportHealth(SourceHealth.stale("remote:flags", T0, "connection refused"));
            sink.reportHealth(SourceHealth.stale("remote:flags", T0.plusSeconds(5), "still refused")); // no change
            sink.reportHealth(SourceHealth.current("remote:flags", T0.plusSeconds(30)));
            sink.reportHealth(SourceHealth.current("remote:flags", T0.plusSeconds(31))); // no change

            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(heard).hasSize(2));
            assertThat(heard).extracting(SourceHealth::status)
                    .containsExactly(SourceHealth.Status.STALE, SourceHealth.Status.CURRENT);
            assertThat(heard.get(0).reason()).contains("connection refused");
            assertThat(m.sourceHealth()).containsExactly(SourceHealth.current("remote:flags", T0.plusSeconds(30)));
            assertThat(m.current().configuration().getInt("limit")).as("health changes no content").isEqualTo(1);
        }
    }

    @Test
    void aStatusIsCheckedWhenItIsMade() {
        assertThatThrownBy(() -> new SourceHealth("s", SourceHealth.Status.CURRENT, T0, Optional.of("why")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no stale reason");
        assertThatThrownBy(() -> SourceHealth.stale("s", T0, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> SourceHealth.current(null, T0)).isInstanceOf(NullPointerException.class);
        assertThat(SourceHealth.stale("s", T0, "down").isStale()).isTrue();
        assertThat(SourceHealth.current("s", T0).isStale()).isFalse();
    }

    @Test
    void aSinkThatDoesNotFollowHealthIgnoresIt() {
        ReloadTrigger.Sink sink = new ReloadTrigger.Sink() {
            @Override
            public void requestReload(String cause) {
            }

            @Override
            public void reportError(ConfigException error) {
            }
        };
        sink.reportHealth(SourceHealth.stale("s", T0, "down")); // the default: nothing happens, nothing throws
    }
}
