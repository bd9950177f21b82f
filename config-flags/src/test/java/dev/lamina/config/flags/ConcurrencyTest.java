package dev.lamina.config.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class ConcurrencyTest {

    /**
     * Two generations that disagree on every flag: a reader that mixed them would see one flag from each.
     */
    private static FlagEvaluator generation(boolean on) {
        return FlagDefinitions.compile(TestTrees.yaml("""
                feature_flags:
                  a: {enabled: %1$s}
                  b: {enabled: %1$s, depends_on: [a]}
                  c: {enabled: true, rollout_percentage: %2$s}
                """.formatted(on, on ? 100 : 0)), Clock.systemUTC());
    }

    @Test
    void readersAlwaysSeeOneConsistentEvaluatorWhileItIsSwappedAThousandTimes() throws Exception {
        FlagEvaluator on = generation(true);
        FlagEvaluator off = generation(false);
        AtomicReference<FlagEvaluator> current = new AtomicReference<>(on);
        AtomicBoolean done = new AtomicBoolean();
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicLong evaluations = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch started = new CountDownLatch(8);
        for (int t = 0; t < 8; t++) {
            int thread = t;
            pool.execute(() -> {
                started.countDown();
                int i = 0;
                while (!done.get()) {
                    FlagEvaluator e = current.get();
                    EvaluationContext c = EvaluationContext.ofUser("t" + thread + "-" + (i++ % 100));
                    boolean a = e.isEnabled("a", c);
                    boolean b = e.isEnabled("b", c);
                    boolean cc = e.isEnabled("c", c);
                    if (a != b || b != cc) {
                        failures.add("mixed generations: " + a + b + cc);
                    }
                    evaluations.incrementAndGet();
                }
            });
        }
        started.await();
        for (int swap = 0; swap < 1_000; swap++) {
            current.set(swap % 2 == 0 ? off : on);
            long seen = evaluations.get();
            while (evaluations.get() < seen + 8) {
                Thread.onSpinWait(); // let readers run on each generation
            }
        }
        done.set(true);
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(failures).isEmpty();
        assertThat(evaluations.get()).isGreaterThan(8_000);
    }
}
