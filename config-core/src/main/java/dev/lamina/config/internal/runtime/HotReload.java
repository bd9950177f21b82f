package dev.lamina.config.internal.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lamina.config.ConfigException;
import dev.lamina.config.ReloadTrigger;
import dev.lamina.config.SourceHealth;
import dev.lamina.config.internal.reload.DirectoryReloadTrigger;
import dev.lamina.config.internal.reload.WatchSettings;
import dev.lamina.config.internal.source.DaemonThreads;

/**
 * The manager's hot-reload lifecycle: the {@link ReloadTrigger}s (the directory watcher, added triggers, those
 * offered by added sources), the one reload thread they ask through, and the coalescing of their requests (a
 * request that arrives while a reload is queued joins it; one that arrives while a reload runs queues one
 * more). Thread-safe.
 */
public final class HotReload implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HotReload.class);

    private final List<ReloadTrigger> added;
    private final WatchSettings settings;
    private final Consumer<String> reload;
    private final Consumer<ConfigException> errors;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ExecutorService worker;
    private final ReloadTrigger.Sink sink;
    private final Object lock = new Object();

    /** Guarded by {@link #lock}: the directory trigger while hot reload is enabled. */
    private DirectoryReloadTrigger directories;
    /** Guarded by {@link #lock}: whether the added triggers run. */
    private boolean addedRunning;
    private volatile boolean closed;

    /**
     * @param added    triggers added by the options or offered by sources
     * @param settings the directory watcher's timing
     * @param reload   runs one reload on the reload thread (and handles its failure); given the cause
     * @param errors   receives a trigger's own failures
     * @param health   receives the sources' health reports
     */
    public HotReload(List<ReloadTrigger> added, WatchSettings settings, Consumer<String> reload,
                     Consumer<ConfigException> errors, Consumer<SourceHealth> health) {
        this.added = List.copyOf(added);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.reload = Objects.requireNonNull(reload, "reload");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.worker = Executors.newSingleThreadExecutor(new DaemonThreads("lamina-config-reload"));
        this.sink = new ReloadTrigger.Sink() {
            @Override
            public void requestReload(String cause) {
                request(cause == null ? "reload requested" : cause);
            }

            @Override
            public void reportError(ConfigException error) {
                if (!closed && error != null) {
                    errors.accept(error);
                }
            }

            @Override
            public void reportHealth(SourceHealth report) {
                if (!closed && report != null) {
                    health.accept(report);
                }
            }
        };
    }

    /** @return the sink triggers are started with */
    public ReloadTrigger.Sink sink() {
        return sink;
    }

    private void request(String cause) {
        if (closed || !pending.compareAndSet(false, true)) {
            return;
        }
        try {
            worker.execute(() -> {
                pending.set(false);
                if (!closed) {
                    reload.accept(cause);
                }
            });
        } catch (RejectedExecutionException e) {
            pending.set(false);
            LOG.debug("reload request after close dropped", e);
        }
    }

    /** Starts the added triggers, unless they run already (called after each successful load). */
    public void startAdded() {
        synchronized (lock) {
            if (closed || addedRunning || added.isEmpty()) {
                return;
            }
            addedRunning = true;
            for (ReloadTrigger t : added) {
                startOne(t);
            }
        }
    }

    /**
     * Starts watching directories (and the added triggers).
     *
     * @param dirs the directories to watch
     * @return {@code false} when already watching
     */
    public boolean enable(Set<Path> dirs) {
        synchronized (lock) {
            if (directories != null) {
                return false;
            }
            DirectoryReloadTrigger d = new DirectoryReloadTrigger(dirs, settings);
            d.start(sink);
            directories = d;
        }
        startAdded();
        return true;
    }

    /**
     * Watches another set of directories from now on, when watching and the set differs (a layer provider
     * declared files elsewhere).
     *
     * @param dirs the directories
     */
    public void rewatch(Set<Path> dirs) {
        synchronized (lock) {
            if (directories == null || closed || directories.directories().equals(normalised(dirs))) {
                return;
            }
            directories.stop();
            DirectoryReloadTrigger d = new DirectoryReloadTrigger(dirs, settings);
            d.start(sink);
            directories = d;
        }
    }

    /** Stops every trigger; the reload thread stays for a later enable. */
    public void disable() {
        List<ReloadTrigger> stop = new ArrayList<>();
        synchronized (lock) {
            if (directories != null) {
                stop.add(directories);
                directories = null;
            }
            if (addedRunning) {
                stop.addAll(added);
                addedRunning = false;
            }
        }
        for (ReloadTrigger t : stop) {
            stopOne(t);
        }
    }

    /** @return {@code true} while directories are watched */
    public boolean watching() {
        synchronized (lock) {
            return directories != null;
        }
    }

    /** Stops every trigger and the reload thread (waiting at most a second for a running reload). */
    @Override
    public void close() {
        closed = true;
        disable();
        worker.shutdown();
        try {
            if (!worker.awaitTermination(1, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * @param configDir the configuration directory
     * @param declared  files and directories layer providers declared
     * @return the directories to watch: the configuration directory, {@code tenants/}, every declared directory
     *         and the directory of every declared file
     */
    public static Set<Path> directoriesToWatch(Path configDir, Set<Path> declared) {
        Set<Path> dirs = new LinkedHashSet<>();
        dirs.add(configDir);
        dirs.add(configDir.resolve("tenants"));
        for (Path p : declared) {
            Path parent = p.getParent();
            // A declared path that is (or looks like, when absent) a directory is watched itself.
            boolean dir = Files.isDirectory(p) || (!Files.exists(p) && !p.getFileName().toString().contains("."));
            dirs.add(dir || parent == null ? p : parent);
        }
        return normalised(dirs);
    }

    private static Set<Path> normalised(Set<Path> dirs) {
        Set<Path> out = new LinkedHashSet<>();
        for (Path d : dirs) {
            out.add(d.toAbsolutePath().normalize());
        }
        return out;
    }

    private void startOne(ReloadTrigger t) {
        try {
            t.start(sink);
        } catch (ConfigException e) {
            LOG.warn("reload trigger {} could not start: {}", t.getClass().getName(), e.getMessage());
            errors.accept(e);
        } catch (RuntimeException e) {
            LOG.warn("reload trigger {} could not start", t.getClass().getName(), e);
            errors.accept(new ConfigException(null, null, "reload trigger " + t.getClass().getName()
                    + " could not start (" + e.getClass().getName() + ")", e));
        }
    }

    private static void stopOne(ReloadTrigger t) {
        try {
            t.stop();
        } catch (RuntimeException e) {
            LOG.warn("reload trigger {} failed to stop", t.getClass().getName(), e);
        }
    }
}
