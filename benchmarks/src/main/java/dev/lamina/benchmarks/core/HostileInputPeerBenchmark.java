package dev.lamina.benchmarks.core;

import java.io.IOException;
import java.io.StringReader;
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
import org.openjdk.jmh.annotations.Warmup;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The peer of {@link HostileInputBenchmark}: the same long YAML scalar and comment through a plain Jackson
 * {@link YAMLFactory}, that is SnakeYAML's own chunked {@code StreamReader}, read to the end without length limits.
 * This is how Lamina read YAML before issue 10; its cost grows with the square of the longest token, so its sizes
 * stop at 4 MiB.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class HostileInputPeerBenchmark {

    /** YAML attack. */
    @Param({"yaml-scalar", "yaml-comment"})
    public String attack;

    /** Document size in MiB. */
    @Param({"1", "2", "4"})
    public int mib;

    private YAMLFactory factory;
    private String document;

    /** Builds the document and a factory without length limits, so the whole document is read. */
    @Setup(Level.Trial)
    public void setUp() {
        int n = mib * 1024 * 1024;
        document = attack.equals("yaml-scalar") ? "a: " + "x".repeat(n) + "\n" : "# " + "x".repeat(n) + "\na: 1\n";
        org.yaml.snakeyaml.LoaderOptions options = new org.yaml.snakeyaml.LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);
        factory = YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
                .build();
    }

    /**
     * @return the number of tokens read
     * @throws IOException never for these documents
     */
    @Benchmark
    public int snakeYamlReader() throws IOException {
        int tokens = 0;
        try (JsonParser p = factory.createParser(new StringReader(document))) {
            while (p.nextToken() != null) {
                tokens++;
            }
        }
        return tokens;
    }
}
