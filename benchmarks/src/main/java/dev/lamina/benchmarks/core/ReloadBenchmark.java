package dev.lamina.benchmarks.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;

import dev.lamina.config.ConfigLoader;
import dev.lamina.config.ConfigSources;
import dev.lamina.config.Configuration;
import dev.lamina.config.ConfigurationManager;
import dev.lamina.config.ConfigurationOptions;
import dev.lamina.config.Format;
import dev.lamina.config.Snapshot;

/**
 * Reloading the example staging configuration (read the files, parse, merge, resolve, swap) against Lightbend
 * Config's {@code ConfigFactory.parseString(json).resolve()} of the same merged content.
 *
 * <ul>
 *   <li>{@code laminaReloadNewContent}: {@code ConfigurationManager.reload()} after {@code staging.yaml} got a value
 *       never written before (written and forced to disk before each call, outside the measured time): the whole
 *       path an operator's edit takes, parse, swap and change events included. This is the number held against the
 *       target.</li>
 *   <li>{@code laminaReloadChanged}: the same with one value flipping between two texts of the same length (the
 *       parsed-document cache keeps only each file's latest version, so this parses every time too).</li>
 *   <li>{@code laminaReloadUnchanged}: the same call when nothing changed (everything but the swap; the content
 *       hash shows nothing to publish).</li>
 *   <li>{@code laminaLoadDirectory}: {@code ConfigLoader.load(ConfigSources.directory(dir, "staging"))}, the
 *       library path without a manager (no cache, hashing, history or events).</li>
 *   <li>{@code laminaLoadJsonString}: {@code ConfigLoader.load} of the peer's own input (the merged content as
 *       one JSON string in memory): the same work as the peer, to separate format and file costs from the
 *       pipeline's.</li>
 *   <li>{@code lightbendParseResolve}: the peer, from a string already in memory (no file reading).</li>
 * </ul>
 *
 * <p>Run with the temporary directory on tmpfs ({@code -jvmArgsAppend -Djava.io.tmpdir=/dev/shm}): on a disk
 * file system the set-up's write, microseconds before the measured call, leaves the CPU caches cold and the
 * reload measures 1.5x slower and far noisier (docs/performance.md, "Reload"), while a hot reload reads a file
 * only after it has been quiet for 200 ms.
 *
 * <p>Issue 3's target: Lamina's reload no slower than the peer in the same run.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
// The load pipeline spans many methods: on a busy 2-core machine the JIT needs about ten seconds before the
// iterations stop shrinking (three one-second warm-ups measure partly interpreted code).
@Warmup(iterations = 10, time = 1)
@Measurement(iterations = 5, time = 1)
public class ReloadBenchmark {

    private static final String CHANGED_LINE_BEFORE = "max_workers: 16";
    private static final String CHANGED_LINE_AFTER = "max_workers: 17";

    private Path dir;
    private ConfigurationManager manager;
    private ConfigLoader loader;
    private String json;
    private byte[] stagingOriginal;
    private byte[] stagingChanged;
    private boolean changed;

    /** Copies the example configuration, loads it, and renders the merged result as JSON for the peer. */
    @Setup
    public void setUp() throws IOException {
        dir = ExampleConfig.copyToTemporaryDirectory();
        // A service's files were written long before a reload: let the copies settle (modification and status-change
        // times older than the quiet period plus 3 s), or the first iterations read them as just written.
        dev.lamina.benchmarks.SettledFiles.await(java.util.List.of(dir));
        // The manager's defaults, except an empty environment-variable map (${VAR:-default} takes the default).
        manager = new ConfigurationManager(ConfigurationOptions.builder().directory(dir).environment(Map.of()).build());
        Configuration loaded = manager.loadEnvironmentConfig(ExampleConfig.ENVIRONMENT);
        loader = ExampleConfig.loader(dir);
        json = ExampleConfig.toJson(loaded);

        Path staging = dir.resolve(ExampleConfig.ENVIRONMENT + ".yaml");
        String text = Files.readString(staging, StandardCharsets.UTF_8);
        if (!text.contains(CHANGED_LINE_BEFORE)) {
            throw new IllegalStateException(staging.getFileName() + " no longer contains '" + CHANGED_LINE_BEFORE
                    + "'; pick another line for ReloadBenchmark to change");
        }
        stagingOriginal = text.getBytes(StandardCharsets.UTF_8);
        stagingChanged = text.replace(CHANGED_LINE_BEFORE, CHANGED_LINE_AFTER).getBytes(StandardCharsets.UTF_8);

        Config peer = ConfigFactory.parseString(json).resolve();
        ExampleConfig.check("Lightbend", loaded.getInt(ExampleConfig.DEEP_PATH), peer.getInt(ExampleConfig.DEEP_PATH));
        ExampleConfig.check("ConfigLoader", loaded.getInt(ExampleConfig.DEEP_PATH),
                laminaLoadDirectory().getInt(ExampleConfig.DEEP_PATH));
        ExampleConfig.check("ConfigLoader JSON", loaded.getInt(ExampleConfig.DEEP_PATH),
                laminaLoadJsonString().getInt(ExampleConfig.DEEP_PATH));
    }

    /** Closes the manager and deletes the copied directory. */
    @TearDown
    public void tearDown() {
        manager.close();
        ExampleConfig.deleteRecursively(dir);
    }

    /**
     * Flips {@code staging.yaml} between its two versions before each {@code laminaReloadChanged} call; not
     * measured. The other benchmarks do not use this state, so their files never change.
     */
    @State(Scope.Thread)
    public static class ChangedFile {

        /**
         * @param bench the shared state
         */
        @Setup(Level.Invocation)
        public void flip(ReloadBenchmark bench) {
            bench.changed = !bench.changed;
            writeSettled(bench.dir.resolve(ExampleConfig.ENVIRONMENT + ".yaml"),
                    bench.changed ? bench.stagingChanged : bench.stagingOriginal);
        }
    }

    /**
     * Writes and forces the file to disk before the measured call. A hot reload reads a file only after it has been
     * quiet for 200 ms, by which time the kernel has written it back; without the force, ext4 starts that
     * write-back (its replace-by-truncate heuristic) during the measured reload, which then measured the disk,
     * not Lamina (1.7x slower and three times noisier than on tmpfs).
     */
    private static void writeSettled(Path file, byte[] content) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                ch.write(buffer);
            }
            ch.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param file flips the file before the call
     * @return the new snapshot
     */
    @Benchmark
    public Snapshot laminaReloadChanged(ChangedFile file) {
        return manager.reload();
    }

    /**
     * Writes {@code staging.yaml} with a value never written before ahead of each {@code laminaReloadNewContent}
     * call; not measured. No cache can hold a text never seen before, so every call parses the edited file again:
     * what an operator's edit costs.
     */
    @State(Scope.Thread)
    public static class NewContent {
        private long next = 1_000_000;

        /**
         * @param bench the shared state
         */
        @Setup(Level.Invocation)
        public void write(ReloadBenchmark bench) {
            String text = new String(bench.stagingOriginal, StandardCharsets.UTF_8)
                    .replace(CHANGED_LINE_BEFORE, "max_workers: " + next++);
            writeSettled(bench.dir.resolve(ExampleConfig.ENVIRONMENT + ".yaml"), text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * @param file writes new content before the call
     * @return the new snapshot
     */
    @Benchmark
    public Snapshot laminaReloadNewContent(NewContent file) {
        return manager.reload();
    }

    /** @return the snapshot in force (the same one: nothing changed) */
    @Benchmark
    public Snapshot laminaReloadUnchanged() {
        return manager.reload();
    }

    /** @return the configuration loaded without a manager */
    @Benchmark
    public Configuration laminaLoadDirectory() {
        return loader.load(ConfigSources.directory(dir, ExampleConfig.ENVIRONMENT));
    }

    /** @return the configuration loaded from the peer's input: the same JSON string, in memory */
    @Benchmark
    public Configuration laminaLoadJsonString() {
        return loader.load(ConfigSources.string("example.json", Format.JSON, json));
    }

    /** @return the peer's parsed and resolved configuration */
    @Benchmark
    public Config lightbendParseResolve() {
        return ConfigFactory.parseString(json).resolve();
    }
}
