package dev.lamina.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Writes configuration files for manager tests and records listener events. */
final class ManagerFixture {

    private ManagerFixture() {
    }

    static Path write(Path dir, String name, String content) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content, StandardCharsets.UTF_8);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes to a temporary file beside the target, then renames it over the target (how editors save). */
    static Path renameSave(Path dir, String name, String content) {
        try {
            Path tmp = dir.resolve("." + name + ".swp");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            return Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ConfigurationOptions.Builder options(Path dir) {
        return ConfigurationOptions.builder().directory(dir).environment(java.util.Map.of());
    }

    /** A listener that records everything it is given. */
    static final class Recorder implements ConfigChangeListener {
        final List<ConfigChangeEvent> changes = new CopyOnWriteArrayList<>();
        final List<ConfigErrorEvent> errors = new CopyOnWriteArrayList<>();

        @Override
        public void onChange(ConfigChangeEvent event) {
            changes.add(event);
        }

        @Override
        public void onError(ConfigErrorEvent event) {
            errors.add(event);
        }

        List<ConfigChangeEvent> changesOf(String path) {
            return changes.stream().filter(e -> e.path().toString().equals(path)).toList();
        }
    }
}
