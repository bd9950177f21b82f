package dev.lamina.config.flags.openfeature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Value;

import dev.lamina.config.ConfigurationManager;

/**
 * Evaluations racing snapshot publications: every result is one that some published version's definitions give
 * (never a mix, never an error), and the shared per-outcome results stay correct when many threads fill them.
 */
class ProviderConcurrencyTest {

    private static final String FLAGS = """
            feature_flags:
              limit:
                type: integer
                variants: [{name: low, value: 1}, {name: high, value: 1000}]
                default_variant: low
                rules:
                  - name: premium
                    constraints: [{attribute: plan, operator: IN, values: [premium]}]
                    variant: high
            """;

    @Test
    void evaluationsDuringPublicationsSeeOneVersionOrTheOther(@TempDir Path dir) throws Exception {
        ConfigurationManager m = Fixtures.manager(dir, FLAGS);
        LaminaProvider provider = new LaminaProvider(m);
        provider.initialize(new ImmutableContext());
        ImmutableContext premium = new ImmutableContext("u", Map.of("plan", new Value("premium")));
        ImmutableContext free = new ImmutableContext("u", Map.of("plan", new Value("free")));
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        CountDownLatch started = new CountDownLatch(4);
        List<Thread> readers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread th = new Thread(() -> {
                started.countDown();
                while (!stop.get()) {
                    ProviderEvaluation<Integer> p = provider.getIntegerEvaluation("limit", -1, premium);
                    ProviderEvaluation<Integer> f = provider.getIntegerEvaluation("limit", -1, free);
                    // Versions alternate between (high=1000, low=1) and (high=2000, low=2): each result must be one of
                    // a version's values with the matching variant and reason, never the caller's default.
                    if (p.getErrorCode() != null || !("high".equals(p.getVariant()) && (p.getValue() == 1000 || p.getValue() == 2000))
                            || !"TARGETING_MATCH".equals(p.getReason())) {
                        wrong.add("premium " + p);
                    }
                    if (f.getErrorCode() != null || !("low".equals(f.getVariant()) && (f.getValue() == 1 || f.getValue() == 2))
                            || !"DEFAULT".equals(f.getReason())) {
                        wrong.add("free " + f);
                    }
                }
            });
            th.start();
            readers.add(th);
        }
        started.await();
        for (int i = 0; i < 60; i++) {
            boolean even = i % 2 == 0;
            m.updateConfig("feature_flags.limit.variants", List.of(
                    Map.of("name", "low", "value", even ? 2 : 1), Map.of("name", "high", "value", even ? 2000 : 1000)));
        }
        stop.set(true);
        for (Thread th : readers) {
            th.join();
        }
        assertThat(wrong).isEmpty();
        // Snapshot listeners run on the manager's event thread: the last version arrives shortly after the update.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> provider.flagsVersion().orElse(-1L) == m.current().version());
        assertThat(provider.getIntegerEvaluation("limit", -1, premium).getValue()).isEqualTo(1000);
    }

    private static final String TARGETED = """
            feature_flags:
              eu_only:
                type: boolean
                rules:
                  - constraints: [{attribute: region, operator: IN, values: [EU]}]
              seniors:
                type: boolean
                rules:
                  - constraints: [{attribute: age, operator: NUM_GTE, values: [65]}]
              launch:
                type: boolean
                rules:
                  - constraints: [{attribute: signup, operator: DATE_AFTER, values: ["2026-01-01T00:00:00Z"]}]
              half:
                type: boolean
                rollout_percentage: 50
            """;

    @Test
    void threadsReusingTheirOwnViewsNeverSeeEachOthersAttributes() throws Exception {
        // Each thread reuses one view for every call: a value read for one context must never answer for another,
        // whichever thread runs. Expected answers come from Lamina's own built contexts, single-threaded.
        dev.lamina.config.flags.FlagEvaluator evaluator = Fixtures.flags(TARGETED);
        LaminaProvider provider = new LaminaProvider(evaluator);
        String[] flags = {"eu_only", "seniors", "launch", "half"};
        int n = 64;
        dev.openfeature.sdk.EvaluationContext[] contexts = new dev.openfeature.sdk.EvaluationContext[n];
        boolean[][] expected = new boolean[n][flags.length];
        for (int i = 0; i < n; i++) {
            String user = "user-" + i;
            String region = i % 3 == 0 ? "EU" : "US";
            int age = 40 + i;
            java.time.Instant signup = java.time.Instant.parse("2025-12-20T00:00:00Z").plus(java.time.Duration.ofDays(i));
            contexts[i] = i % 2 == 0
                    ? new ImmutableContext(user, Map.of("region", new Value(region), "age", new Value(age),
                            "signup", new Value(signup)))
                    : new dev.openfeature.sdk.MutableContext(user, Map.of("region", new Value(region),
                            "age", new Value(age), "signup", new Value(signup)));
            dev.lamina.config.flags.EvaluationContext lamina = dev.lamina.config.flags.EvaluationContext.builder()
                    .userId(user).typedAttribute("region", region).typedAttribute("age", age)
                    .typedAttribute("signup", signup).build();
            for (int f = 0; f < flags.length; f++) {
                expected[i][f] = evaluator.isEnabled(flags[f], lamina);
            }
        }
        ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int offset = t * 7;
            Thread th = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int k = 0; k < 20_000; k++) {
                    int i = (k + offset) % n;
                    int f = (k / n + offset) % flags.length;
                    boolean got = provider.getBooleanEvaluation(flags[f], !expected[i][f], contexts[i]).getValue();
                    if (got != expected[i][f]) {
                        wrong.add(flags[f] + " for context " + i + ": " + got);
                    }
                }
            });
            th.start();
            threads.add(th);
        }
        start.countDown();
        for (Thread th : threads) {
            th.join();
        }
        assertThat(wrong).isEmpty();
        boolean[] seen = new boolean[2];
        for (boolean[] row : expected) {
            for (boolean b : row) {
                seen[b ? 1 : 0] = true;
            }
        }
        assertThat(seen).as("the flags answer both ways over these contexts").containsExactly(true, true);
    }
}
