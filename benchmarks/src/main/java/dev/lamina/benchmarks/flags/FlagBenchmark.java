package dev.lamina.benchmarks.flags;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.getunleash.DefaultUnleash;
import io.getunleash.Unleash;
import io.getunleash.UnleashContext;
import io.getunleash.util.UnleashConfig;
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

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Origin;
import dev.lamina.config.ScalarType;
import dev.lamina.config.flags.EvaluationContext;
import dev.lamina.config.flags.FlagDefinitions;
import dev.lamina.config.flags.FlagEvaluator;

/**
 * Lamina's flag evaluator against unleash-client-java 12.x on the same definitions, both fully local: a flag with a
 * 25 % rollout and two constraints ({@code user_segment IN [premium, family]}, {@code app_version SEMVER_GT 2.4.0};
 * Unleash has no {@code SEMVER_GTE}), and an experiment split 50/30/20. Unleash is loaded offline from a bootstrap
 * state, with polling and metrics off. Contexts are built beforehand (1,024 users, cycled), so the benchmarks measure evaluation only.
 * The Unleash variant weights sum to 10000, Lamina's basis-point modulus, so both assign every user alike (checked
 * in {@link #setUp()} before anything is measured).
 *
 * <pre>
 * java -cp benchmarks/target/classes:$(cat benchmarks/target/classpath.txt) org.openjdk.jmh.Main FlagBenchmark \
 *     -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FlagBenchmark {

    static final String FLAG = "enhanced_anomaly_detection";
    static final String EXPERIMENT = "recommendation_algorithm_v2";
    private static final int USERS = 1024;

    /** The same definitions in Unleash's client-features format. */
    static final String UNLEASH_STATE = """
            {"version": 2, "features": [
              {"name": "enhanced_anomaly_detection", "enabled": true, "strategies": [
                {"name": "flexibleRollout",
                 "parameters": {"rollout": "25", "stickiness": "default", "groupId": "enhanced_anomaly_detection"},
                 "constraints": [
                   {"contextName": "user_segment", "operator": "IN", "values": ["premium", "family"]},
                   {"contextName": "app_version", "operator": "SEMVER_GT", "value": "2.4.0"}]}]},
              {"name": "recommendation_algorithm_v2", "enabled": true,
               "strategies": [{"name": "default", "parameters": {}}],
               "variants": [
                 {"name": "control", "weight": 5000, "stickiness": "default"},
                 {"name": "variant_a", "weight": 3000, "stickiness": "default"},
                 {"name": "variant_b", "weight": 2000, "stickiness": "default"}]}]}
            """;

    private FlagEvaluator lamina;
    private Unleash unleash;
    private EvaluationContext[] laminaContexts;
    private UnleashContext[] unleashContexts;
    private int next;
    private Path backup;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        lamina = FlagDefinitions.compile(nativeDefinitions(), Clock.systemUTC());
        backup = Files.createTempFile("lamina-bench-unleash", ".json");
        Files.delete(backup); // no backup file: Unleash must start from the bootstrap state
        UnleashConfig config = UnleashConfig.builder()
                .appName("lamina-benchmarks")
                .instanceId("jmh")
                .unleashAPI("http://127.0.0.1:9/api/") // never contacted: polling is off
                .disablePolling()
                .fetchTogglesInterval(0)
                .synchronousFetchOnInitialisation(false)
                .disableMetrics()
                .backupFile(backup.toString())
                .toggleBootstrapProvider(() -> Optional.of(UNLEASH_STATE))
                .build();
        unleash = new DefaultUnleash(config);
        laminaContexts = new EvaluationContext[USERS];
        unleashContexts = new UnleashContext[USERS];
        for (int i = 0; i < USERS; i++) {
            String user = "listener-" + i;
            String segment = i % 3 == 0 ? "free" : "premium";
            String version = i % 5 == 0 ? "2.3.9" : "2.10.1";
            laminaContexts[i] = EvaluationContext.builder().userId(user).attribute("user_segment", segment)
                    .attribute("app_version", version).build();
            unleashContexts[i] = UnleashContext.builder().userId(user).addProperty("user_segment", segment)
                    .addProperty("app_version", version).build();
        }
        // Both engines must agree before their speed is worth comparing.
        for (int i = 0; i < USERS; i++) {
            if (lamina.isEnabled(FLAG, laminaContexts[i]) != unleash.isEnabled(FLAG, unleashContexts[i])) {
                throw new IllegalStateException("Lamina and Unleash disagree on " + FLAG + " for user " + i);
            }
            String ours = lamina.variantOf(EXPERIMENT, laminaContexts[i]).orElse("disabled");
            String theirs = unleash.getVariant(EXPERIMENT, unleashContexts[i]).getName();
            if (!ours.equals(theirs)) {
                throw new IllegalStateException("Lamina and Unleash disagree on " + EXPERIMENT + " for user " + i
                        + ": " + ours + " vs " + theirs);
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        unleash.shutdown();
        Files.deleteIfExists(backup);
    }

    private int nextIndex() {
        int i = next;
        next = (i + 1) & (USERS - 1);
        return i;
    }

    /** {@code isFeatureEnabled}: rollout + two constraints, Lamina. */
    @Benchmark
    public boolean laminaIsEnabled() {
        return lamina.isEnabled(FLAG, laminaContexts[nextIndex()]);
    }

    /** The same toggle, unleash-client-java 12.x. */
    @Benchmark
    public boolean unleashIsEnabled() {
        return unleash.isEnabled(FLAG, unleashContexts[nextIndex()]);
    }

    /** {@code getAbTestVariant}: experiment assignment, Lamina. */
    @Benchmark
    public Optional<String> laminaExperimentVariant() {
        return lamina.variantOf(EXPERIMENT, laminaContexts[nextIndex()]);
    }

    /** The same split as feature variants, unleash-client-java 12.x. */
    @Benchmark
    public String unleashVariant() {
        return unleash.getVariant(EXPERIMENT, unleashContexts[nextIndex()]).getName();
    }

    /** Lamina's native definitions of the same flag and experiment (built in code: no parser needed here). */
    static ConfigObject nativeDefinitions() {
        Map<String, Object> constraint1 = map("attribute", "user_segment", "operator", "IN",
                "values", List.of("premium", "family"));
        Map<String, Object> constraint2 = map("attribute", "app_version", "operator", "SEMVER_GT",
                "values", List.of("2.4.0"));
        Map<String, Object> flag = map("rules", List.of(map("constraints", List.of(constraint1, constraint2),
                "rollout_percentage", 25)));
        Map<String, Object> split = map("control", 50.0, "variant_a", 30.0, "variant_b", 20.0);
        return (ConfigObject) node(map(
                "feature_flags", map(FLAG, flag),
                "experiments", map(EXPERIMENT, map("traffic_split", split))));
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static ConfigNode node(Object v) {
        Origin o = Origin.of("benchmark");
        if (v instanceof Map<?, ?> m) {
            Map<String, ConfigNode> entries = new LinkedHashMap<>();
            m.forEach((k, x) -> entries.put((String) k, node(x)));
            return new ConfigObject(entries, o);
        }
        if (v instanceof List<?> l) {
            List<ConfigNode> items = new ArrayList<>();
            l.forEach(x -> items.add(node(x)));
            return new ConfigList(items, o);
        }
        if (v instanceof Number n) {
            return new ConfigScalar(n.toString(), ScalarType.NUMBER, o);
        }
        return ConfigScalar.string(v.toString(), o);
    }
}
