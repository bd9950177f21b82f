package dev.lamina.config.internal.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.ConfigurationManager;
import dev.lamina.config.ConfigurationOptions;
import dev.lamina.config.testing.Fifos;

/**
 * The stamp check that spares a settled, unchanged file its read (git's index rule), with real files: every way of
 * changing a file that keeps its size and modification time must still be read. The files are written once and
 * left to settle (their modification and status-change times older than the quiet period plus
 * {@link StableReads#SETTLED}); the status-change time cannot be set back, so the wait is real, and shared.
 */
class SettledFileStampTest {

    private static final Duration QUIET = Duration.ofMillis(20);

    @TempDir
    static Path dir;

    @BeforeAll
    static void writeAndSettle() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("unix"),
                "no unix attribute view (ctime): the stamp check is off here");
        for (String name : new String[] {"same.yaml", "restored.yaml", "renamed.yaml", "other.yaml", "chmod.yaml",
                "fifo.yaml", "edited.yaml"}) {
            Files.writeString(dir.resolve(name), "a: 1\n");
        }
        Path conf = Files.createDirectory(dir.resolve("conf"));
        Files.writeString(conf.resolve("base.yaml"), "server:\n  port: 8080\n");
        Files.writeString(conf.resolve("staging.yaml"), "server:\n  host: a\n");
        Files.writeString(conf.resolve("environments.yaml"), "staging: {extends: aa}\n");
        Files.writeString(conf.resolve("aa.yaml"), "tier: aa\n");
        Files.writeString(conf.resolve("bb.yaml"), "tier: bb\n");
        // Poll the file system's own clock (the status-change time) rather than sleeping a fixed time.
        long settle = StableReads.MIN_CONFIRMATION.plus(StableReads.SETTLED).toMillis() + 100;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (ctimeAge(conf.resolve("environments.yaml")) <= settle) {
            assertThat(System.nanoTime()).as("files settle within 30 s").isLessThan(deadline);
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    private static long ctimeAge(Path file) throws IOException {
        FileTime ctime = (FileTime) Files.getAttribute(file, "unix:ctime");
        return System.currentTimeMillis() - ctime.toMillis();
    }

    private static StableReads reads() {
        return new StableReads(new FileReads(Duration.ofSeconds(2)), QUIET, d -> {
            throw new AssertionError("no pause expected for a stable file");
        });
    }

    @Test
    void aSettledUnchangedFileIsServedFromItsStampWithoutARead() throws Exception {
        Path f = dir.resolve("same.yaml");
        StableReads stable = reads();
        assertThat(stable.unchanged(f)).as("nothing known before the first read").isEmpty();
        byte[] first = stable.read(f, 1000, true).bytes();
        assertThat(stable.unchanged(f)).get().isSameAs(first);
        assertThat(stable.unchanged(f)).get().isSameAs(first);
        stable.forgetAll();
        assertThat(stable.unchanged(f)).isEmpty();
    }

    @Test
    void aSameSizeEditWithItsModificationTimeSetBackIsStillRead() throws Exception {
        // cp -p, rsync -t, touch -d: size and modification time as before, only the status-change time tells.
        Path f = dir.resolve("restored.yaml");
        StableReads stable = reads();
        stable.read(f, 1000, true);
        FileTime mtime = Files.getLastModifiedTime(f);
        Files.writeString(f, "a: 2\n");
        Files.setLastModifiedTime(f, mtime);
        assertThat(Files.size(f)).isEqualTo(5);
        assertThat(stable.unchanged(f)).isEmpty();
        assertThat(new String(stable.read(f, 1000, true).bytes())).isEqualTo("a: 2\n");
        // Just changed: not settled, so still not served from the stamp.
        assertThat(stable.unchanged(f)).isEmpty();
    }

    @Test
    void aFileRenamedOverWithTheSameSizeAndModificationTimeIsStillRead() throws Exception {
        Path f = dir.resolve("renamed.yaml");
        Path other = dir.resolve("other.yaml");
        StableReads stable = reads();
        stable.read(f, 1000, true);
        Files.writeString(other, "a: 3\n");
        Files.setLastModifiedTime(other, Files.getLastModifiedTime(f));
        Files.move(other, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertThat(stable.unchanged(f)).isEmpty();
        assertThat(new String(stable.read(f, 1000, true).bytes())).isEqualTo("a: 3\n");
    }

    @Test
    void aPermissionChangeAloneIsEnoughToReadAgain() throws Exception {
        Path f = dir.resolve("chmod.yaml");
        StableReads stable = reads();
        stable.read(f, 1000, true);
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(f);
        Set<PosixFilePermission> fewer = new java.util.HashSet<>(perms);
        fewer.remove(PosixFilePermission.OTHERS_READ);
        fewer.add(PosixFilePermission.OWNER_READ);
        Files.setPosixFilePermissions(f, fewer.equals(perms) ? Set.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE) : fewer);
        assertThat(stable.unchanged(f)).isEmpty();
    }

    @Test
    void aFifoSwappedInForAKnownFileIsRefusedNotServed() throws Exception {
        Path f = dir.resolve("fifo.yaml");
        StableReads stable = reads();
        stable.read(f, 1000, true);
        Files.delete(f);
        Fifos.create(f);
        assertThat(stable.unchanged(f)).isEmpty();
        assertThatThrownBy(() -> stable.read(f, 1000, true)).isInstanceOfSatisfying(FileReads.Refusal.class,
                r -> assertThat(r.kind()).isEqualTo(FileReads.Kind.NOT_REGULAR));
    }

    @Test
    void aDeletedKnownFileIsNotServed() throws Exception {
        Path f = dir.resolve("edited.yaml");
        StableReads stable = reads();
        stable.read(f, 1000, true);
        Files.delete(f);
        assertThat(stable.unchanged(f)).isEmpty();
        assertThatThrownBy(() -> stable.read(f, 1000, true)).isInstanceOfSatisfying(FileReads.Refusal.class,
                r -> assertThat(r.kind()).isEqualTo(FileReads.Kind.NOT_FOUND));
    }

    @Test
    void aManagerReloadSeesASameSizeEditWithItsModificationTimeSetBack() throws Exception {
        Path conf = dir.resolve("conf");
        try (ConfigurationManager manager = new ConfigurationManager(ConfigurationOptions.builder().directory(conf)
                .environment(Map.of()).quietPeriod(QUIET).build())) {
            assertThat(manager.loadEnvironmentConfig("staging").getInt("server.port")).isEqualTo(8080);
            // Served from the stamps: nothing changed.
            assertThat(manager.reload().configuration().getInt("server.port")).isEqualTo(8080);
            Path base = conf.resolve("base.yaml");
            FileTime mtime = Files.getLastModifiedTime(base);
            Files.writeString(base, "server:\n  port: 9090\n");
            Files.setLastModifiedTime(base, mtime);
            assertThat(manager.reload().configuration().getInt("server.port")).isEqualTo(9090);
            assertThat(manager.reload().configuration().getString("tier")).isEqualTo("aa");
            Path env = conf.resolve("environments.yaml");
            FileTime envTime = Files.getLastModifiedTime(env);
            Files.writeString(env, "staging: {extends: bb}\n");
            Files.setLastModifiedTime(env, envTime);
            assertThat(manager.reload().configuration().getString("tier"))
                    .as("the edited environments.yaml is read, not served").isEqualTo("bb");
        }
    }
}
