package dev.lamina.config.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.lamina.config.ConfigurationManager;
import dev.lamina.config.ConfigurationOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code configctl watch}: loads an environment with hot reload and prints every change and refused reload as one
 * JSON object per line until interrupted, {@code --max-events} or {@code --timeout}. Both a user tool (tail a
 * configuration directory in a pod) and the contract reliability tests drive from outside.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Load an environment and print every change as it happens, one JSON object per line "
                + "(flushed): first {\"type\":\"loaded\",\"version\":N}, then {\"type\":\"change\",...} per changed path "
                + "and {\"type\":\"error\",...} per refused reload. Secrets are masked.",
            "Runs until interrupted (exit 0), --max-events change/error events, or --timeout."})
final class WatchCommand implements Callable<Integer> {

    /** How long a signal waits for the output to be flushed and the manager closed before the process ends. */
    private static final long SHUTDOWN_GRACE_SECONDS = 5;

    @Spec
    private CommandSpec spec;

    @Mixin
    private SourceOptions source;

    @Option(names = "--max-events", paramLabel = "N",
            description = "Exit 0 after N change and error events (the loaded line does not count).")
    private Long maxEvents;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Exit 0 after this long, e.g. 30s, 5m, PT1H.")
    private Duration timeout;

    @Option(names = "--quiet-period", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Read a changed file once it has not changed for this long (default: 200ms).")
    private Duration quietPeriod;

    /** Counted down by a signal (shutdown hook) to stop watching. */
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    /** Counted down once the manager is closed and the output flushed. */
    private final CountDownLatch finished = new CountDownLatch(1);

    @Override
    public Integer call() {
        if (maxEvents != null && maxEvents < 1) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--max-events': " + maxEvents + " (at least 1)");
        }
        String environment = source.environment();
        source.checkEnvironment(environment);
        Path dir = source.directory();
        ConfigurationOptions.Builder options = source.managerOptions(dir);
        if (quietPeriod != null) {
            options.quietPeriod(quietPeriod);
        }
        Thread hook = ((ConfigCtl) spec.root().userObject()).ownsProcess() ? shutdownHook() : null;
        try (ConfigurationManager manager = new ConfigurationManager(options.build())) {
            // A configuration that does not load is exit 1, as for every other command.
            manager.loadEnvironmentConfig(environment);
            WatchEventLines lines = new WatchEventLines(spec.commandLine().getOut(),
                    maxEvents == null ? 0 : maxEvents, () -> manager.current().version());
            // "loaded" first, then the listener: every change (including the catch-up reload's) comes after it.
            lines.loaded(manager.current().version());
            manager.addChangeListener(lines);
            manager.enableHotReload();
            awaitEnd(lines.enough());
        } finally {
            source.closeEtcd();
            spec.commandLine().getOut().flush();
            finished.countDown();
            if (hook != null) {
                removeHook(hook);
            }
        }
        return ExitCodes.OK;
    }

    /**
     * Returns when enough events were written, the timeout passed, a signal asked to stop, or the thread was
     * interrupted (an embedding caller's way to stop it; the interrupt flag is kept).
     */
    private void awaitEnd(CountDownLatch enough) {
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        while (enough.getCount() > 0 && stopRequested.getCount() > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                // Wake at least every 100 ms to notice the other latch.
                enough.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * On SIGINT/SIGTERM: stop watching, let {@link #call()} close the manager and flush, then end the process with
     * exit code 0 (a requested stop is success, so a pod or script running {@code watch} sees a clean exit).
     */
    private Thread shutdownHook() {
        Thread hook = new Thread(() -> {
            stopRequested.countDown();
            try {
                if (finished.await(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS)) {
                    Runtime.getRuntime().halt(ExitCodes.OK);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "configctl-watch-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down (a signal): the hook itself ends the process.
        }
    }
}
