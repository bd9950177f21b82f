package dev.lamina.benchmarks.core;

import java.nio.file.Path;
import java.util.HashMap;
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

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

import dev.lamina.config.Configuration;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * {@code Configuration.getInt(path)} on the example staging configuration (the immutable configuration a
 * manager's snapshot holds, built here by {@code ConfigLoader} from the same files), against SmallRye
 * Config's {@code getValue(path, Integer.class)} over the same flattened keys, Lightbend Config's
 * {@code getInt(path)} over the same tree as JSON, and a {@code HashMap<String, Integer>} hit as the floor.
 *
 * <p>Issue 3's targets: 0 B/op; at least 2x faster than SmallRye and 5x faster than Lightbend on the same keys.
 * Run with {@code -prof gc} to see {@code gc.alloc.rate.norm}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class GetIntBenchmark {

    // Instance fields, not compile-time constants: the JIT must not fold the lookups away.
    private final String shallowPath = ExampleConfig.SHALLOW_PATH;
    private final String deepPath = ExampleConfig.DEEP_PATH;

    private Configuration lamina;
    private SmallRyeConfig smallRye;
    private Config lightbend;
    private Map<String, Integer> hashMap;

    /** Loads the example configuration through Lamina and hands the same content to every peer. */
    @Setup
    public void setUp() {
        Path dir = ExampleConfig.copyToTemporaryDirectory();
        try {
            lamina = ExampleConfig.load(dir);
        } finally {
            ExampleConfig.deleteRecursively(dir);
        }
        Map<String, String> flat = ExampleConfig.flatten(lamina);
        smallRye = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(flat, "lamina-example-" + ExampleConfig.ENVIRONMENT, 100))
                .build();
        lightbend = ConfigFactory.parseString(ExampleConfig.toJson(lamina)).resolve();
        hashMap = new HashMap<>();
        for (Map.Entry<String, String> e : flat.entrySet()) {
            if (e.getValue().matches("-?\\d{1,9}")) {
                hashMap.put(e.getKey(), Integer.valueOf(e.getValue()));
            }
        }
        for (String path : new String[] {shallowPath, deepPath}) {
            int expected = lamina.getInt(path);
            ExampleConfig.check("SmallRye " + path, expected, smallRye.getValue(path, Integer.class));
            ExampleConfig.check("Lightbend " + path, expected, lightbend.getInt(path));
            ExampleConfig.check("HashMap " + path, expected, hashMap.get(path));
        }
    }

    /** @return Lamina, 2-level path */
    @Benchmark
    public int laminaShallow() {
        return lamina.getInt(shallowPath);
    }

    /** @return Lamina, 4-level path */
    @Benchmark
    public int laminaDeep() {
        return lamina.getInt(deepPath);
    }

    /** @return SmallRye Config, 2-level path */
    @Benchmark
    public int smallRyeShallow() {
        return smallRye.getValue(shallowPath, Integer.class);
    }

    /** @return SmallRye Config, 4-level path */
    @Benchmark
    public int smallRyeDeep() {
        return smallRye.getValue(deepPath, Integer.class);
    }

    /** @return Lightbend Config, 2-level path */
    @Benchmark
    public int lightbendShallow() {
        return lightbend.getInt(shallowPath);
    }

    /** @return Lightbend Config, 4-level path */
    @Benchmark
    public int lightbendDeep() {
        return lightbend.getInt(deepPath);
    }

    /** @return the floor: one {@code HashMap} hit and an unboxing, 2-level key */
    @Benchmark
    public int hashMapShallow() {
        return hashMap.get(shallowPath);
    }

    /** @return the floor: one {@code HashMap} hit and an unboxing, 4-level key */
    @Benchmark
    public int hashMapDeep() {
        return hashMap.get(deepPath);
    }
}
