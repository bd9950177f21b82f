package dev.lamina.config;

import static dev.lamina.config.ManagerFixture.options;
import static dev.lamina.config.ManagerFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history keeps each version's trees (shared between versions) and not its configuration's lookup index:
 * an old version whose configuration nobody holds is rebuilt when read or rolled back to (issue 11).
 */
class HistorySharingTest {

    @TempDir
    Path dir;

    private ConfigurationManager manager(int historySize) {
        write(dir, "base.yaml", "app:\n  n: 0\n  name: demo\n  pool:\n    size: 4\nother:\n  flag: true\n");
        write(dir, "staging.yaml", "");
        ConfigurationManager m = new ConfigurationManager(options(dir).historySize(historySize).build());
        m.loadEnvironmentConfig("staging");
        return m;
    }

    /** Polls full collections until {@code ref} is cleared, with a deadline. */
    private static void awaitCollected(WeakReference<?> ref) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (ref.get() != null && System.nanoTime() < deadline) {
            System.gc();
            Thread.onSpinWait();
        }
        assertThat(ref.get()).as("collected").isNull();
    }

    @Test
    void anOldVersionIsReadableAndRollbackableAfterItsConfigurationWasCollected() {
        try (ConfigurationManager m = manager(10)) {
            WeakReference<Configuration> first = new WeakReference<>(m.current().configuration());
            String firstHash = m.current().contentHash();
            for (int i = 1; i <= 5; i++) {
                m.updateConfig("app.n", i);
            }
            awaitCollected(first);

            Snapshot old = m.snapshot(1).orElseThrow();
            assertThat(old.version()).isEqualTo(1);
            assertThat(old.contentHash()).isEqualTo(firstHash);
            assertThat(old.configuration().getInt("app.n")).isZero();
            assertThat(old.configuration().getInt("app.pool.size")).isEqualTo(4);
            assertThat(old.configuration().explain("app.name").toString()).contains("base.yaml");
            assertThat(m.snapshot(3).orElseThrow().configuration().getInt("app.n")).isEqualTo(2);

            Snapshot back = m.rollback(1);
            assertThat(back.version()).isEqualTo(7);
            assertThat(back.contentHash()).isEqualTo(firstHash);
            assertThat(m.configuration().getInt("app.n")).isZero();
            assertThat(m.configuration().getBoolean("other.flag")).isTrue();
            // The next version is indexed from the rolled-back one.
            assertThat(m.updateConfig("app.n", 42).configuration().getInt("app.n")).isEqualTo(42);
            assertThat(m.configuration().getInt("app.pool.size")).isEqualTo(4);
            assertThat(m.history()).extracting(VersionInfo::version).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        }
    }

    @Test
    void theFirstVersionListsNoChangedPathsAndLaterOnesListWhatChanged() {
        try (ConfigurationManager m = manager(10)) {
            m.updateConfig("app.n", 1);
            assertThat(m.history().get(0).changedPaths()).isEmpty();
            assertThat(m.history().get(1).changedPaths()).extracting(ConfigPath::toString).containsExactly("app.n");
        }
    }

    @Test
    void aHeldOldSnapshotIsTheOneTheHistoryReturns() {
        try (ConfigurationManager m = manager(10)) {
            Snapshot first = m.current();
            m.updateConfig("app.n", 1);
            System.gc();
            assertThat(m.snapshot(1)).get().isSameAs(first);
        }
    }

    /**
     * Readers read the current snapshot and random versions of the history while a writer publishes new ones (and
     * collections drop the configurations nobody holds): every snapshot read is whole and says what its version
     * wrote ({@code app.n} is the version minus one).
     */
    @Test
    void concurrentReadsOfOldVersionsWhileVersionsAreSuperseded() throws Exception {
        int versions = 300;
        try (ConfigurationManager m = manager(20)) {
            AtomicBoolean done = new AtomicBoolean();
            AtomicLong reads = new AtomicLong();
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            CountDownLatch started = new CountDownLatch(3);
            List<Thread> readers = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                Thread t = new Thread(() -> {
                    started.countDown();
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    try {
                        while (!done.get()) {
                            Snapshot current = m.current();
                            check(current);
                            long latest = current.version();
                            long v = Math.max(1, latest - random.nextInt(25));
                            Optional<Snapshot> old = m.snapshot(v);
                            old.ifPresent(HistorySharingTest::check);
                            if (old.isPresent()) {
                                assertThat(old.get().version()).isEqualTo(v);
                            }
                            reads.incrementAndGet();
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }, "history-reader-" + r);
                t.start();
                readers.add(t);
            }
            started.await();
            for (int i = 1; i < versions; i++) {
                m.updateConfig("app.n", i);
                if (i % 50 == 0) {
                    System.gc();
                }
            }
            done.set(true);
            for (Thread t : readers) {
                t.join(30_000);
            }
            assertThat(failures).isEmpty();
            assertThat(reads.get()).isPositive();
            assertThat(m.current().version()).isEqualTo(versions);
            assertThat(m.history()).hasSize(20);
            for (VersionInfo info : m.history()) {
                check(m.snapshot(info.version()).orElseThrow());
            }
        }
    }

    private static void check(Snapshot s) {
        Configuration c = s.configuration();
        assertThat(c.getInt("app.n")).as("version %d", s.version()).isEqualTo((int) s.version() - 1);
        assertThat(c.getString("app.name")).isEqualTo("demo");
        assertThat(c.getInt("app.pool.size")).isEqualTo(4);
        assertThat(c.getBoolean("other.flag")).isTrue();
    }
}
