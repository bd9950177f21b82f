package dev.lamina.config.internal.reload;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryWatcherTest {

    /** Event-driven: the poll is far enough away that a passing test proves the events work. */
    private static final WatchSettings FAST = new WatchSettings(Duration.ofMillis(50), Duration.ofMillis(20),
            Duration.ofSeconds(5), false);
    private static final Duration SETTLE = Duration.ofMillis(300);

    @TempDir
    Path root;

    private final List<DirectoryWatcher> watchers = new ArrayList<>();
    private final List<Set<Path>> calls = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeWatchers() {
        watchers.forEach(DirectoryWatcher::close);
    }

    private DirectoryWatcher start(WatchSettings settings, Consumer<Set<Path>> callback, Path... dirs) {
        DirectoryWatcher w = new DirectoryWatcher(Set.of(dirs), settings, callback);
        watchers.add(w);
        w.start();
        return w;
    }

    private DirectoryWatcher start(Path... dirs) {
        return start(FAST, calls::add, dirs);
    }

    private Path dir(String name) throws IOException {
        return Files.createDirectories(root.resolve(name));
    }

    /** Waits for exactly {@code n} callbacks, then checks that no further one follows. */
    private void expectCallbacks(int n) {
        await().atMost(Duration.ofSeconds(3)).until(() -> calls.size() >= n);
        await().during(SETTLE).atMost(SETTLE.plusSeconds(2)).until(() -> calls.size() == n);
    }

    private static void writeChunk(Path file, String chunk, boolean truncate) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE,
                truncate ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.wrap(chunk.getBytes(UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void watchesWithPlatformEventsByDefault() throws IOException {
        Path d = dir("conf");
        DirectoryWatcher w = start(d);

        assertThat(w.eventDrivenDirectories()).containsExactly(d);
    }

    @Test
    void inPlaceEditInSeveralChunksIsReportedOnceWhenCompleteAndQuiet() throws Exception {
        Path d = dir("conf");
        Path file = Files.writeString(d.resolve("app.yaml"), "old: true\n");
        List<String> seen = new CopyOnWriteArrayList<>();
        WatchSettings settings = FAST.withQuietPeriod(Duration.ofMillis(250));
        start(settings, changed -> {
            calls.add(changed);
            try {
                seen.add(Files.readString(file));
            } catch (IOException e) {
                seen.add("unreadable");
            }
        }, d);
        StringBuilder full = new StringBuilder();
        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
        try {
            for (int i = 0; i < 10; i++) {
                String chunk = "key" + i + ": " + i + "\n";
                full.append(chunk);
                boolean first = i == 0;
                // Chunks 20 ms apart: each lands well inside the 250 ms quiet period of the one before.
                writer.schedule(() -> writeChunk(file, chunk, first), 20L * i, TimeUnit.MILLISECONDS);
            }
            expectCallbacks(1);
        } finally {
            writer.shutdownNow();
        }

        assertThat(calls.get(0)).containsExactly(d);
        assertThat(seen).containsExactly(full.toString());
    }

    @Test
    void burstOfFiftyWritesIsCoalesced() throws IOException {
        Path d = dir("conf");
        Path file = Files.writeString(d.resolve("app.yaml"), "v: 0\n");
        start(d);

        for (int i = 1; i <= 50; i++) {
            Files.writeString(file, "v: " + i + "\n");
        }

        // Normally exactly one. At most two: if the machine stalls the writing thread for longer than the
        // quiet period mid-burst, the first half is (correctly) quiet and reported on its own.
        await().atMost(Duration.ofSeconds(3)).until(() -> !calls.isEmpty());
        await().during(SETTLE).atMost(SETTLE.plusSeconds(2)).until(() -> calls.size() <= 2);
    }

    @Test
    void renameSaveIsReportedOnce() throws IOException {
        Path d = dir("conf");
        Path file = Files.writeString(d.resolve("app.yaml"), "v: 1\n");
        start(d);

        Path temp = Files.writeString(d.resolve(".app.yaml.swp"), "v: 2\n");
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        expectCallbacks(1);
        assertThat(calls.get(0)).containsExactly(d);
    }

    @Test
    void newFileIsReported() throws IOException {
        Path d = dir("conf");
        start(d);

        Files.writeString(d.resolve("staging.yaml"), "a: 1\n");

        expectCallbacks(1);
    }

    @Test
    void deletedFileIsReported() throws IOException {
        Path d = dir("conf");
        Path file = Files.writeString(d.resolve("staging.yaml"), "a: 1\n");
        start(d);

        Files.delete(file);

        expectCallbacks(1);
    }

    @Test
    void identicalRewriteIsStillReported() throws IOException {
        Path d = dir("conf");
        Path file = Files.writeString(d.resolve("app.yaml"), "same\n");
        start(d);

        Files.writeString(file, "same\n");

        expectCallbacks(1);
    }

    @Test
    void editorScratchFilesAloneAreNotReported() throws IOException {
        Path d = dir("conf");
        start(d);

        Files.writeString(d.resolve(".app.yaml.swp"), "x");
        Files.writeString(d.resolve("app.yaml~"), "x");
        Files.writeString(d.resolve("#app.yaml#"), "x");

        await().during(SETTLE).atMost(SETTLE.plusSeconds(1)).until(calls::isEmpty);
    }

    @Test
    void onlyTheChangedDirectoryIsReported() throws IOException {
        Path a = dir("a");
        Path b = dir("b");
        start(a, b);

        Files.writeString(b.resolve("app.yaml"), "x: 1\n");

        expectCallbacks(1);
        assertThat(calls.get(0)).containsExactly(b);
    }

    @Test
    void directoriesChangedTogetherAreReportedInOneCallback() throws IOException {
        Path a = dir("a");
        Path b = dir("b");
        start(a, b);

        Files.writeString(a.resolve("app.yaml"), "x: 1\n");
        Files.writeString(b.resolve("app.yaml"), "x: 1\n");

        expectCallbacks(1);
        assertThat(calls.get(0)).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void kubernetesConfigMapSymlinkSwapIsReportedOnce() throws IOException {
        // The layout and update sequence of the kubelet's atomic writer for a mounted ConfigMap.
        Path d = dir("configmap");
        Path v1 = Files.createDirectory(d.resolve("..2026_11_21_09_00_00.000000001"));
        Files.writeString(v1.resolve("base.yaml"), "version: 1\n");
        Files.createSymbolicLink(d.resolve("..data"), v1.getFileName());
        Path base = Files.createSymbolicLink(d.resolve("base.yaml"), Path.of("..data", "base.yaml"));
        List<String> seen = new CopyOnWriteArrayList<>();
        start(FAST, changed -> {
            calls.add(changed);
            try {
                seen.add(Files.readString(base));
            } catch (IOException e) {
                seen.add("unreadable");
            }
        }, d);

        Path v2 = Files.createDirectory(d.resolve("..2026_11_21_09_05_00.000000002"));
        Files.writeString(v2.resolve("base.yaml"), "version: 2\n");
        Path tmpLink = Files.createSymbolicLink(d.resolve("..data_tmp"), v2.getFileName());
        Files.move(tmpLink, d.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);
        deleteTree(v1);

        expectCallbacks(1);
        assertThat(calls.get(0)).containsExactly(d);
        assertThat(seen).containsExactly("version: 2\n");
    }

    @Test
    void deletedDirectoryIsReportedAndWatchedAgainWhenRecreated() throws IOException {
        Path d = dir("conf");
        Files.writeString(d.resolve("app.yaml"), "v: 1\n");
        DirectoryWatcher w = start(FAST.withPollInterval(Duration.ofMillis(100)), calls::add, d);

        deleteTree(d);
        expectCallbacks(1);

        Files.createDirectory(d);
        Files.writeString(d.resolve("app.yaml"), "v: 2\n");
        expectCallbacks(2);
        await().atMost(Duration.ofSeconds(2)).until(() -> w.eventDrivenDirectories().contains(d));

        Files.writeString(d.resolve("app.yaml"), "v: 3\n");
        expectCallbacks(3);
        assertThat(calls).allSatisfy(c -> assertThat(c).containsExactly(d));
    }

    @Test
    void directoryMissingAtStartIsReportedWhenItAppears() throws IOException {
        Path d = root.resolve("later");
        start(FAST.withPollInterval(Duration.ofMillis(100)), calls::add, d);

        Files.createDirectory(d);
        Files.writeString(d.resolve("app.yaml"), "v: 1\n");

        expectCallbacks(1);
    }

    @Test
    void changeWithoutAnyEventIsFoundByPolling() throws IOException {
        // The file behind the link lives in an unwatched directory: editing it makes no event in `conf`.
        Path d = dir("conf");
        Path elsewhere = dir("elsewhere");
        Path target = Files.writeString(elsewhere.resolve("app.yaml"), "v: 1\n");
        Files.createSymbolicLink(d.resolve("app.yaml"), target);
        start(FAST.withPollInterval(Duration.ofMillis(100)), calls::add, d);

        writeChunk(target, "v: 2, longer\n", true);

        expectCallbacks(1);
    }

    @Test
    void forcedPollingUsesNoWatchServiceAndStillReports() throws IOException {
        Path d = dir("conf");
        DirectoryWatcher w = start(FAST.withForcePolling(true).withPollInterval(Duration.ofMillis(50)),
                calls::add, d);

        Files.writeString(d.resolve("app.yaml"), "v: 1\n");

        expectCallbacks(1);
        assertThat(w.eventDrivenDirectories()).isEmpty();
    }

    @Test
    void fallsBackToPollingWhenTheWatchServiceCannotBeCreated() throws IOException {
        Path d = dir("conf");
        DirectoryWatcher w = new DirectoryWatcher(Set.of(d), FAST.withPollInterval(Duration.ofMillis(50)),
                calls::add, Thread::new, () -> {
                    throw new IOException("User limit of inotify instances reached");
                });
        watchers.add(w);
        w.start();

        Files.writeString(d.resolve("app.yaml"), "v: 1\n");

        expectCallbacks(1);
        assertThat(w.eventDrivenDirectories()).isEmpty();
    }

    @Test
    void fallsBackToPollingWhenTheWatchServiceStopsWorking() throws IOException {
        Path d = dir("conf");
        List<java.nio.file.WatchService> created = new CopyOnWriteArrayList<>();
        DirectoryWatcher w = new DirectoryWatcher(Set.of(d), FAST.withPollInterval(Duration.ofMillis(50)),
                calls::add, Thread::new, () -> {
                    java.nio.file.WatchService ws = d.getFileSystem().newWatchService();
                    created.add(ws);
                    return ws;
                });
        watchers.add(w);
        w.start();

        created.get(0).close(); // as if the platform's notification broke
        await().atMost(Duration.ofSeconds(2)).until(() -> w.eventDrivenDirectories().isEmpty());
        Files.writeString(d.resolve("app.yaml"), "v: 1\n");

        expectCallbacks(1);
    }

    @Test
    void defaultQuietPeriodIs200MillisecondsAfterTheLastWrite() throws IOException {
        assertThat(WatchSettings.DEFAULTS.quietPeriod()).isEqualTo(Duration.ofMillis(200));
        Path d = dir("conf");
        Path file = Files.writeString(d.resolve("app.yaml"), "v: 0\n");
        AtomicLong calledAt = new AtomicLong();
        start(WatchSettings.DEFAULTS, changed -> calledAt.set(System.nanoTime()), d);

        Files.writeString(file, "v: 1\n");
        long lastWrite = System.nanoTime();

        await().atMost(Duration.ofSeconds(3)).until(() -> calledAt.get() != 0);
        assertThat(Duration.ofNanos(calledAt.get() - lastWrite)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void singleWriteIsReportedOneQuietPeriodAfterItIsSeenNotTwo() throws IOException {
        // A long quiet period makes the margins generous for a loaded 2-core machine: the report is due about
        // debounce + quiet period (1.55 s) after the write; counting the quiet period twice would give 3 s.
        // The exact rules are pinned on a fake clock in SettleTimerTest.
        Duration quiet = Duration.ofMillis(1500);
        Path d = dir("conf");
        Path file = Files.writeString(d.resolve("app.yaml"), "v: 0\n");
        AtomicLong calledAt = new AtomicLong();
        start(new WatchSettings(quiet, Duration.ofMillis(50), Duration.ofMinutes(1), false),
                changed -> calledAt.compareAndSet(0, System.nanoTime()), d);

        long beforeWrite = System.nanoTime();
        Files.writeString(file, "v: 1\n");

        await().atMost(Duration.ofSeconds(10)).until(() -> calledAt.get() != 0);
        assertThat(Duration.ofNanos(calledAt.get() - beforeWrite))
                .isGreaterThanOrEqualTo(quiet)
                .isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void callbackThatThrowsAnExceptionOrAnErrorDoesNotStopTheWatcher() throws IOException {
        Path d = dir("conf");
        Path file = Files.writeString(d.resolve("app.yaml"), "v: 0\n");
        start(FAST, changed -> {
            calls.add(changed);
            if (calls.size() == 1) {
                throw new IllegalStateException("listener bug");
            }
            if (calls.size() == 2) {
                throw new AssertionError("listener assertion");
            }
        }, d);

        Files.writeString(file, "v: 1\n");
        expectCallbacks(1);
        Files.writeString(file, "v: 2\n");
        expectCallbacks(2);
        Files.writeString(file, "v: 3\n");
        expectCallbacks(3);
    }

    @Test
    void runsOneDaemonThreadNamedLaminaWatcherAndCloseEndsIt() throws IOException {
        Path d = dir("conf");
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        DirectoryWatcher w = start(d);
        List<Thread> started = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.getName().startsWith("lamina-watcher-")).toList();
        assertThat(started).singleElement().satisfies(t -> assertThat(t.isDaemon()).isTrue());

        w.close();

        assertThat(started.get(0).isAlive()).isFalse();
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().startsWith("lamina-watcher-"));
    }

    @Test
    void usesTheInjectedThreadFactory() throws IOException {
        Path d = dir("conf");
        AtomicInteger made = new AtomicInteger();
        DirectoryWatcher w = new DirectoryWatcher(Set.of(d), FAST, calls::add, r -> {
            made.incrementAndGet();
            Thread t = new Thread(r, "custom-watcher");
            t.setDaemon(true);
            return t;
        });
        watchers.add(w);
        w.start();

        assertThat(made).hasValue(1);
        Files.writeString(d.resolve("app.yaml"), "v: 1\n");
        expectCallbacks(1);
    }

    @Test
    void closeIsIdempotentAndStopsReporting() throws IOException {
        Path d = dir("conf");
        DirectoryWatcher w = start(d);

        w.close();
        w.close();
        Files.writeString(d.resolve("app.yaml"), "v: 1\n");

        await().during(SETTLE).atMost(SETTLE.plusSeconds(1)).until(calls::isEmpty);
    }

    @Test
    void closeFromTheCallbackStopsTheWatcherWithoutDeadlock() throws IOException {
        Path d = dir("conf");
        List<DirectoryWatcher> self = new CopyOnWriteArrayList<>();
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        self.add(start(FAST, changed -> {
            calls.add(changed);
            self.get(0).close();
        }, d));

        Files.writeString(d.resolve("app.yaml"), "v: 1\n");

        await().atMost(Duration.ofSeconds(3)).until(() -> calls.size() == 1);
        await().atMost(Duration.ofSeconds(2)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> !before.contains(t) && t.getName().startsWith("lamina-watcher-")));
    }

    @Test
    void closeBeforeStartIsANoOpAndStartAfterCloseIsRejected() throws IOException {
        DirectoryWatcher w = new DirectoryWatcher(Set.of(dir("conf")), FAST, calls::add);
        w.close();

        assertThatThrownBy(w::start).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void startingTwiceIsRejected() throws IOException {
        DirectoryWatcher w = start(dir("conf"));

        assertThatThrownBy(w::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already started");
    }

    @Test
    void rejectsAnEmptySetOfDirectories() {
        assertThatThrownBy(() -> new DirectoryWatcher(Set.of(), FAST, calls::add))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one directory");
    }

    private static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
