package dev.lamina.config.internal.reload;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import dev.lamina.config.ReloadTrigger;

/**
 * The {@link ReloadTrigger} that watches directories: asks for a reload when the {@link DirectoryWatcher} reports
 * a settled change. One start per instance; thread-safe.
 */
public final class DirectoryReloadTrigger implements ReloadTrigger {

    private final Set<Path> directories;
    private final WatchSettings settings;
    private final Object lock = new Object();
    /** Guarded by {@link #lock}. */
    private DirectoryWatcher watcher;

    /**
     * @param directories the directories to watch; not empty; need not exist yet
     * @param settings    timing
     */
    public DirectoryReloadTrigger(Set<Path> directories, WatchSettings settings) {
        this.directories = Set.copyOf(directories);
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** @return the directories watched */
    public Set<Path> directories() {
        return directories;
    }

    @Override
    public void start(Sink sink) {
        Objects.requireNonNull(sink, "sink");
        synchronized (lock) {
            if (watcher != null) {
                return;
            }
            DirectoryWatcher w = new DirectoryWatcher(directories, settings, changed -> sink.requestReload(
                    "files changed in " + changed.stream().map(Path::toString).sorted()
                            .collect(Collectors.joining(", "))));
            w.start();
            watcher = w;
        }
    }

    @Override
    public void stop() {
        DirectoryWatcher w;
        synchronized (lock) {
            w = watcher;
            watcher = null;
        }
        if (w != null) {
            w.close();
        }
    }
}
