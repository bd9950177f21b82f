package dev.lamina.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.testing.ParserFuzz;

/**
 * Seeded, time-bounded fuzzing of every parser through the loader (issue 10, "Done when"): a few hundred mutated
 * documents per format, each loaded by {@link ConfigLoader} (parse, merge over a base layer, interpolate) in a
 * worker with a timeout. Every document must either load or fail with a {@link ConfigException}; anything else
 * (another exception, a {@link StackOverflowError} or {@link OutOfMemoryError}, a hang past the bound) fails the
 * test, naming the seed, the document number and the mutations, so that a failure can be replayed with
 * {@code -Dlamina.fuzz.seed=<seed>}. The CLI side (no stack trace on stderr) is {@code ParserFuzzCliTest} in
 * config-cli, which uses {@link ParserFuzz} the same way.
 */
class ParserFuzzTest {

    /** Per document: far above what a parse of these sizes costs, even on a loaded machine. */
    private static final Duration HANG_BOUND = Duration.ofSeconds(10);
    private static final int DOCUMENTS_PER_FORMAT = 300;

    @TempDir
    Path dir;

    @Test
    void mutatedDocumentsOfEveryFormatExitOnlyThroughConfigException() throws Exception {
        long seed = Long.getLong("lamina.fuzz.seed", 20_261_207L);
        Random random = new Random(seed);
        ConfigLoader loader = new ConfigLoader(ConfigurationOptions.builder()
                .directory(dir)
                .environment(Map.of("USER", "fuzz", "HOME", "/home/fuzz"))
                .build());
        Layer base = new Layer("base.yaml", ConfigDocuments.parse("base.yaml", Format.YAML,
                "server:\n  port: 8080\n  host: a\nlist: [1, 2]\n", ParseLimits.DEFAULTS));

        List<String> failures = new ArrayList<>();
        Map<Format, int[]> outcomes = new EnumMap<>(Format.class); // {loaded, refused}
        ExecutorService worker = newWorker();
        long started = System.nanoTime();
        try {
            for (Format format : ParserFuzz.FORMATS) {
                long formatStarted = System.nanoTime();
                int[] counts = outcomes.computeIfAbsent(format, f -> new int[2]);
                for (int i = 0; i < DOCUMENTS_PER_FORMAT; i++) {
                    ParserFuzz.Mutant mutant = ParserFuzz.mutant(format, random);
                    String name = "fuzz-" + i + "." + ParserFuzz.extension(format);
                    Future<Boolean> run = worker.submit(() -> load(loader, base, name, format, mutant.bytes()));
                    try {
                        counts[run.get(HANG_BOUND.toMillis(), TimeUnit.MILLISECONDS) ? 0 : 1]++;
                    } catch (TimeoutException e) {
                        run.cancel(true);
                        worker.shutdownNow();
                        worker = newWorker();
                        failures.add(describe(seed, format, i, mutant, "no result after " + HANG_BOUND));
                    } catch (ExecutionException e) {
                        failures.add(describe(seed, format, i, mutant, stackHead(e.getCause())));
                    }
                    if (failures.size() >= 10) {
                        break;
                    }
                }
                System.out.printf("fuzz %s: %d loaded, %d refused, %d ms%n", format, counts[0], counts[1],
                        (System.nanoTime() - formatStarted) / 1_000_000);
            }
        } finally {
            worker.shutdownNow();
        }
        assertThat(failures).as("documents that escaped through something other than ConfigException"
                + " (replay with -Dlamina.fuzz.seed=" + seed + ")").isEmpty();
        // The mutations must exercise both paths, or the fuzzer tests nothing.
        outcomes.forEach((format, c) -> assertThat(c).as("loaded/refused for %s", format)
                .satisfies(counts -> assertThat(counts[0]).isPositive())
                .satisfies(counts -> assertThat(counts[1]).isPositive()));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("total fuzzing time")
                .isLessThan(Duration.ofSeconds(120));
    }

    /** @return {@code true} when it loaded, {@code false} when refused with a ConfigException */
    private static boolean load(ConfigLoader loader, Layer base, String name, Format format, byte[] bytes) {
        try {
            ConfigSource source = new ConfigSource() {
                @Override
                public String name() {
                    return name;
                }

                @Override
                public List<Layer> read(ParseLimits limits) {
                    return List.of(new Layer(name, ConfigDocuments.parse(name, format, bytes, limits)));
                }
            };
            ConfigSource below = new ConfigSource() {
                @Override
                public String name() {
                    return base.name();
                }

                @Override
                public List<Layer> read(ParseLimits limits) {
                    return List.of(base);
                }
            };
            Configuration c = loader.load(below, source);
            c.toString();
            return true;
        } catch (ConfigException e) {
            assertThat(e.getMessage()).isNotBlank();
            return false;
        }
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "parser-fuzz");
            t.setDaemon(true); // a hung parse must not keep the test JVM alive
            return t;
        });
    }

    private static String describe(long seed, Format format, int index, ParserFuzz.Mutant m, String what) {
        String text = new String(m.bytes(), StandardCharsets.UTF_8);
        String shown = text.length() > 300 ? text.substring(0, 300) + "…(" + text.length() + " chars)" : text;
        return format + " #" + index + " (seed " + seed + ", mutations " + m.mutations() + "): " + what
                + "\n  document: " + shown.replace("\n", "\\n");
    }

    private static String stackHead(Throwable t) {
        StringBuilder sb = new StringBuilder(String.valueOf(t));
        StackTraceElement[] trace = t.getStackTrace();
        for (int i = 0; i < Math.min(8, trace.length); i++) {
            sb.append("\n    at ").append(trace[i]);
        }
        return sb.toString();
    }
}
