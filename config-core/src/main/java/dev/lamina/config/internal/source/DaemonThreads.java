package dev.lamina.config.internal.source;

import java.util.Objects;
import java.util.concurrent.ThreadFactory;

/**
 * Makes the daemon threads of Lamina's helpers (file reads, event delivery, reloads), named so that a thread dump
 * says whose they are. A class rather than a lambda per helper: every manager builds three of these at start, and
 * each lambda is a class spun at run time, which a cold start pays for (docs/performance.md, "Start-up").
 */
public final class DaemonThreads implements ThreadFactory {

    private final String name;

    /** @param name the name every thread gets */
    public DaemonThreads(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    @Override
    public Thread newThread(Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
