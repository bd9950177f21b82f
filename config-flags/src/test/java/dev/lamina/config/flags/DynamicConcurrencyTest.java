package dev.lamina.config.flags;

import static dev.lamina.config.flags.DynamicFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.ConfigurationManager;
import dev.lamina.config.UpdateRequest;

/**
 * Evaluation under concurrent reloads and updates: every result a reader sees is the one some published version
 * gives, and a reader never goes back to an older version.
 */
class DynamicConcurrencyTest {

    private static final int READERS = 8;
    private static final int UPDATES = 180;
    private static final int RELOADS = 40;

    @TempDir
    Path dir;

    @Test
    void readersSeeOnlyPublishedVersionsAndNeverGoBack() throws Exception {
        write(dir, "base.yaml", "reload_count: 0\n");
        try (ConfigurationManager manager = DynamicFixture.manager(dir)) {
            // Version N's experiment assigns everyone to "vN"; flag f is on exactly in even generations.
            manager.updateConfig(generation(0));
            DynamicConfigurationManager dynamic = new DynamicConfigurationManager(manager);
            AtomicBoolean done = new AtomicBoolean();
            CountDownLatch started = new CountDownLatch(READERS);
            ExecutorService pool = Executors.newFixedThreadPool(READERS);
            List<Future<Integer>> readers = new ArrayList<>();
            for (int r = 0; r < READERS; r++) {
                EvaluationContext ctx = EvaluationContext.ofUser("reader-" + r);
                readers.add(pool.submit(() -> {
                    started.countDown();
                    int last = 0;
                    while (true) {
                        // A read made after seeing 'done' must see the last write (it happened before 'done').
                        boolean finished = done.get();
                        String v = dynamic.getAbTestVariant("gen", ctx);
                        int g = Integer.parseInt(v.substring(1));
                        if (g < last) {
                            throw new AssertionError("went back from generation " + last + " to " + g);
                        }
                        last = g;
                        // Evaluated on one evaluator: both answers come from the same version.
                        FlagEvaluator ev = dynamic.evaluator();
                        int seen = Integer.parseInt(ev.variantOf("gen", ctx).orElseThrow().substring(1));
                        boolean on = ev.isEnabled("f", ctx);
                        if (on != (seen % 2 == 0)) {
                            throw new AssertionError("flag f=" + on + " with generation " + seen);
                        }
                        dynamic.isFeatureEnabled("f", ctx);
                        if (finished) {
                            return last;
                        }
                    }
                }));
            }
            started.await();
            int gen = 0;
            for (int i = 1; i <= UPDATES + RELOADS; i++) {
                if (i % ((UPDATES + RELOADS) / RELOADS) == 0) {
                    write(dir, "base.yaml", "reload_count: " + i + "\n");
                    manager.reload();
                } else {
                    manager.updateConfig(generation(++gen));
                }
            }
            done.set(true);
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            for (Future<Integer> f : readers) {
                assertThat(f.get()).isEqualTo(gen); // joined after the last write: the newest generation
            }
            assertThat(manager.current().version()).isEqualTo(1 + 1 + UPDATES + RELOADS);
            assertThat(dynamic.getAbTestVariant("gen", EvaluationContext.ofUser("x"))).isEqualTo("v" + gen);
            dynamic.close();
        }
    }

    private static UpdateRequest generation(int g) {
        return UpdateRequest.builder()
                .set("experiments.gen", Map.of("traffic_split", Map.of("v" + g, 100)))
                .set("feature_flags.f.enabled", g % 2 == 0)
                .build();
    }
}
