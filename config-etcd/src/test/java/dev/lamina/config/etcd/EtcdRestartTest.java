package dev.lamina.config.etcd;

import static dev.lamina.config.etcd.Fleet.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.lamina.config.Snapshot;
import dev.lamina.config.SnapshotListener;
import dev.lamina.config.SourceHealth;
import dev.lamina.config.VersionInfo;
import dev.lamina.config.etcd.Fleet.Instance;

/** etcd killed (SIGKILL) and restarted under running managers. */
class EtcdRestartTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    @Test
    void killedAndRestartedEtcdMakesTheSourceStaleThenRecoveredWithNoChangeLostOrAppliedTwice() {
        try (EtcdProcess etcd = EtcdProcess.start(dir.resolve("etcd"))) {
            EtcdProcess.Gateway gw = etcd.gateway();
            String prefix = "/lamina/restart/prod/";
            gw.put(prefix + "counter", "0");
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            try (Instance i = Fleet.start(dir.resolve("a"), Fleet.options(etcd.endpoint(), prefix)
                    .meterRegistry(meters).build())) {
                // What an OpenFeature provider follows (SnapshotListener.onSourceHealth): STALE, then CURRENT.
                List<SourceHealth> health = new CopyOnWriteArrayList<>();
                i.manager().addSnapshotListener(new SnapshotListener() {
                    @Override
                    public void onPublish(Optional<Snapshot> previous, Snapshot current) {
                    }

                    @Override
                    public void onSourceHealth(SourceHealth h) {
                        health.add(h);
                    }
                });
                gw.put(prefix + "counter", "1");
                await("counter=1", WAIT, () -> i.manager().configuration().getInt("counter") == 1);

                etcd.kill();
                await("an error event saying STALE", WAIT, () -> i.errors().stream()
                        .anyMatch(e -> e.message().contains("STALE")));
                assertThat(i.source().health().state()).isEqualTo(EtcdHealth.State.STALE);
                await("the source reported STALE to the manager's listeners", WAIT, () -> !health.isEmpty());
                assertThat(health).singleElement().satisfies(h -> {
                    assertThat(h.status()).isEqualTo(SourceHealth.Status.STALE);
                    assertThat(h.source()).isEqualTo(i.source().name());
                    assertThat(h.reason()).hasValueSatisfying(r -> assertThat(r).isNotBlank());
                });
                assertThat(i.manager().sourceHealth()).extracting(SourceHealth::status)
                        .containsExactly(SourceHealth.Status.STALE);
                assertThat(meters.get("lamina.etcd.stale").gauge().value()).isEqualTo(1.0);
                // Still serving, and a reload (a file edit would cause one) keeps etcd's last content.
                assertThat(i.manager().configuration().getInt("counter")).isEqualTo(1);
                assertThat(i.manager().reload().configuration().getInt("counter")).isEqualTo(1);

                etcd.restart();
                // Changes made right after the restart, possibly before the watch is back, must all arrive.
                gw.put(prefix + "counter", "2");
                gw.put(prefix + "other", "x");
                gw.put(prefix + "counter", "3");
                await("counter=3", WAIT, () -> i.manager().configuration().getInt("counter") == 3
                        && i.manager().configuration().hasPath("other"));
                await("connected", WAIT, () -> i.source().health().isConnected());
                await("the source reported CURRENT", WAIT, () -> health.size() == 2);
                assertThat(health).extracting(SourceHealth::status)
                        .containsExactly(SourceHealth.Status.STALE, SourceHealth.Status.CURRENT);
                assertThat(i.manager().sourceHealth()).extracting(SourceHealth::status)
                        .containsExactly(SourceHealth.Status.CURRENT);
                assertThat(meters.get("lamina.etcd.stale").gauge().value()).isEqualTo(0.0);
                assertThat(meters.get("lamina.etcd.reconnects").counter().count()).isGreaterThanOrEqualTo(1.0);
                gw.put(prefix + "counter", "4");
                await("counter=4", WAIT, () -> i.manager().configuration().getInt("counter") == 4);

                // Every published version differs from the one before: nothing applied twice.
                List<VersionInfo> history = i.manager().history();
                assertThat(history.stream().map(VersionInfo::contentHash).collect(Collectors.toList()))
                        .doesNotHaveDuplicates();
                // And the etcd revision served only went forward: no version re-applied an older revision.
                List<Long> revisions = history.stream().map(v -> i.source().revisionIn(i.manager()
                        .snapshot(v.version()).orElseThrow()).orElseThrow()).collect(Collectors.toList());
                assertThat(revisions).isSorted().doesNotHaveDuplicates();
                assertThat(i.source().revisionIn(i.manager().current())).hasValue(gw.revision());
            }
        }
    }

    @Test
    void anEtcdWipedAndRestartedWithLowerRevisionsIsReListedNotWaitedFor() {
        try (EtcdProcess etcd = EtcdProcess.start(dir.resolve("etcd"))) {
            EtcdProcess.Gateway gw = etcd.gateway();
            String prefix = "/lamina/wiped/prod/";
            for (int i = 0; i < 30; i++) {
                gw.put(prefix + "counter", Integer.toString(i));
            }
            try (Instance i = Fleet.start(dir.resolve("a"), Fleet.options(etcd.endpoint(), prefix).build())) {
                assertThat(i.manager().configuration().getInt("counter")).isEqualTo(29);
                etcd.kill();
                etcd.wipe();
                await("STALE", WAIT, () -> i.source().health().state() == EtcdHealth.State.STALE);
                etcd.restart();
                gw.put(prefix + "counter", "100");
                await("the value written after the wipe", WAIT,
                        () -> i.manager().configuration().getInt("counter") == 100);
                gw.put(prefix + "counter", "101");
                await("and the next one, through the watch", WAIT,
                        () -> i.manager().configuration().getInt("counter") == 101);
            }
        }
    }
}
