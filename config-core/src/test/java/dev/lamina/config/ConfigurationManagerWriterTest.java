package dev.lamina.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@link ConfigWriter} hook: updates of a manager whose source takes writes go to that source's store. */
class ConfigurationManagerWriterTest {

    @TempDir
    Path dir;

    /** A tiny shared store: one revision counter, values by path, compare-and-swap on the revision. */
    static final class Store implements ConfigSource, ConfigWriter {
        final Map<String, String> values = new LinkedHashMap<>();
        final AtomicInteger writes = new AtomicInteger();
        final List<Snapshot> published = new CopyOnWriteArrayList<>();
        long revision = 1;
        boolean conflictNext;

        @Override
        public String name() {
            return "store";
        }

        @Override
        public synchronized List<Layer> read(ParseLimits limits) {
            Map<String, ConfigNode> entries = new LinkedHashMap<>();
            values.forEach((k, v) -> entries.put(k, ConfigScalar.string(v, Origin.of("store/" + k + "@" + revision))));
            return List.of(new Layer("store", new ConfigObject(entries, Origin.of("store")),
                    LayerMetadata.of(LayerKind.REMOTE, "store").withRevision(Long.toString(revision))));
        }

        @Override
        public synchronized String write(UpdateRequest request, Snapshot basis) {
            if (conflictNext) {
                conflictNext = false;
                throw new ConfigConflictException(basis.version(), basis.version());
            }
            request.values().forEach((p, v) -> {
                if (v == null) {
                    values.remove(p.toString());
                } else {
                    values.put(p.toString(), v.toString());
                }
            });
            writes.incrementAndGet();
            revision++;
            return "store revision " + revision;
        }

        @Override
        public Optional<ConfigWriter> writer() {
            return Optional.of(this);
        }

        @Override
        public Optional<SnapshotListener> snapshotListener() {
            return Optional.of((previous, current) -> published.add(current));
        }
    }

    private ConfigurationManager manager(Store store, ConfigValidator validator) {
        ManagerFixture.write(dir, "base.yaml", "limit: 1\n");
        ManagerFixture.write(dir, "prod.yaml", "name: x\n");
        ConfigurationManager m = new ConfigurationManager(ManagerFixture.options(dir).addSource(store)
                .validator(validator).build());
        m.loadEnvironmentConfig("prod");
        return m;
    }

    @Test
    void updatesGoToTheStoreAndTheReturnedSnapshotHoldsThem() {
        Store store = new Store();
        try (ConfigurationManager m = manager(store, ConfigValidator.none())) {
            Snapshot s = m.updateConfig("limit", 5, m.current().version());
            assertThat(store.values).containsEntry("limit", "5");
            assertThat(s.configuration().getInt("limit")).isEqualTo(5);
            assertThat(s.configuration().origin("limit").orElseThrow().source()).isEqualTo("store/limit@2");
            assertThat(s.change().why()).contains("written to store revision 2");
        }
    }

    @Test
    void aRefusedUpdateIsNotWritten() {
        Store store = new Store();
        ConfigValidator noBigLimits = (config, env) -> config.getInt("limit") > 10
                ? List.of(new ValidationProblem(ConfigPath.parse("limit"), Optional.empty(), "too big", Optional.empty(), true)) : List.of();
        try (ConfigurationManager m = manager(store, noBigLimits)) {
            assertThatThrownBy(() -> m.updateConfig("limit", 50)).isInstanceOf(ConfigValidationException.class);
            assertThatThrownBy(() -> m.updateConfig("limit", 2, m.current().version() + 1))
                    .isInstanceOf(ConfigConflictException.class);
            assertThat(store.writes).hasValue(0);
            assertThat(m.current().version()).isEqualTo(1);
        }
    }

    @Test
    void aStoreConflictIsRethrownAndNothingIsPublished() {
        Store store = new Store();
        List<ConfigErrorEvent> rejected = new CopyOnWriteArrayList<>();
        try (ConfigurationManager m = manager(store, ConfigValidator.none())) {
            m.addSnapshotListener(new SnapshotListener() {
                @Override
                public void onPublish(Optional<Snapshot> previous, Snapshot current) {
                }

                @Override
                public void onRejected(ConfigErrorEvent error) {
                    rejected.add(error);
                }
            });
            store.conflictNext = true;
            assertThatThrownBy(() -> m.updateConfig("limit", 3)).isInstanceOf(ConfigConflictException.class);
            assertThat(m.current().version()).isEqualTo(1);
            assertThat(m.configuration().getInt("limit")).isEqualTo(1);
        }
        assertThat(rejected).hasSize(1);
    }

    @Test
    void theSourcesSnapshotListenerIsRegistered() {
        Store store = new Store();
        try (ConfigurationManager m = manager(store, ConfigValidator.none())) {
            m.updateConfig("limit", 7);
        }
        assertThat(store.published).extracting(Snapshot::version).containsExactly(1L, 2L);
    }

    @Test
    void twoWritableSourcesAreRefused() {
        List<ConfigSource> two = new ArrayList<>(List.of(new Store(), new Store()));
        ConfigurationOptions.Builder b = ManagerFixture.options(dir);
        two.forEach(b::addSource);
        ConfigurationOptions options = b.build();
        assertThatThrownBy(() -> new ConfigurationManager(options))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most one added source");
    }
}
