package dev.lamina.config.flags.openfeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import dev.lamina.config.ConfigDocuments;
import dev.lamina.config.ConfigValidator;
import dev.lamina.config.ConfigurationManager;
import dev.lamina.config.ConfigurationOptions;
import dev.lamina.config.Format;
import dev.lamina.config.ParseLimits;
import dev.lamina.config.flags.FlagDefinitions;
import dev.lamina.config.flags.FlagEvaluator;

/** Real configuration directories and compiled flags for the provider's tests. */
final class Fixtures {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T12:00:00Z"), ZoneOffset.UTC);

    private Fixtures() {
    }

    static FlagEvaluator flags(String yaml) {
        return FlagDefinitions.compile(ConfigDocuments.parse("flags.yaml", Format.YAML, yaml, ParseLimits.DEFAULTS),
                CLOCK);
    }

    static void write(Path dir, String name, String content) {
        try {
            Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A "test" environment manager over {@code dir} with {@code base.yaml} holding {@code yaml}, loaded. */
    static ConfigurationManager manager(Path dir, String yaml, ConfigValidator validator) {
        write(dir, "base.yaml", yaml);
        write(dir, "test.yaml", "{}\n");
        ConfigurationManager m = new ConfigurationManager(ConfigurationOptions.builder().directory(dir)
                .environment(Map.of()).validator(validator).clock(CLOCK).build());
        m.loadEnvironmentConfig("test");
        return m;
    }

    static ConfigurationManager manager(Path dir, String yaml) {
        return manager(dir, yaml, ConfigValidator.none());
    }
}
