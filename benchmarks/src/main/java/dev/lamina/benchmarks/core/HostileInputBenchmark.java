package dev.lamina.benchmarks.core;

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

import dev.lamina.config.ConfigDocuments;
import dev.lamina.config.ConfigLimitException;
import dev.lamina.config.Format;
import dev.lamina.config.ParseLimits;

/**
 * Time to rejection of the hostile inputs of issue 10 item 5, against input size, per format: each document is
 * refused by a {@link ParseLimits} check made while reading, so the time must grow at most linearly with the size
 * (flat where the limit fires after a fixed amount of input). Before the fixes a 10 MB YAML scalar took 36 s
 * (quadratic in SnakeYAML's reader), a 100,000-level TOML key 139 s, a 200,000-element XML file 12 s.
 *
 * <p>The peer, run in the same invocation, is {@link HostileInputPeerBenchmark}: the YAML documents through SnakeYAML's
 * own reader, as before the fix. Single-shot times: each operation is one whole parse.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar 'core\.HostileInput' -f 1 -wi 2 -i 5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class HostileInputBenchmark {

    /** What the attack is; each names the format and the limit that refuses it. */
    @Param({"toml-dotted-key", "yaml-scalar", "yaml-comment", "xml-elements", "json-string", "json-depth",
            "properties-value"})
    public String attack;

    /** Document size in MiB. */
    @Param({"1", "2", "4", "8"})
    public int mib;

    /** Large enough that the size limit is not what fires: the limit under test must be. */
    private static final ParseLimits LIMITS = ParseLimits.DEFAULTS.withMaxDocumentBytes(64L * 1024 * 1024);

    private Format format;
    private String document;

    /** Builds the document once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        // 1 KiB over the size, so that the 1 MiB row is over maxStringLength (1 MiB) too: a payload of exactly
        // 1 MiB is accepted.
        int n = mib * 1024 * 1024 + 1024;
        switch (attack) {
            case "toml-dotted-key" -> {
                format = Format.TOML;
                document = "a" + ".a".repeat(n / 2) + " = 1\n";
            }
            case "yaml-scalar" -> {
                format = Format.YAML;
                document = "a: " + "x".repeat(n) + "\n";
            }
            case "yaml-comment" -> {
                format = Format.YAML;
                document = "# " + "x".repeat(n) + "\na: 1\n";
            }
            case "xml-elements" -> {
                format = Format.XML;
                document = "<r>" + "<a>1</a>".repeat(n / 8) + "</r>";
            }
            case "json-string" -> {
                format = Format.JSON;
                document = "{\"a\": \"" + "x".repeat(n) + "\"}";
            }
            case "json-depth" -> {
                format = Format.JSON;
                document = "{\"a\": " + "[".repeat(n) + "]".repeat(n) + "}";
            }
            case "properties-value" -> {
                format = Format.PROPERTIES;
                document = "a=" + "x".repeat(n) + "\n";
            }
            default -> throw new IllegalArgumentException(attack);
        }
    }

    /**
     * @return the limit error; for {@code yaml-comment} the document itself, since Lamina's YAML reader skips a
     *         comment in one pass and keeps nothing of it (only the document size bounds it)
     */
    @Benchmark
    public Object laminaRejects() {
        try {
            Object read = ConfigDocuments.parse("attack", format, document, LIMITS);
            if ("yaml-comment".equals(attack)) {
                return read;
            }
        } catch (ConfigLimitException e) {
            return e;
        }
        throw new IllegalStateException(attack + " was not refused by a limit");
    }
}
