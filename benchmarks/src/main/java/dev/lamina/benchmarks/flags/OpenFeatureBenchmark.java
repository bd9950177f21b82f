package dev.lamina.benchmarks.flags;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.MutableContext;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.Value;
import dev.openfeature.sdk.providers.memory.Flag;
import dev.openfeature.sdk.providers.memory.InMemoryProvider;

import dev.lamina.config.ConfigDocuments;
import dev.lamina.config.Format;
import dev.lamina.config.ParseLimits;
import dev.lamina.config.flags.FlagDefinitions;
import dev.lamina.config.flags.openfeature.LaminaProvider;

/**
 * A boolean flag evaluated through the OpenFeature SDK's client, with {@link LaminaProvider} and with the SDK's own
 * {@code InMemoryProvider} behind the same client code, in the same run. The context (a targeting key and one
 * attribute) is built once, outside the measured code, as a service builds it once per request.
 *
 * <ul>
 *   <li>{@code inMemoryBoolean}: the SDK's InMemoryProvider, a static flag ({@code on}/{@code off}, default
 *       {@code on}) — the reference.</li>
 *   <li>{@code laminaBoolean}: the same flag in Lamina's format ({@code type: boolean}, on for everyone).</li>
 *   <li>{@code laminaTargetedBoolean}: a Lamina flag with a constraint on the attribute, so the provider reads
 *       the OpenFeature context (through a view: only the attribute the rule names is read and parsed).</li>
 *   <li>{@code laminaRolloutBoolean}: a Lamina flag rolled out to 50 % of users by their targeting key (hashes it).</li>
 *   <li>{@code laminaProviderOnly}: {@code LaminaProvider.getBooleanEvaluation} called directly, without the SDK
 *       (the provider's own cost; {@code -prof gc} shows it allocates nothing).</li>
 *   <li>{@code laminaTargetedProviderOnly}: the same for the targeted flag over the {@code ImmutableContext}: its
 *       {@code getValue} returns a copy of the value (16 B, the SDK's allocation).</li>
 *   <li>{@code laminaTargetedProviderOnlyOwnValues}: the targeted flag over a {@code MutableContext} holding the
 *       same attributes, whose {@code getValue} copies nothing: the provider's own allocation alone (0 B).</li>
 *   <li>{@code laminaRolloutProviderOnly}: the rollout flag through the provider alone.</li>
 * </ul>
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar OpenFeatureBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OpenFeatureBenchmark {

    private static final String FLAGS = """
            feature_flags:
              beta:
                type: boolean
              premium_beta:
                type: boolean
                rules:
                  - constraints: [{attribute: user_segment, operator: IN, values: [premium, family]}]
              half_beta:
                type: boolean
                rollout_percentage: 50
            """;

    private Client inMemory;
    private Client lamina;
    private LaminaProvider provider;
    private EvaluationContext ctx;
    private EvaluationContext ownValues;

    @Setup
    public void setUp() {
        OpenFeatureAPI api = OpenFeatureAPI.getInstance();
        api.setProviderAndWait("in-memory", new InMemoryProvider(Map.of("beta",
                Flag.builder().variant("on", true).variant("off", false).defaultVariant("on").build())));
        provider = new LaminaProvider(FlagDefinitions.compile(
                ConfigDocuments.parse("flags.yaml", Format.YAML, FLAGS, ParseLimits.DEFAULTS), Clock.systemUTC()));
        api.setProviderAndWait("lamina", provider);
        inMemory = api.getClient("in-memory");
        lamina = api.getClient("lamina");
        ctx = new ImmutableContext("user-42", Map.of("user_segment", new Value("premium")));
        ownValues = new MutableContext("user-42", Map.of("user_segment", new Value("premium")));
        if (!inMemory.getBooleanValue("beta", false, ctx) || !lamina.getBooleanValue("beta", false, ctx)
                || !lamina.getBooleanValue("premium_beta", false, ctx)) {
            throw new IllegalStateException("the providers disagree on the benchmark's flags");
        }
        if (!lamina.getBooleanValue("premium_beta", false, ownValues)) {
            throw new IllegalStateException("the targeted flag is off over MutableContext");
        }
    }

    @Benchmark
    public boolean inMemoryBoolean() {
        return inMemory.getBooleanValue("beta", false, ctx);
    }

    @Benchmark
    public boolean laminaBoolean() {
        return lamina.getBooleanValue("beta", false, ctx);
    }

    @Benchmark
    public boolean laminaTargetedBoolean() {
        return lamina.getBooleanValue("premium_beta", false, ctx);
    }

    @Benchmark
    public boolean laminaProviderOnly() {
        return provider.getBooleanEvaluation("beta", false, ctx).getValue();
    }

    /** The targeted flag through the provider alone: the cost of reading the context, without the SDK's. */
    @Benchmark
    public boolean laminaTargetedProviderOnly() {
        return provider.getBooleanEvaluation("premium_beta", false, ctx).getValue();
    }

    @Benchmark
    public boolean laminaRolloutBoolean() {
        return lamina.getBooleanValue("half_beta", false, ctx);
    }

    /** The targeted flag over a context whose getValue copies nothing: the provider's own allocation alone. */
    @Benchmark
    public boolean laminaTargetedProviderOnlyOwnValues() {
        return provider.getBooleanEvaluation("premium_beta", false, ownValues).getValue();
    }

    @Benchmark
    public boolean laminaRolloutProviderOnly() {
        return provider.getBooleanEvaluation("half_beta", false, ctx).getValue();
    }
}
