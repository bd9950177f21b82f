package dev.lamina.config.flags;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.lamina.config.ConfigErrorEvent;
import dev.lamina.config.ConfigValidator;
import dev.lamina.config.ConfigurationManager;
import dev.lamina.config.ConfigurationOptions;

/** Real configuration directories for the dynamic manager's tests, and a recording flag listener. */
final class DynamicFixture {

    /** Inside the window of the experiments the tests write (2026-11-21 .. 2026-12-05). */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);

    private DynamicFixture() {
    }

    static void write(Path dir, String name, String content) {
        try {
            Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A staging manager over {@code dir} (with {@code staging.yaml} created empty when absent), loaded. */
    static ConfigurationManager manager(Path dir, ConfigValidator validator) {
        if (!Files.exists(dir.resolve("staging.yaml"))) {
            write(dir, "staging.yaml", "{}\n");
        }
        ConfigurationManager m = new ConfigurationManager(ConfigurationOptions.builder().directory(dir)
                .environment(Map.of()).validator(validator).clock(CLOCK)
                .quietPeriod(Duration.ofMillis(100)).debounce(Duration.ofMillis(50))
                .pollInterval(Duration.ofMillis(50)).build());
        m.loadEnvironmentConfig("staging");
        return m;
    }

    static ConfigurationManager manager(Path dir) {
        return manager(dir, ConfigValidator.none());
    }

    /** Records flag changes and definition errors. */
    static final class Recorder implements FlagChangeListener {
        final List<FlagChangeEvent> changes = new CopyOnWriteArrayList<>();
        final List<ConfigErrorEvent> errors = new CopyOnWriteArrayList<>();

        @Override
        public void onFlagChange(FlagChangeEvent event) {
            changes.add(event);
        }

        @Override
        public void onDefinitionError(ConfigErrorEvent event) {
            errors.add(event);
        }
    }
}
