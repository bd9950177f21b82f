package dev.lamina.config.etcd;

import static dev.lamina.config.etcd.Fleet.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.ConfigConflictException;
import dev.lamina.config.ConfigParseException;
import dev.lamina.config.ConfigSourceException;
import dev.lamina.config.Explanation;
import dev.lamina.config.Snapshot;
import dev.lamina.config.etcd.Fleet.Instance;

/** The etcd source against a real etcd (one for the class; each test has its own prefix). */
class EtcdSourceTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path etcdDir;
    @TempDir
    Path dir;

    static EtcdProcess etcd;
    static EtcdProcess.Gateway gw;
    String prefix;

    @BeforeAll
    static void startEtcd() {
        etcd = EtcdProcess.start(etcdDir);
        gw = etcd.gateway();
    }

    @AfterAll
    static void stopEtcd() {
        if (etcd != null) {
            etcd.close();
        }
    }

    @org.junit.jupiter.api.BeforeEach
    void prefix(TestInfo info) {
        prefix = "/lamina/" + info.getTestMethod().orElseThrow().getName() + "/prod/";
    }

    private Instance instance(String name) {
        return Fleet.start(dir.resolve(name), Fleet.options(etcd.endpoint(), prefix).build());
    }

    @Test
    void treeLayoutMapsKeysToPathsWithOriginsAndTheRevisionInExplain() {
        gw.put(prefix + "service/port", "9090");
        long rev = gw.put(prefix + "service/mode", "0755");
        try (Instance i = instance("a")) {
            var config = i.manager().configuration();
            assertThat(config.getInt("service.port")).isEqualTo(9090);
            assertThat(config.getString("service.mode")).isEqualTo("0755");
            assertThat(config.getString("service.name")).isEqualTo("checkout");
            assertThat(config.origin("service.mode").orElseThrow().source())
                    .isEqualTo("etcd://" + etcd.endpoint().substring(7) + prefix + "service/mode@" + rev);
            Explanation why = config.explain("service.port");
            assertThat(why.winner().orElseThrow().describe()).startsWith("etcd " + prefix + " at revision " + rev
                    + " (etcd://");
            assertThat(why.winner().orElseThrow().metadata().revision()).isEqualTo(Long.toString(rev));
            assertThat(i.source().revisionIn(i.manager().current())).hasValue(rev);
            assertThat(i.source().health().state()).isEqualTo(EtcdHealth.State.CONNECTED);
        }
    }

    @Test
    void byDefaultEtcdIsAboveTheFilesAndBelowEnvironmentVariablesAndTheUserMayPlaceItElsewhere() {
        gw.put(prefix + "service/port", "9090");
        gw.put(prefix + "service/replicas", "5");
        try (EtcdSource source = EtcdSource.create(Fleet.options(etcd.endpoint(), prefix).build());
             dev.lamina.config.ConfigurationManager m = new dev.lamina.config.ConfigurationManager(
                     dev.lamina.config.ConfigurationOptions.builder().directory(Fleet.configDir(dir.resolve("a")))
                             .envPrefix("APP_").environment(Map.of("APP_SERVICE_PORT", "7000"))
                             .addSource(source).build())) {
            var config = m.loadEnvironmentConfig("prod");
            assertThat(config.getInt("service.replicas")).isEqualTo(5);    // etcd over prod.yaml's 3
            assertThat(config.getInt("service.port")).isEqualTo(7000);     // the environment over etcd's 9090
            assertThat(config.explain("service.port").candidates()).extracting(c -> c.metadata().kind())
                    .containsSubsequence(dev.lamina.config.LayerKind.FILE, dev.lamina.config.LayerKind.REMOTE);
        }
        try (EtcdSource source = EtcdSource.create(Fleet.options(etcd.endpoint(), prefix).build());
             dev.lamina.config.ConfigurationManager m = new dev.lamina.config.ConfigurationManager(
                     dev.lamina.config.ConfigurationOptions.builder().directory(Fleet.configDir(dir.resolve("b")))
                             .environment(Map.of())
                             .addSource(source, dev.lamina.config.SourcePlacement.BELOW_FILES).build())) {
            var config = m.loadEnvironmentConfig("prod");
            assertThat(config.getInt("service.replicas")).isEqualTo(3);    // prod.yaml over etcd, as placed
            assertThat(config.getInt("service.port")).isEqualTo(8080);     // base.yaml over etcd too
            assertThat(config.explain("service.replicas").winner().orElseThrow().metadata().kind())
                    .isEqualTo(dev.lamina.config.LayerKind.FILE);
        }
    }

    @Test
    void aChangeInEtcdIsPublishedThroughTheWatchWithItsRevision() {
        gw.put(prefix + "service/port", "9090");
        try (Instance i = instance("a")) {
            long rev = gw.put(prefix + "service/port", "9191");
            await("the change", WAIT, () -> i.manager().configuration().getInt("service.port") == 9191);
            assertThat(i.source().revisionIn(i.manager().current())).hasValue(rev);
            await("the event", WAIT, () -> i.changes().stream().anyMatch(e -> e.version() == 2));
            assertThat(i.changes().stream().filter(e -> e.version() == 2).toList()).singleElement()
                    .satisfies(e -> assertThat(e.source()).endsWith("service/port@" + rev));
            gw.delete(prefix + "service/port");
            await("the removal", WAIT, () -> i.manager().configuration().getInt("service.port") == 8080);
        }
    }

    @Test
    void tenManagersSeeOneChangeWithTheSameRevision() {
        gw.put(prefix + "limits/rps", "100");
        List<Instance> fleet = new ArrayList<>();
        try {
            for (int n = 0; n < 10; n++) {
                fleet.add(instance("m" + n));
            }
            long rev = gw.put(prefix + "limits/rps", "250");
            for (Instance i : fleet) {
                await("rps=250 on every manager", WAIT,
                        () -> i.manager().configuration().getInt("limits.rps") == 250);
                assertThat(i.source().revisionIn(i.manager().current())).hasValue(rev);
                assertThat(i.manager().current().version()).isEqualTo(2);
            }
            assertThat(fleet).extracting(i -> i.manager().current().contentHash()).containsOnly(
                    fleet.get(0).manager().current().contentHash());
        } finally {
            fleet.forEach(Instance::close);
        }
    }

    @Test
    void ofTwoManagersRacingOnOneKeyExactlyOneWinsEachRound() throws Exception {
        gw.put(prefix + "pool/size", "10");
        try (Instance a = instance("a"); Instance b = instance("b")) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < 10; round++) {
                    int ra = 1000 + round;
                    int rb = 2000 + round;
                    long rev = gw.revision();
                    for (Instance i : List.of(a, b)) {
                        await("both at revision " + rev, WAIT, () -> i.source().revisionIn(i.manager().current())
                                .orElse(0) == rev);
                    }
                    long va = a.manager().current().version();
                    long vb = b.manager().current().version();
                    CountDownLatch go = new CountDownLatch(1);
                    Future<Snapshot> fa = pool.submit(() -> {
                        go.await();
                        return a.manager().updateConfig("pool.size", ra, va);
                    });
                    Future<Snapshot> fb = pool.submit(() -> {
                        go.await();
                        return b.manager().updateConfig("pool.size", rb, vb);
                    });
                    go.countDown();
                    List<Object> outcomes = new ArrayList<>();
                    for (Future<Snapshot> f : List.of(fa, fb)) {
                        try {
                            outcomes.add(f.get());
                        } catch (java.util.concurrent.ExecutionException e) {
                            outcomes.add(e.getCause());
                        }
                    }
                    // The loser is refused by etcd's compare-and-swap, or locally when the winner's change reached it
                    // through the watch before it checked its version: a conflict either way, never two winners.
                    assertThat(outcomes).filteredOn(o -> o instanceof Snapshot).hasSize(1);
                    assertThat(outcomes).filteredOn(o -> o instanceof ConfigConflictException).hasSize(1);
                    int winner = ((Snapshot) outcomes.stream().filter(o -> o instanceof Snapshot).findFirst()
                            .orElseThrow()).configuration().getInt("pool.size");
                    assertThat(winner).isIn(ra, rb);
                    for (Instance i : List.of(a, b)) {
                        await("the winner's value everywhere", WAIT,
                                () -> i.manager().configuration().getInt("pool.size") == winner);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void anInstanceBehindEtcdGetsAnEtcdConflictNamingTheKeyAndRevision() {
        gw.put(prefix + "pool/size", "10");
        try (Instance a = instance("a"); Instance b = instance("b")) {
            b.manager().disableHotReload(); // b misses a's change: its local version still looks current
            long vb = b.manager().current().version();
            a.manager().updateConfig("pool.size", 20, a.manager().current().version());
            long moved = gw.revision();
            assertThatThrownBy(() -> b.manager().updateConfig("pool.size", 4242, vb))
                    .isInstanceOfSatisfying(EtcdConflictException.class, e -> {
                        assertThat(e.key()).isEqualTo(prefix + "pool/size");
                        assertThat(e.modRevision()).isEqualTo(moved);
                        assertThat(e.currentRevision()).isEqualTo(moved);
                        assertThat(e.currentVersion()).isEqualTo(vb);
                        assertThat(e.getMessage()).contains(prefix + "pool/size").contains("nothing was written")
                                .contains("revision " + moved).doesNotContain("4242");
                    });
            assertThat(gw.revision()).isEqualTo(moved);
            assertThat(b.manager().configuration().getInt("pool.size")).isEqualTo(10);
            b.manager().reload();
            assertThat(b.manager().configuration().getInt("pool.size")).isEqualTo(20);
            b.manager().updateConfig("pool.size", 30, b.manager().current().version());
            await("a follows", WAIT, () -> a.manager().configuration().getInt("pool.size") == 30);
        }
    }

    @Test
    void anUpdateWrittenToEtcdReturnsTheSnapshotHoldingItAndOtherInstancesFollow() {
        try (Instance a = instance("a"); Instance b = instance("b")) {
            Snapshot s = a.manager().updateConfig("feature.limit", 42, a.manager().current().version());
            assertThat(s.configuration().getInt("feature.limit")).isEqualTo(42);
            assertThat(s.configuration().origin("feature.limit").orElseThrow().source()).contains(prefix
                    + "feature/limit@");
            await("b sees the update", WAIT, () -> b.manager().configuration().hasPath("feature.limit"));
            // A stale expected version is refused locally, before anything is written.
            long before = gw.revision();
            assertThatThrownBy(() -> a.manager().updateConfig("feature.limit", 7, 1))
                    .isInstanceOf(ConfigConflictException.class);
            assertThat(gw.revision()).isEqualTo(before);
            a.manager().updateConfig("feature.limit", null);
            await("removal seen by b", WAIT, () -> !b.manager().configuration().hasPath("feature.limit"));
        }
    }

    @Test
    void aMalformedDocumentIsRejectedNamingTheKeyAndThePreviousSnapshotStays() {
        gw.put(prefix + "base.yaml", "service:\n  port: 7070\n");
        try (Instance i = Fleet.start(dir.resolve("d"), Fleet.options(etcd.endpoint(), prefix)
                .layout(EtcdLayout.DOCUMENTS).build())) {
            assertThat(i.manager().configuration().getInt("service.port")).isEqualTo(7070);
            gw.put(prefix + "base.yaml", "service:\n  port: 7070\n  port: 7171\n");
            await("an error event", WAIT, () -> !i.errors().isEmpty());
            assertThat(i.errors().get(0).message()).contains(prefix + "base.yaml").containsIgnoringCase("duplicate");
            assertThat(i.manager().current().version()).isEqualTo(1);
            assertThat(i.manager().configuration().getInt("service.port")).isEqualTo(7070);
            // The next valid document applies normally.
            gw.put(prefix + "base.yaml", "service:\n  port: 7272\n");
            await("the fix", WAIT, () -> i.manager().configuration().getInt("service.port") == 7272);
            assertThat(i.manager().current().version()).isEqualTo(2);
            gw.put(prefix + "zz-override.json", "{\"service\": {\"port\": 7373}}");
            await("a second document layer wins", WAIT,
                    () -> i.manager().configuration().getInt("service.port") == 7373);
        }
    }

    @Test
    void compactionPastTheWatchedRevisionReListsAndLosesNothing() {
        gw.put(prefix + "a", "1");
        try (Instance i = instance("a")) {
            // Stop the watch so it falls behind, then change and compact past where it stopped.
            i.manager().disableHotReload();
            gw.put(prefix + "a", "2");
            gw.put(prefix + "b", "1");
            long compacted = gw.put("/elsewhere/x", "1");
            gw.compact(compacted);
            i.source().reloadTrigger().orElseThrow().start(new ReloadCounter(i));
            await("the re-listed state", WAIT, () -> i.manager().configuration().getInt("a") == 2
                    && i.manager().configuration().hasPath("b"));
            // The watch continues after the re-list: later changes arrive, none are lost.
            gw.put(prefix + "a", "3");
            await("a later change", WAIT, () -> i.manager().configuration().getInt("a") == 3);
            assertThat(i.errors()).isEmpty();
        }
    }

    /** A sink that reloads the instance's manager, as the manager's own would. */
    private record ReloadCounter(Instance i) implements dev.lamina.config.ReloadTrigger.Sink {
        @Override
        public void requestReload(String cause) {
            i.manager().reload();
        }

        @Override
        public void reportError(dev.lamina.config.ConfigException error) {
            throw new AssertionError("unexpected trigger error: " + error.getMessage());
        }
    }

    @Test
    void aThousandChangesInABurstEndInTheFinalStateOnEveryManager() {
        List<Instance> fleet = new ArrayList<>();
        try {
            for (int n = 0; n < 5; n++) {
                fleet.add(instance("m" + n));
            }
            Map<String, String> expected = new HashMap<>();
            for (int c = 0; c < 1000; c++) {
                String key = "k" + (c % 50);
                gw.put(prefix + "burst/" + key, Integer.toString(c));
                expected.put(key, Integer.toString(c));
            }
            for (Instance i : fleet) {
                await("the final state", Duration.ofSeconds(30), () -> expected.entrySet().stream().allMatch(e ->
                        i.manager().configuration().getOptionalString("burst." + e.getKey()).orElse("")
                                .equals(e.getValue())));
                assertThat(i.source().revisionIn(i.manager().current())).hasValue(gw.revision());
                // The watch's reload requests coalesced; each version's history still names the revision it holds,
                // and the revisions only go forward (nothing applied twice, nothing older after newer).
                long last = 0;
                for (dev.lamina.config.VersionInfo v : i.manager().history()) {
                    long held = i.source().revisionIn(i.manager().snapshot(v.version()).orElseThrow()).orElseThrow();
                    assertThat(v.change().why()).as("version %d", v.version())
                            .endsWith("etcd:" + prefix + " at revision " + held);
                    assertThat(held).as("version %d", v.version()).isGreaterThan(last);
                    last = held;
                }
            }
        } finally {
            fleet.forEach(Instance::close);
        }
    }

    @Test
    void startsFromTheLastKnownGoodFileWhenEtcdIsDown() throws Exception {
        Path lkg = dir.resolve("state/etcd-lkg.json");
        gw.put(prefix + "service/port", "9300");
        try (Instance i = Fleet.start(dir.resolve("a"), Fleet.options(etcd.endpoint(), prefix).lastKnownGood(lkg)
                .build())) {
            await("the last-known-good file", WAIT, () -> Files.exists(lkg));
            long rev = gw.put(prefix + "service/port", "9301");
            await("the change", WAIT, () -> i.manager().configuration().getInt("service.port") == 9301);
            await("the file follows", WAIT, () -> read(lkg).contains("\"" + rev + "\""));
        }
        String dead = "http://127.0.0.1:" + deadPort();
        try (Instance down = Fleet.start(dir.resolve("b"), Fleet.options(dead, prefix).lastKnownGood(lkg).build())) {
            var config = down.manager().configuration();
            assertThat(config.getInt("service.port")).isEqualTo(9301);
            assertThat(config.origin("service.port").orElseThrow().source()).contains("last-known-good");
            assertThat(down.source().health().state()).isEqualTo(EtcdHealth.State.STALE);
        }
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(lkg)))
                .isEqualTo("rw-------");
        // Without a file, a manager cannot start while etcd is down, and says how to fix it.
        String deadToo = "http://127.0.0.1:" + deadPort();
        assertThatThrownBy(() -> Fleet.start(dir.resolve("c"), Fleet.options(deadToo, prefix).build()))
                .isInstanceOf(ConfigSourceException.class).hasMessageContaining("etcd unreachable")
                .hasMessageContaining("lastKnownGood");
    }

    @Test
    void anEndpointThatDoesNotAnswerIsSkippedAndTheOneThatAnsweredNamesTheOrigins() throws Exception {
        gw.put(prefix + "service/port", "9500");
        String dead = "http://127.0.0.1:" + deadPort();
        try (Instance i = Fleet.start(dir.resolve("a"), Fleet.options(dead + "," + etcd.endpoint(), prefix).build())) {
            assertThat(i.manager().configuration().getInt("service.port")).isEqualTo(9500);
            assertThat(i.manager().configuration().origin("service.port").orElseThrow().source())
                    .startsWith("etcd://" + etcd.endpoint().substring("http://".length()) + prefix);
            assertThat(i.source().health().state()).isEqualTo(EtcdHealth.State.CONNECTED);
            // The watch and writes go to the endpoint that answered too.
            gw.put(prefix + "service/port", "9501");
            await("the watched change", WAIT, () -> i.manager().configuration().getInt("service.port") == 9501);
            i.manager().updateConfig("service.port", 9502, i.manager().current().version());
            assertThat(gw.post("/v3/kv/range", "{\"key\":\"" + EtcdProcess.b64(prefix + "service/port") + "\"}"))
                    .contains("\"value\":\"" + EtcdProcess.b64("9502") + "\"");
        }
    }

    @Test
    void aNonUtf8ValueIsRejectedNamingTheKey() {
        gw.post("/v3/kv/put", "{\"key\":\"" + EtcdProcess.b64(prefix + "bad") + "\",\"value\":\"/w==\"}");
        assertThatThrownBy(() -> instance("a")).isInstanceOf(ConfigParseException.class)
                .hasMessageContaining(prefix + "bad").hasMessageContaining("UTF-8");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static int deadPort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

}
