package dev.lamina.config;

import static dev.lamina.config.ManagerFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.testing.Fifos;

/**
 * Issue 10 item 2: a FIFO hung the loader for good ({@code ${file:pipe}} blocked {@code render}, and wedged the
 * hot-reload thread so that later valid edits were never applied). Each test uses a real FIFO ({@code mkfifo}) and
 * is skipped with a message where there is none.
 */
class BlockingFilesTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private final ManagerFixture.Recorder events = new ManagerFixture.Recorder();
    private ConfigurationManager manager;
    private Path fifo;

    @AfterEach
    void close() {
        if (manager != null) {
            manager.close();
        }
        if (fifo != null && Files.exists(fifo)) {
            Fifos.release(fifo);
        }
    }

    private ConfigurationManager watching() {
        manager = new ConfigurationManager(ManagerFixture.options(dir).quietPeriod(Duration.ofMillis(50))
                .debounce(Duration.ofMillis(10)).pollInterval(Duration.ofMillis(100)).build());
        manager.loadEnvironmentConfig("staging");
        manager.addChangeListener(events);
        manager.enableHotReload();
        return manager;
    }

    @Test
    void aFifoNamedLikeAConfigurationFileIsRefusedByNameNotSkippedNorOpened() throws Exception {
        write(dir, "staging.yaml", "a: 1\n");
        fifo = Fifos.create(dir.resolve("base.yaml"));
        manager = new ConfigurationManager(ManagerFixture.options(dir).build());
        assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
                assertThatThrownBy(() -> manager.loadEnvironmentConfig("staging"))
                        .isInstanceOf(ConfigSourceException.class)
                        .hasMessageContaining(fifo + ": is not a regular file (a FIFO, socket or device); refusing "
                                + "to read it"));
    }

    @Test
    void aReloadThatMeetsAFifoIsRefusedAndALaterValidEditIsStillApplied() throws Exception {
        write(dir, "staging.yaml", "a: 1\n");
        fifo = Fifos.create(dir.resolve("pipe"));
        watching();

        write(dir, "staging.yaml", "a: \"${file:pipe}\"\n");
        await().atMost(WAIT).until(() -> !events.errors.isEmpty());
        assertThat(events.errors.get(0).message()).contains("is not a regular file");
        assertThat(manager.current().version()).isEqualTo(1);

        write(dir, "staging.yaml", "a: 2\n");
        await().atMost(WAIT).until(() -> manager.current().version() == 2);
        assertThat(manager.configuration().getInt("a")).isEqualTo(2);
    }

    @Test
    void aConfigurationFileReplacedByAFifoIsRefusedAndRestoringItReloads() throws Exception {
        write(dir, "base.yaml", "b: 1\n");
        write(dir, "staging.yaml", "a: 1\n");
        watching();

        Files.delete(dir.resolve("base.yaml"));
        fifo = Fifos.create(dir.resolve("base.yaml"));
        await().atMost(WAIT).until(() -> events.errors.stream()
                .anyMatch(e -> e.message().contains("base.yaml: is not a regular file")));
        assertThat(manager.configuration().getInt("b")).isEqualTo(1);

        Files.delete(fifo);
        write(dir, "base.yaml", "b: 2\n");
        await().atMost(WAIT).until(() -> manager.configuration().getInt("b") == 2);
    }

    @Test
    void theReadTimeoutMustBePositive() {
        assertThatThrownBy(() -> ConfigurationOptions.builder().readTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("readTimeout must be positive");
        assertThat(ConfigurationOptions.defaults().readTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(ConfigurationOptions.builder().readTimeout(Duration.ofMillis(500)).build().readTimeout())
                .isEqualTo(Duration.ofMillis(500));
    }
}
