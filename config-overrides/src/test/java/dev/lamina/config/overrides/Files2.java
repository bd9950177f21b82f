package dev.lamina.config.overrides;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.lamina.config.ConfigurationOptions;

/** Test helpers: write a configuration directory. */
final class Files2 {

    private Files2() {
    }

    static Path write(Path dir, String name, String content) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A manager's options for the directory, with no process variables leaking in. */
    static ConfigurationOptions.Builder options(Path dir, Map<String, String> env) {
        return ConfigurationOptions.builder().directory(dir).environment(env);
    }
}
