package dev.lamina.benchmarks.flags;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.lamina.config.ConfigurationManager;
import dev.lamina.config.ConfigurationOptions;
import dev.lamina.config.flags.DynamicConfigurationManager;
import dev.lamina.config.flags.EvaluationContext;
import dev.lamina.config.flags.FlagEvaluator;
import dev.lamina.config.flags.FlagProvider;
import dev.lamina.config.flags.ProviderEvaluation;

/**
 * The {@link DynamicConfigurationManager} call paths (a version check against the manager's current snapshot, then
 * the evaluator) beside the bare {@link FlagEvaluator} in the same run, on the definitions of {@link FlagBenchmark}
 * loaded from a real configuration directory by a {@link ConfigurationManager}: {@code isFeatureEnabled} (25 %
 * rollout, two constraints), {@code getAbTestVariant} (50/30/20 split), and the OpenFeature-style provider's
 * {@code getBooleanValue}. 1,024 users built beforehand, cycled.
 *
 * <pre>
 * java -cp benchmarks/target/classes:$(cat benchmarks/target/classpath.txt) org.openjdk.jmh.Main DynamicFlagBenchmark \
 *     -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DynamicFlagBenchmark {

    private static final int USERS = 1024;
    private static final String DEFINITIONS = """
            feature_flags:
              enhanced_anomaly_detection:
                rules:
                  - rollout_percentage: 25
                    constraints:
                      - {attribute: user_segment, operator: IN, values: [premium, family]}
                      - {attribute: app_version, operator: SEMVER_GT, values: ["2.4.0"]}
            experiments:
              recommendation_algorithm_v2:
                traffic_split: {control: 50.0, variant_a: 30.0, variant_b: 20.0}
            """;

    private Path dir;
    private ConfigurationManager manager;
    private DynamicConfigurationManager dynamic;
    private FlagEvaluator evaluator;
    private FlagProvider provider;
    private EvaluationContext[] contexts;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("lamina-dynamic-bench");
        Files.writeString(dir.resolve("base.yaml"), DEFINITIONS);
        Files.writeString(dir.resolve("production.yaml"), "{}\n");
        manager = new ConfigurationManager(ConfigurationOptions.builder().directory(dir).environment(Map.of()).build());
        manager.loadEnvironmentConfig("production");
        dynamic = new DynamicConfigurationManager(manager, Clock.systemUTC(), null);
        evaluator = dynamic.evaluator();
        provider = dynamic.provider();
        contexts = new EvaluationContext[USERS];
        for (int i = 0; i < USERS; i++) {
            contexts[i] = EvaluationContext.builder().userId("listener-" + i)
                    .attribute("user_segment", i % 3 == 0 ? "free" : "premium")
                    .attribute("app_version", i % 5 == 0 ? "2.3.9" : "2.10.1").build();
        }
        for (EvaluationContext c : contexts) {
            if (dynamic.isFeatureEnabled(FlagBenchmark.FLAG, c) != evaluator.isEnabled(FlagBenchmark.FLAG, c)
                    || !dynamic.getAbTestVariant(FlagBenchmark.EXPERIMENT, c)
                    .equals(evaluator.variantOf(FlagBenchmark.EXPERIMENT, c).orElseThrow())) {
                throw new IllegalStateException("the dynamic manager and its evaluator disagree");
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        dynamic.close();
        manager.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private int nextIndex() {
        int i = next;
        next = (i + 1) & (USERS - 1);
        return i;
    }

    /** {@code dynamic.isFeatureEnabled}: version check + rollout and two constraints. */
    @Benchmark
    public boolean dynamicIsFeatureEnabled() {
        return dynamic.isFeatureEnabled(FlagBenchmark.FLAG, contexts[nextIndex()]);
    }

    /** The bare evaluator on the same flag, for the cost of following the manager. */
    @Benchmark
    public boolean evaluatorIsEnabled() {
        return evaluator.isEnabled(FlagBenchmark.FLAG, contexts[nextIndex()]);
    }

    /** {@code dynamic.getAbTestVariant}: version check, assignment, exposure counting (no listener). */
    @Benchmark
    public String dynamicGetAbTestVariant() {
        return dynamic.getAbTestVariant(FlagBenchmark.EXPERIMENT, contexts[nextIndex()]);
    }

    /** The bare evaluator's {@code variantOf} on the same experiment. */
    @Benchmark
    public Optional<String> evaluatorVariantOf() {
        return evaluator.variantOf(FlagBenchmark.EXPERIMENT, contexts[nextIndex()]);
    }

    /** The OpenFeature-style path over the dynamic manager: {@code provider.getBooleanValue}. */
    @Benchmark
    public ProviderEvaluation<Boolean> providerGetBooleanValue() {
        return provider.getBooleanValue(FlagBenchmark.FLAG, false, contexts[nextIndex()]);
    }
}
