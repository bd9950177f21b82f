package dev.lamina.config.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.lamina.config.ChangeRecord;
import dev.lamina.config.ConfigLoader;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigSources;
import dev.lamina.config.Configuration;
import dev.lamina.config.Format;
import dev.lamina.config.Origin;
import dev.lamina.config.Snapshot;

/**
 * The history keeps trees, not configurations: a version whose published configuration was collected is rebuilt
 * from its trees, equal in content and behaviour.
 */
class HistoryTest {

    private static ManagerState state(long version, Configuration config) {
        Snapshot s = new Snapshot(version, config, "hash-" + version, Instant.EPOCH.plusSeconds(version),
                new ChangeRecord("test", Instant.EPOCH.plusSeconds(version), "why " + version,
                        ChangeRecord.Action.UPDATE));
        return new ManagerState("dev", Map.of(), List.of(), ConfigObject.empty(Origin.of("runtime")), s,
                List.of(ConfigPath.parse("server.port")), Set.of());
    }

    private static Configuration config(int port) {
        return new ConfigLoader().load(ConfigSources.string("base.yaml", Format.YAML,
                "server:\n  port: " + port + "\n  host: example.internal\nlimits: [1, 2, 3]\n"));
    }

    @Test
    void whileThePublishedSnapshotIsHeldTheHistoryReturnsThatSameSnapshot() {
        History h = new History(5);
        ManagerState published = state(1, config(8080));
        h.add(published);
        assertThat(h.find(1)).get().extracting(ManagerState::snapshot).isSameAs(published.snapshot());
        assertThat(h.all().get(0).holdsSnapshot()).isTrue();
    }

    @Test
    void aCollectedVersionIsRebuiltFromItsTreesWithEqualContentAndMetadata() {
        History h = new History(5);
        Configuration original = config(8080);
        ManagerState published = state(1, original);
        h.add(published);
        h.add(state(2, config(9090)));
        h.all().get(0).forget();
        assertThat(h.all().get(0).holdsSnapshot()).isFalse();

        ManagerState rebuilt = h.find(1).orElseThrow();
        Snapshot s = rebuilt.snapshot();
        assertThat(s.configuration()).isNotSameAs(original);
        assertThat(s.version()).isEqualTo(1);
        assertThat(s.contentHash()).isEqualTo("hash-1");
        assertThat(s.createdAt()).isEqualTo(published.snapshot().createdAt());
        assertThat(s.change()).isEqualTo(published.snapshot().change());
        assertThat(s.configuration().root()).isSameAs(original.root());
        assertThat(s.configuration().getInt("server.port")).isEqualTo(8080);
        assertThat(s.configuration().getString("server.host")).isEqualTo("example.internal");
        assertThat(s.configuration().getList("limits", Integer.class)).containsExactly(1, 2, 3);
        assertThat(s.configuration().explain("server.port").toString())
                .isEqualTo(original.explain("server.port").toString());
        assertThat(s.configuration().layers()).isEqualTo(original.layers());
        assertThat(rebuilt.environment()).isEqualTo("dev");
        assertThat(rebuilt.changedPaths()).containsExactly(ConfigPath.parse("server.port"));
        // Rebuilt once, then the same snapshot for as long as it is held.
        assertThat(h.find(1).orElseThrow().snapshot()).isSameAs(s);
        assertThat(h.find(2).orElseThrow().snapshot().configuration().getInt("server.port")).isEqualTo(9090);
    }

    @Test
    void theHistoryDoesNotHoldAVersionsConfigurationOnceNobodyElseDoes() throws InterruptedException {
        History h = new History(5);
        h.add(state(1, config(8080)));
        h.add(state(2, config(9090)));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (h.all().get(0).holdsSnapshot() && System.nanoTime() < deadline) {
            System.gc();
            Thread.onSpinWait();
        }
        assertThat(h.all().get(0).holdsSnapshot()).as("version 1's snapshot collected").isFalse();
        assertThat(h.find(1).orElseThrow().snapshot().configuration().getInt("server.port")).isEqualTo(8080);
    }

    @Test
    void versionInfoNeedsNoSnapshot() {
        History h = new History(2);
        h.add(state(1, config(1)));
        h.add(state(2, config(2)));
        h.add(state(3, config(3)));
        assertThat(h.all()).extracting(History.Kept::version).containsExactly(2L, 3L);
        assertThat(h.all()).extracting(History.Kept::contentHash).containsExactly("hash-2", "hash-3");
        assertThat(h.find(1)).isEmpty();
        assertThat(h.unknownVersion(1)).hasMessageContaining("holds versions 2 to 3");
    }
}
