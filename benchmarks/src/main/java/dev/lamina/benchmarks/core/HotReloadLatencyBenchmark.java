package dev.lamina.benchmarks.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.lamina.config.ConfigChangeEvent;
import dev.lamina.config.ConfigurationManager;
import dev.lamina.config.ConfigurationOptions;

/**
 * Hot-reload latency: from writing a changed {@code staging.yaml} into the watched directory until the change
 * event for the changed key reaches a listener, with the default options (200 ms quiet period, 50 ms debounce,
 * the platform's file watch service). Each call writes a new value for one key and blocks until the listener
 * sees that value; sample mode gives the distribution (p50 is the number held against the target).
 *
 * <p>Issue 3's target: median at most 400 ms. Each call takes at least the quiet period, so one-second iterations
 * give only a few samples; run it with longer iterations (see {@code docs/performance.md}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 5, time = 6)
public class HotReloadLatencyBenchmark {

    private static final String KEY = "service.max_workers";
    private static final String LINE = "max_workers: 16";
    private static final long TIMEOUT_SECONDS = 10;

    private final BlockingQueue<ConfigChangeEvent> events = new LinkedBlockingQueue<>();
    private Path dir;
    private Path staging;
    private String stagingText;
    private ConfigurationManager manager;
    private int value = 16;

    /** Copies the example configuration, loads staging, listens for changes and turns hot reload on. */
    @Setup
    public void setUp() throws IOException {
        dir = ExampleConfig.copyToTemporaryDirectory();
        staging = dir.resolve(ExampleConfig.ENVIRONMENT + ".yaml");
        stagingText = Files.readString(staging, StandardCharsets.UTF_8);
        if (!stagingText.contains(LINE)) {
            throw new IllegalStateException(staging.getFileName() + " no longer contains '" + LINE
                    + "'; pick another line for HotReloadLatencyBenchmark to change");
        }
        // The manager's defaults (200 ms quiet period), except an empty environment-variable map.
        manager = new ConfigurationManager(ConfigurationOptions.builder().directory(dir).environment(Map.of()).build());
        manager.loadEnvironmentConfig(ExampleConfig.ENVIRONMENT);
        manager.addChangeListener(event -> {
            if (event.path().toString().equals(KEY)) {
                events.add(event);
            }
        });
        manager.enableHotReload();
    }

    /** Stops hot reload and deletes the directory. */
    @TearDown
    public void tearDown() {
        manager.close();
        ExampleConfig.deleteRecursively(dir);
    }

    /**
     * Writes {@code staging.yaml} in place with a new value for {@value #KEY} and waits for its change event.
     *
     * @return the event
     * @throws IOException          if the file cannot be written
     * @throws InterruptedException if interrupted while waiting
     */
    @Benchmark
    public ConfigChangeEvent writeUntilChangeEvent() throws IOException, InterruptedException {
        value = value == 16 ? 17 : 16;
        String expected = Integer.toString(value);
        Files.writeString(staging, stagingText.replace(LINE, "max_workers: " + expected), StandardCharsets.UTF_8);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (true) {
            ConfigChangeEvent event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new IllegalStateException("no change event for " + KEY + " within " + TIMEOUT_SECONDS + " s");
            }
            // An older event (from a poll that caught an earlier write) is skipped, never counted.
            if (event.newValue().filter(expected::equals).isPresent()) {
                return event;
            }
        }
    }
}
