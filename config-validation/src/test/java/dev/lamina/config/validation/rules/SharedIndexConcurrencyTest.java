package dev.lamina.config.validation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.lamina.config.Configuration;
import dev.lamina.config.validation.TestConfigs;
import dev.lamina.config.validation.ValidationEngine;
import dev.lamina.config.validation.ValidationResult;

/** The built-in rules share one tree index; concurrent validations of different trees must never mix them up. */
class SharedIndexConcurrencyTest {

    private static final Configuration GOOD = TestConfigs.yaml("good.yaml",
            "auto_scaling: {min_replicas: 3, max_replicas: 20}");
    private static final Configuration BAD = TestConfigs.yaml("bad.yaml",
            "auto_scaling: {min_replicas: 30, max_replicas: 20}");

    @Test
    void concurrentValidationsOfDifferentTreesEachSeeTheirOwn() throws Exception {
        ValidationEngine engine = ValidationEngine.builder().addRules(RulePacks.all()).build();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                boolean good = i % 2 == 0;
                outcomes.add(pool.submit(() -> {
                    List<String> boundFailures = engine.validateConfig(good ? GOOD : BAD, "staging").failures()
                            .stream().filter(r -> r.ruleId().equals("performance.replica-bounds"))
                            .map(ValidationResult::describe).toList();
                    return good ? boundFailures.isEmpty()
                            : boundFailures.size() == 1 && boundFailures.get(0).startsWith("bad.yaml:1:");
                }));
            }
            for (Future<Boolean> outcome : outcomes) {
                assertThat(outcome.get(30, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
