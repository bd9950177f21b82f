package dev.lamina.config.profiles;

import static dev.lamina.config.profiles.Files2.options;
import static dev.lamina.config.profiles.Files2.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.ConfigChangeEvent;
import dev.lamina.config.ConfigChangeListener;
import dev.lamina.config.ConfigErrorEvent;
import dev.lamina.config.ConfigurationManager;

/** Profile files are watched: real files edited, created and deleted under a manager with hot reload. */
class ProfileHotReloadTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private ConfigurationManager manager;
    private final List<ConfigErrorEvent> errors = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        if (manager != null) {
            manager.close();
        }
    }

    private void start(List<String> profiles) {
        manager = new ConfigurationManager(options(dir, Map.of())
                .addLayerProvider(new ProfileLayerProvider(profiles))
                .quietPeriod(Duration.ofMillis(100)).debounce(Duration.ofMillis(50))
                .pollInterval(Duration.ofMillis(50)).build());
        manager.loadEnvironmentConfig("staging");
        manager.addChangeListener(new ConfigChangeListener() {
            @Override
            public void onChange(ConfigChangeEvent event) {
            }

            @Override
            public void onError(ConfigErrorEvent event) {
                errors.add(event);
            }
        });
        manager.enableHotReload();
    }

    @Test
    void editedProfileFileIsPickedUp() {
        write(dir, "staging.yaml", "service:\n  max_workers: 8\n");
        write(dir, "profiles/canary.yaml", "service:\n  max_workers: 9\n");
        start(List.of("canary"));
        assertThat(manager.configuration().getInt("service.max_workers")).isEqualTo(9);
        write(dir, "profiles/canary.yaml", "service:\n  max_workers: 10\n");
        await().atMost(WAIT).until(() -> manager.configuration().getInt("service.max_workers") == 10);
    }

    @Test
    void refinementCreatedThenDeletedIsPickedUp() throws Exception {
        write(dir, "staging.yaml", "service:\n  max_workers: 8\n");
        start(List.of("high-volume"));
        assertThat(manager.configuration().getInt("service.max_workers")).isEqualTo(32);
        // profiles/ does not exist yet: creating it and a refinement must still reload.
        Path refinement = write(dir, "profiles/high-volume.yaml", "service:\n  max_workers: 40\n");
        await().atMost(WAIT).until(() -> manager.configuration().getInt("service.max_workers") == 40);
        Files.delete(refinement);
        await().atMost(WAIT).until(() -> manager.configuration().getInt("service.max_workers") == 32);
    }

    @Test
    void deletingTheOnlyFileOfAnActiveProfileKeepsTheLastGoodConfiguration() throws Exception {
        write(dir, "staging.yaml", "service:\n  max_workers: 8\n");
        Path canary = write(dir, "profiles/canary.yaml", "service:\n  max_workers: 9\n");
        start(List.of("canary"));
        long version = manager.current().version();
        Files.delete(canary);
        await().atMost(WAIT).until(() -> !errors.isEmpty());
        assertThat(errors.get(0).message()).contains("unknown profile 'canary'");
        assertThat(manager.current().version()).isEqualTo(version);
        assertThat(manager.configuration().getInt("service.max_workers")).isEqualTo(9);
    }
}
