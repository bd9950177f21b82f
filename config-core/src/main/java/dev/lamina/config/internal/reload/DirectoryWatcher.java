package dev.lamina.config.internal.reload;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a set of directories and reports, on its own thread, which of them changed.
 *
 * <p>Directories are watched, not files: Kubernetes replaces a ConfigMap by swapping a {@code ..data}
 * symbolic link and editors save by writing a temporary file and renaming it, and both replace the file a
 * watcher of the file itself would hold. The {@linkplain DirectoryFingerprint fingerprint} of each
 * directory (names, sizes, modification times, file identities of its candidate files) is the source of
 * truth; file-system events only wake the watcher early. A directory is reported when its fingerprint
 * differs from the last reported one (or an event named one of its candidate files, so an identical rewrite
 * is reported too) and has then stayed unchanged, with no events, for the {@linkplain
 * WatchSettings#quietPeriod() quiet period}; after an event the first look at the directory waits only for
 * the {@linkplain WatchSettings#debounce() debounce}, so a single write is reported debounce + quiet period
 * later (the rules are in {@link SettleTimer}). Every directory is also fingerprinted every
 * {@linkplain WatchSettings#pollInterval() poll interval}, so missed, coalesced or overflowing events and
 * changes behind symbolic links are never lost.
 *
 * <p>When the platform has no usable {@link WatchService} (creating or registering fails, it is closed
 * under us, or {@linkplain WatchSettings#forcePolling() polling is forced}) the watcher keeps working by
 * polling alone. A directory that disappears is reported once, checked for reappearance every poll
 * interval, and registered again when it is back.
 *
 * <p>The callback receives the changed directories as given to the constructor (absolute, normalised). It
 * runs on the watcher thread, one call at a time; an exception it throws is logged and the watcher goes
 * on. The watcher never reads file contents: comparing contents is the caller's job.
 *
 * <p>Thread-safe: {@link #start()} and {@link #close()} may be called from any thread.
 */
public final class DirectoryWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryWatcher.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    /** Creates the platform watch service; replaceable in tests to simulate a platform without one. */
    @FunctionalInterface
    interface WatchServiceFactory {
        WatchService create() throws IOException;
    }

    private final Map<Path, DirState> states = new LinkedHashMap<>();
    private final Map<WatchKey, DirState> byKey = new HashMap<>();
    private final WatchSettings settings;
    private final Consumer<Set<Path>> onChange;
    private final ThreadFactory threadFactory;
    private final WatchServiceFactory watchServiceFactory;
    private final CountDownLatch closeSignal = new CountDownLatch(1);
    private final Object lifecycle = new Object();
    // Owned by the watcher thread: settled directories held back while others are still settling.
    private final Set<Path> ready = new LinkedHashSet<>();
    private long readySince;

    // Set in start(); cleared by the watcher thread when notification fails; closed by close().
    private volatile WatchService watchService;
    private Thread thread;
    private volatile boolean closed;

    /**
     * A watcher with a daemon thread named {@code lamina-watcher-<id>}.
     *
     * @param directories the directories to watch; not empty; need not exist yet
     * @param settings    timing
     * @param onChange    called with the set of changed directories
     * @throws IllegalArgumentException if {@code directories} is empty
     */
    public DirectoryWatcher(Set<Path> directories, WatchSettings settings, Consumer<Set<Path>> onChange) {
        this(directories, settings, onChange, DirectoryWatcher::newDaemonThread);
    }

    /**
     * A watcher whose thread comes from {@code threadFactory} (its name and daemon flag are the factory's).
     *
     * @param directories   the directories to watch; not empty; need not exist yet
     * @param settings      timing
     * @param onChange      called with the set of changed directories
     * @param threadFactory makes the single watcher thread
     * @throws IllegalArgumentException if {@code directories} is empty
     */
    public DirectoryWatcher(Set<Path> directories, WatchSettings settings, Consumer<Set<Path>> onChange,
            ThreadFactory threadFactory) {
        this(directories, settings, onChange, threadFactory, () -> FileSystems.getDefault().newWatchService());
    }

    DirectoryWatcher(Set<Path> directories, WatchSettings settings, Consumer<Set<Path>> onChange,
            ThreadFactory threadFactory, WatchServiceFactory watchServiceFactory) {
        Objects.requireNonNull(directories, "directories");
        if (directories.isEmpty()) {
            throw new IllegalArgumentException("at least one directory to watch is required");
        }
        this.settings = Objects.requireNonNull(settings, "settings");
        this.onChange = Objects.requireNonNull(onChange, "onChange");
        this.threadFactory = Objects.requireNonNull(threadFactory, "threadFactory");
        this.watchServiceFactory = Objects.requireNonNull(watchServiceFactory, "watchServiceFactory");
        for (Path d : directories) {
            Path dir = d.toAbsolutePath().normalize();
            states.putIfAbsent(dir, new DirState(dir));
        }
    }

    private static Thread newDaemonThread(Runnable r) {
        Thread t = new Thread(r);
        // The thread id makes the name unique without a static counter.
        t.setName("lamina-watcher-" + t.getId());
        t.setDaemon(true);
        return t;
    }

    /**
     * Registers the directories, takes their initial fingerprints (changes made after this method returns
     * are reported) and starts the watcher thread.
     *
     * @throws IllegalStateException if already started or closed
     */
    public void start() {
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("watcher is closed");
            }
            if (thread != null) {
                throw new IllegalStateException("watcher is already started");
            }
            if (!settings.forcePolling()) {
                try {
                    watchService = watchServiceFactory.create();
                } catch (IOException | RuntimeException e) {
                    LOG.warn("file change notification is unavailable ({}); polling every {}",
                            e.getClass().getSimpleName(), settings.pollInterval());
                }
            }
            long now = System.nanoTime();
            for (DirState s : states.values()) {
                register(s);
                s.baseline = s.lastSeen = fingerprint(s);
                s.timer = new SettleTimer(settings.debounce(), settings.quietPeriod(), now);
            }
            thread = threadFactory.newThread(this::run);
            thread.start();
        }
    }

    /**
     * Stops the watcher and waits (up to 10 s, for a callback still running) for its thread to end.
     * Idempotent; a no-op when never started. Called from the callback itself, it stops the watcher
     * without waiting.
     */
    @Override
    public void close() {
        Thread t;
        synchronized (lifecycle) {
            if (closed) {
                t = thread;
            } else {
                closed = true;
                closeSignal.countDown();
                closeWatchService();
                t = thread;
            }
        }
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        try {
            t.join(CLOSE_TIMEOUT.toMillis());
            if (t.isAlive()) {
                LOG.warn("watcher thread {} did not end within {} (a callback is still running)", t.getName(),
                        CLOSE_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return the directories currently registered with the platform watch service (for tests) */
    Set<Path> eventDrivenDirectories() {
        synchronized (states) {
            Set<Path> out = new LinkedHashSet<>();
            states.values().stream().filter(s -> s.key != null && s.key.isValid()).forEach(s -> out.add(s.dir));
            return out;
        }
    }

    private void run() {
        long poll = settings.pollInterval().toNanos();
        long nextPoll = System.nanoTime() + poll;
        try {
            while (!closed) {
                long now = System.nanoTime();
                waitForEvents(Math.max(0, nextDeadline(now, nextPoll) - now));
                if (closed) {
                    break;
                }
                now = System.nanoTime();
                if (now - nextPoll >= 0) {
                    markChangedByPolling(now);
                    nextPoll = now + poll;
                }
                Set<Path> changed = settle(now);
                if (!changed.isEmpty()) {
                    deliver(changed);
                }
            }
        } catch (RuntimeException | Error e) {
            LOG.error("directory watcher stopped unexpectedly", e);
        } finally {
            closeWatchService();
        }
    }

    /** The earliest moment something needs a look: a pending directory's next check, or the next poll. */
    private long nextDeadline(long now, long nextPoll) {
        long deadline = nextPoll;
        if (!ready.isEmpty() && readySince + settings.quietPeriod().toNanos() - deadline < 0) {
            deadline = readySince + settings.quietPeriod().toNanos();
        }
        for (DirState s : states.values()) {
            if (s.pending) {
                long due = s.timer.nextLook();
                if (due - deadline < 0) {
                    deadline = due;
                }
            }
        }
        return deadline;
    }

    private void waitForEvents(long timeoutNanos) {
        WatchService ws = watchService;
        try {
            if (ws == null) {
                closeSignal.await(timeoutNanos, TimeUnit.NANOSECONDS);
                return;
            }
            WatchKey key = ws.poll(timeoutNanos, TimeUnit.NANOSECONDS);
            while (key != null) {
                handle(key);
                key = ws.poll();
            }
        } catch (ClosedWatchServiceException e) {
            if (!closed) {
                LOG.warn("file change notification stopped working; polling every {}", settings.pollInterval());
                dropWatchService();
            }
        } catch (InterruptedException e) {
            // Not ours to swallow: end the loop and keep the flag for whoever interrupted us.
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    private void handle(WatchKey key) {
        DirState s = byKey.get(key);
        if (s == null) {
            key.cancel();
            return;
        }
        long now = System.nanoTime();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                // Events were lost: anything may have happened, including an identical rewrite.
                s.touched = true;
            } else if (event.context() instanceof Path name) {
                String n = name.toString();
                if (s.baseline.has(n) || s.lastSeen.has(n) || !DirectoryFingerprint.isIgnoredName(n)
                        && Files.isRegularFile(s.dir.resolve(n))) {
                    s.touched = true;
                }
            }
        }
        s.pending = true;
        // Only the event time: the quiet period starts when a look sees the change (see SettleTimer).
        s.timer.event(now);
        if (!key.reset()) {
            // The directory was deleted, moved or became inaccessible; it is polled until it is back.
            unregister(s);
        }
    }

    /** Marks as pending every directory whose fingerprint moved since it was last looked at. */
    private void markChangedByPolling(long now) {
        for (DirState s : states.values()) {
            if (s.pending) {
                continue;
            }
            if (s.key == null && watchService != null) {
                register(s); // a directory that has come back
            }
            DirectoryFingerprint fp = fingerprint(s);
            if (!fp.equals(s.lastSeen)) {
                s.lastSeen = fp;
                s.pending = true;
                s.timer.changed(now);
            }
        }
    }

    /** Looks at pending directories whose debounce and quiet period are over; returns those to report. */
    private Set<Path> settle(long now) {
        for (DirState s : states.values()) {
            if (!s.pending || !s.timer.mayLook(now)) {
                continue;
            }
            if (s.key == null && watchService != null) {
                register(s);
            }
            DirectoryFingerprint fp = fingerprint(s);
            boolean fingerprintChanged = !fp.equals(s.lastSeen);
            s.lastSeen = fp;
            if (!s.timer.look(now, fingerprintChanged)) {
                continue; // changed, or an event or change less than a quiet period ago
            }
            if (!fp.equals(s.baseline) || s.touched) {
                if (ready.isEmpty()) {
                    readySince = now;
                }
                ready.add(s.dir);
            }
            s.baseline = fp;
            s.pending = false;
            s.touched = false;
        }
        // Directories changed together (a deployment writing several) are reported together: hold the
        // settled ones while others are still settling, but never longer than one more quiet period.
        boolean othersSettling = states.values().stream().anyMatch(s -> s.pending);
        if (ready.isEmpty() || othersSettling && now - (readySince + settings.quietPeriod().toNanos()) < 0) {
            return Set.of();
        }
        Set<Path> changed = new LinkedHashSet<>(ready);
        ready.clear();
        return changed;
    }

    private void deliver(Set<Path> changed) {
        try {
            onChange.accept(Collections.unmodifiableSet(changed));
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError vme) {
                throw vme; // out of memory and the like: nothing sensible left to do here
            }
            // Includes AssertionError and LinkageError from the caller's code: a listener bug must not end
            // hot reload for the whole process.
            LOG.error("directory change callback failed for {}; watching continues", changed, e);
        }
    }

    private DirectoryFingerprint fingerprint(DirState s) {
        try {
            DirectoryFingerprint fp = DirectoryFingerprint.of(s.dir);
            s.listWarned = false;
            return fp;
        } catch (IOException e) {
            // Unreadable for now (permissions, I/O error): keep the last view, look again later.
            if (!s.listWarned) {
                s.listWarned = true;
                LOG.warn("cannot list watched directory {} ({}); retrying every {}", s.dir,
                        e.getClass().getSimpleName(), settings.pollInterval());
            }
            return s.lastSeen;
        }
    }

    private void register(DirState s) {
        WatchService ws = watchService;
        if (ws == null || !Files.isDirectory(s.dir)) {
            return;
        }
        try {
            WatchKey key = s.dir.register(ws, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
            synchronized (states) {
                s.key = key;
            }
            byKey.put(key, s);
        } catch (ClosedWatchServiceException e) {
            if (!closed) {
                dropWatchService();
            }
        } catch (IOException e) {
            // For example the inotify watch limit: this directory is polled instead (and registration is
            // retried at each poll, quietly).
            if (!s.registerWarned) {
                s.registerWarned = true;
                LOG.warn("cannot watch {} for changes ({}); polling it every {}", s.dir,
                        e.getClass().getSimpleName(), settings.pollInterval());
            }
        }
    }

    private void unregister(DirState s) {
        synchronized (states) {
            if (s.key != null) {
                byKey.remove(s.key);
                s.key.cancel();
                s.key = null;
            }
        }
    }

    private void dropWatchService() {
        closeWatchService();
        synchronized (states) {
            watchService = null;
            byKey.clear();
            states.values().forEach(s -> s.key = null);
        }
    }

    private void closeWatchService() {
        WatchService ws = watchService;
        if (ws != null) {
            try {
                ws.close();
            } catch (IOException e) {
                LOG.debug("closing the watch service failed", e);
            }
        }
    }

    /** Per-directory state, owned by the watcher thread (after {@code start}). */
    private static final class DirState {
        final Path dir;
        WatchKey key;
        DirectoryFingerprint baseline = DirectoryFingerprint.ABSENT; // as last reported
        DirectoryFingerprint lastSeen = DirectoryFingerprint.ABSENT; // as last looked at
        boolean pending;  // something may have changed; waiting for debounce and quiet period
        boolean touched;  // an event named a candidate file since the last report
        SettleTimer timer; // set in start()
        boolean listWarned;
        boolean registerWarned;

        DirState(Path dir) {
            this.dir = dir;
        }
    }
}
