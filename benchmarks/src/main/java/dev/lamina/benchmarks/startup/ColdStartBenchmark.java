package dev.lamina.benchmarks.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * First load and first read in a fresh JVM, each library in its own forks, one shot per fork: the cost a service
 * pays once at start, with everything it loads for the first time (classes, factories, regexes, lambdas).
 *
 * <p>The inputs are produced by {@code benchmarks/startup/cold-start.sh} (it passes {@code -Dlamina.coldstart.dir}):
 * the example directory, and Lamina's merged production configuration exported as JSON (Lightbend) and properties
 * (SmallRye), so all three answer the same key from the same content. Run:
 * {@code java -Dlamina.coldstart.dir=... -jar benchmarks/target/benchmarks.jar ColdStartBenchmark -f 20}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(value = 20, jvmArgsAppend = "-Xshare:auto")
public class ColdStartBenchmark {

    /** The key every library reads. */
    @Param("database.pool.max_size")
    public String path;

    private Path dir;

    /** Finds the inputs the script prepared. */
    @Setup
    public void setUp() throws IOException {
        String d = System.getProperty("lamina.coldstart.dir");
        if (d == null || !Files.isDirectory(Path.of(d))) {
            throw new IllegalStateException("run through benchmarks/startup/cold-start.sh, which prepares "
                    + "-Dlamina.coldstart.dir");
        }
        dir = Path.of(d);
    }

    /** @return the value, so the read is not dead code */
    @Benchmark
    public int lamina() {
        return ColdStart.lamina(dir.resolve("config"), "production", path);
    }

    /** @return the value */
    @Benchmark
    public int lightbend() {
        return ColdStart.lightbend(dir.resolve("production.json"), path);
    }

    /** @return the value */
    @Benchmark
    public int smallrye() throws IOException {
        return ColdStart.smallrye(dir.resolve("production.properties"), path);
    }
}
