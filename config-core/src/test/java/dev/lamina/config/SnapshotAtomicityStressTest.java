package dev.lamina.config;

import static dev.lamina.config.ManagerFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Invariant 1 (atomic snapshots) under load: while 1,000 reloads rewrite two keys that must always be equal,
 * 8 readers check them on every snapshot they pick up and never see one key from the old version and one from
 * the new.
 */
class SnapshotAtomicityStressTest {

    private static final int READERS = 8;
    private static final int RELOADS = 1_000;

    @TempDir
    Path dir;

    @Test
    void readersNeverSeeAMixOfTwoVersions() throws Exception {
        write(dir, "base.yaml", "pair:\n  left: 0\n  right: 0\n");
        write(dir, "staging.yaml", "");
        try (ConfigurationManager m = new ConfigurationManager(ManagerFixture.options(dir).build())) {
            m.loadEnvironmentConfig("staging");
            AtomicBoolean done = new AtomicBoolean();
            AtomicLong reads = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(READERS);
            List<Future<String>> readers = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                readers.add(pool.submit(() -> {
                    long lastVersion = 0;
                    long lastValue = -1;
                    while (!done.get()) {
                        Snapshot s = m.current();
                        Configuration c = s.configuration();
                        long left = c.getLong("pair.left");
                        long right = c.getLong("pair.right");
                        if (left != right) {
                            return "mixed snapshot at version " + s.version() + ": " + left + " / " + right;
                        }
                        if (s.version() < lastVersion || (s.version() > lastVersion && left < lastValue)) {
                            return "went back from version " + lastVersion + " to " + s.version();
                        }
                        if (s.version() - 1 != left) {
                            return "version " + s.version() + " carries value " + left;
                        }
                        lastVersion = s.version();
                        lastValue = left;
                        reads.incrementAndGet();
                        // 8 readers on 2 cores: pause briefly so the writer keeps its share of the CPU
                        java.util.concurrent.locks.LockSupport.parkNanos(20_000);
                    }
                    return null;
                }));
            }
            try {
                for (int i = 1; i <= RELOADS; i++) {
                    write(dir, "base.yaml", "pair:\n  left: " + i + "\n  right: " + i + "\n");
                    assertThat(m.reload().version()).isEqualTo(i + 1L);
                }
            } finally {
                done.set(true);
                pool.shutdown();
                assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            }
            for (Future<String> f : readers) {
                assertThat(f.get()).isNull();
            }
            assertThat(reads.get()).isGreaterThan(RELOADS);
            assertThat(m.current().version()).isEqualTo(RELOADS + 1L);
            assertThat(m.history()).hasSize(100);
        }
    }
}
