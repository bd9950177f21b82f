package dev.lamina.config.etcd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import dev.lamina.config.ConfigChangeEvent;
import dev.lamina.config.ConfigChangeListener;
import dev.lamina.config.ConfigErrorEvent;
import dev.lamina.config.ConfigurationManager;
import dev.lamina.config.ConfigurationOptions;

/** Builds managers on etcd for the tests, records their events, and waits for conditions with a deadline. */
final class Fleet {

    private Fleet() {
    }

    /** A manager, its source and what it was told. */
    record Instance(ConfigurationManager manager, EtcdSource source, List<ConfigChangeEvent> changes,
                    List<ConfigErrorEvent> errors) implements AutoCloseable {
        @Override
        public void close() {
            manager.close();
            source.close();
        }
    }

    static Path configDir(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("base.yaml"), "service:\n  name: checkout\n  port: 8080\n");
            Files.writeString(dir.resolve("prod.yaml"), "service:\n  replicas: 3\n");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Instance start(Path dir, EtcdOptions options) {
        EtcdSource source = EtcdSource.create(options);
        ConfigurationManager m = new ConfigurationManager(ConfigurationOptions.builder().directory(configDir(dir))
                .environment(Map.of()).addSource(source).build());
        List<ConfigChangeEvent> changes = new CopyOnWriteArrayList<>();
        List<ConfigErrorEvent> errors = new CopyOnWriteArrayList<>();
        m.addChangeListener(new ConfigChangeListener() {
            @Override
            public void onChange(ConfigChangeEvent event) {
                changes.add(event);
            }

            @Override
            public void onError(ConfigErrorEvent event) {
                errors.add(event);
            }
        });
        try {
            m.loadEnvironmentConfig("prod");
        } catch (RuntimeException e) {
            m.close();
            source.close();
            throw e;
        }
        return new Instance(m, source, changes, errors);
    }

    static EtcdOptions.Builder options(String endpoint, String prefix) {
        return EtcdOptions.builder().endpoints(endpoint).prefix(prefix)
                .backoff(Duration.ofMillis(20), Duration.ofMillis(200)).requestTimeout(Duration.ofSeconds(3));
    }

    /** Polls until the condition holds, failing with the description after the timeout. */
    static void await(String what, Duration timeout, BooleanSupplier condition) {
        await(what, timeout, condition, () -> "");
    }

    static void await(String what, Duration timeout, BooleanSupplier condition, Supplier<String> state) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what + " " + state.get());
            }
            LockSupport.parkNanos(2_000_000);
        }
    }
}
