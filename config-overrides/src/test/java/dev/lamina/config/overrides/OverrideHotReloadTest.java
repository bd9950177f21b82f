package dev.lamina.config.overrides;

import static dev.lamina.config.overrides.Files2.options;
import static dev.lamina.config.overrides.Files2.write;
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

/** Override files are watched: real files edited and deleted under a manager with hot reload. */
class OverrideHotReloadTest {

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

    private void start() {
        manager = new ConfigurationManager(options(dir, Map.of())
                .addLayerProvider(new OverrideLayerProvider(List.of("docker")))
                .quietPeriod(Duration.ofMillis(100)).debounce(Duration.ofMillis(50))
                .pollInterval(Duration.ofMillis(50)).build());
        manager.loadEnvironmentConfig("development");
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
    void editedOverrideIsPickedUpAndABrokenEditKeepsTheLastGood() {
        write(dir, "development.yaml", "x: dev\n");
        write(dir, "overrides/docker.yaml", "_metadata:\n  priority: 50\nx: docker\n");
        start();
        assertThat(manager.configuration().getString("x")).isEqualTo("docker");
        write(dir, "overrides/docker.yaml", "_metadata:\n  priority: 50\nx: docker2\n");
        await().atMost(WAIT).until(() -> manager.configuration().getString("x").equals("docker2"));
        long version = manager.current().version();
        write(dir, "overrides/docker.yaml", "_metadata:\n  priority: 5000\nx: docker3\n");
        await().atMost(WAIT).until(() -> !errors.isEmpty());
        assertThat(errors.get(0).message()).contains("docker.yaml:2:13").contains("outside 0..1000");
        assertThat(manager.current().version()).isEqualTo(version);
        assertThat(manager.configuration().getString("x")).isEqualTo("docker2");
    }

    @Test
    void conditionsAreReevaluatedWhenTheFilesBelowChange() {
        write(dir, "development.yaml", "deployment:\n  container: true\nx: dev\n");
        write(dir, "overrides/docker.yaml",
                "_metadata:\n  conditions:\n    config: {deployment.container: true}\nx: docker\n");
        start();
        assertThat(manager.configuration().getString("x")).isEqualTo("docker");
        write(dir, "development.yaml", "deployment:\n  container: false\nx: dev\n");
        await().atMost(WAIT).until(() -> manager.configuration().getString("x").equals("dev"));
    }

    @Test
    void deletedSelectedOverrideKeepsTheLastGoodAndSaysWhy() throws Exception {
        write(dir, "development.yaml", "x: dev\n");
        Path docker = write(dir, "overrides/docker.yaml", "x: docker\n");
        start();
        Files.delete(docker);
        await().atMost(WAIT).until(() -> !errors.isEmpty());
        assertThat(errors.get(0).message()).contains("unknown override 'docker'");
        assertThat(manager.configuration().getString("x")).isEqualTo("docker");
    }
}
