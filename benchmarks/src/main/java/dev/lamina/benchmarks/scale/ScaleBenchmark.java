package dev.lamina.benchmarks.scale;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.lamina.config.Configuration;
import dev.lamina.config.ConfigurationManager;
import dev.lamina.config.ConfigurationOptions;
import dev.lamina.config.Snapshot;

/**
 * Lamina at 10k, 100k and 1M leaves ({@link GeneratedConfig}): a full load by a new manager, a reload after one leaf
 * of {@code production.yaml} changed ({@code base.yaml}, which holds the other leaves, unchanged), and a
 * {@code getInt}. Targets (issue 11): load time at most 1.2x linear in size, the one-leaf reload at most 10 % of a
 * full load, {@code getInt} flat. Retained memory is measured by {@link ScaleMemory}. The chart in
 * docs/performance.md is drawn from this benchmark's JSON by {@code benchmarks/scale/chart.sh} (via {@link ScaleChart}).
 *
 * <p>{@code java -Xmx4g -jar benchmarks/target/benchmarks.jar ScaleBenchmark -rf json -rff scale.json}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g", "-Xms4g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ScaleBenchmark {

    /** Leaves in {@code base.yaml}. */
    @Param({"10000", "100000", "1000000"})
    public int leaves;

    private Path dir;
    private ConfigurationManager manager;
    private Configuration config;

    /** Writes the files and loads them once. */
    @Setup(Level.Trial)
    public void setUp() {
        dir = GeneratedConfig.write(leaves);
        manager = new ConfigurationManager(GeneratedConfig.options(dir).build());
        config = manager.loadEnvironmentConfig("production");
    }

    /**
     * Changes one leaf before each reload (not measured). A state of its own: a {@code Level.Invocation} setup on
     * the benchmark's state would run before every {@code getInt} and {@code fullLoad} too, and its file write and
     * timer overhead showed up as a 300 ns {@code getInt}.
     */
    @State(Scope.Thread)
    public static class OneLeafEdit {
        private int next;

        /** @param bench the benchmark's state, whose files are edited */
        @Setup(Level.Invocation)
        public void changeOneLeaf(ScaleBenchmark bench) {
            GeneratedConfig.changeOneLeaf(bench.dir, 100 + (next++ % 1000));
        }
    }

    /** Closes the manager and removes the files. */
    @TearDown(Level.Trial)
    public void tearDown() {
        manager.close();
        GeneratedConfig.delete(dir);
    }

    /** @return the configuration a new manager loads from the files */
    @Benchmark
    public Configuration fullLoad() {
        try (ConfigurationManager fresh = new ConfigurationManager(
                GeneratedConfig.options(dir).build())) {
            return fresh.loadEnvironmentConfig("production");
        }
    }

    /** @return the snapshot published after one leaf of the small file changed */
    @Benchmark
    public Snapshot reloadOneLeaf(OneLeafEdit edit) {
        return manager.reload();
    }

    /** @return the probe value */
    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public int getInt() {
        return config.getInt(GeneratedConfig.PROBE);
    }
}
