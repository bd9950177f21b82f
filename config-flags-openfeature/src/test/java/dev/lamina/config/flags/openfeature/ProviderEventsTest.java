package dev.lamina.config.flags.openfeature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.EventDetails;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.ProviderEvent;
import dev.openfeature.sdk.ProviderState;

import dev.lamina.config.ConfigException;
import dev.lamina.config.ConfigSource;
import dev.lamina.config.ReloadTrigger;
import dev.lamina.config.SourceHealth;
import dev.lamina.config.ConfigurationManager;
import dev.lamina.config.flags.FlagDefinitions;

/**
 * Provider events through the real SDK: READY with no window of NOT_READY, CONFIGURATION_CHANGED with exactly the
 * changed flag keys, ERROR when flags or a change are refused (the last good flags keep serving), STALE (marked, or
 * reported by a source of the manager) and READY again.
 */
class ProviderEventsTest {

    private static final String FLAGS = """
            feature_flags:
              beta: {rollout_percentage: 100}
              colour:
                type: string
                variants: [{name: blue, value: "#00f"}, {name: red, value: "#f00"}]
                default_variant: blue
            server: {port: 8080}
            """;

    private final OpenFeatureAPI api = OpenFeatureAPI.getInstance();
    private final String domain = "events-" + UUID.randomUUID();
    private final List<EventDetails> events = new CopyOnWriteArrayList<>();
    private final List<ProviderEvent> kinds = new CopyOnWriteArrayList<>();

    private Client client(LaminaProvider provider) {
        Client client = api.getClient(domain);
        for (ProviderEvent e : ProviderEvent.values()) {
            client.on(e, d -> {
                kinds.add(e);
                events.add(d);
            });
        }
        api.setProviderAndWait(domain, provider);
        // Handlers run on the SDK's thread pool: wait for READY's, so a later event cannot overtake it.
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> kinds.contains(ProviderEvent.PROVIDER_READY));
        return client;
    }

    private void awaitKinds(ProviderEvent... expected) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(kinds).containsExactly(expected));
    }

    @Test
    void readyOnceAndNoNotReadyWindowAfterSetProviderAndWait(@TempDir Path dir) {
        Client client = client(new LaminaProvider(Fixtures.manager(dir, FLAGS)));
        assertThat(client.getProviderState()).isEqualTo(ProviderState.READY);
        assertThat(client.getBooleanValue("beta", false)).isTrue();
        awaitKinds(ProviderEvent.PROVIDER_READY);
    }

    @Test
    void configurationChangedNamesOnlyTheChangedFlags(@TempDir Path dir) {
        ConfigurationManager m = Fixtures.manager(dir, FLAGS);
        Client client = client(new LaminaProvider(m));
        awaitKinds(ProviderEvent.PROVIDER_READY);
        m.updateConfig("server.port", 9090); // not a flag: no event
        m.updateConfig("feature_flags.colour.default_variant", "red");
        awaitKinds(ProviderEvent.PROVIDER_READY, ProviderEvent.PROVIDER_CONFIGURATION_CHANGED);
        assertThat(events.get(1).getFlagsChanged()).containsExactly("colour");
        assertThat(client.getStringValue("colour", "-")).isEqualTo("#f00");
    }

    @Test
    void fileReloadAnnouncesAddedChangedAndRemovedFlags(@TempDir Path dir) {
        ConfigurationManager m = Fixtures.manager(dir, FLAGS);
        client(new LaminaProvider(m));
        Fixtures.write(dir, "base.yaml", """
                feature_flags:
                  colour:
                    type: string
                    variants: [{name: blue, value: "#00f"}, {name: red, value: "#f00"}]
                    default_variant: blue
                  gamma: {enabled: false}
                server: {port: 8080}
                """);
        m.reload();
        awaitKinds(ProviderEvent.PROVIDER_READY, ProviderEvent.PROVIDER_CONFIGURATION_CHANGED);
        assertThat(events.get(1).getFlagsChanged()).containsExactlyInAnyOrder("gamma", "beta");
    }

    @Test
    void editingTheFileOnDiskAnnouncesTheChangedFlag(@TempDir Path dir) {
        Fixtures.write(dir, "base.yaml", FLAGS);
        Fixtures.write(dir, "test.yaml", "{}\n");
        ConfigurationManager m = new ConfigurationManager(dev.lamina.config.ConfigurationOptions.builder().directory(dir)
                .environment(java.util.Map.of()).clock(Fixtures.CLOCK).quietPeriod(Duration.ofMillis(100))
                .debounce(Duration.ofMillis(50)).pollInterval(Duration.ofMillis(50)).build());
        m.loadEnvironmentConfig("test");
        try {
            Client client = client(new LaminaProvider(m));
            m.enableHotReload();
            Fixtures.write(dir, "base.yaml", FLAGS.replace("default_variant: blue", "default_variant: red"));
            awaitKinds(ProviderEvent.PROVIDER_READY, ProviderEvent.PROVIDER_CONFIGURATION_CHANGED);
            assertThat(events.get(1).getFlagsChanged()).containsExactly("colour");
            assertThat(client.getStringValue("colour", "-")).isEqualTo("#f00");
        } finally {
            m.close();
        }
    }

    @Test
    void badDefinitionsEmitErrorKeepServingAndRecover(@TempDir Path dir) {
        ConfigurationManager m = Fixtures.manager(dir, FLAGS); // no validator: the snapshot is published
        Client client = client(new LaminaProvider(m));
        m.updateConfig("feature_flags.beta.rollout_percentage", 250);
        awaitKinds(ProviderEvent.PROVIDER_READY, ProviderEvent.PROVIDER_ERROR);
        assertThat(events.get(1).getMessage()).contains("feature_flags.beta.rollout_percentage").contains("keep serving");
        assertThat(client.getBooleanValue("beta", false)).as("the last good flags keep serving").isTrue();
        m.updateConfig("feature_flags.beta.rollout_percentage", 0);
        // The SDK runs event handlers on a thread pool: the recovery's READY and CONFIGURATION_CHANGED, emitted
        // back to back, may reach the handlers in either order.
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(kinds).hasSize(4).startsWith(ProviderEvent.PROVIDER_READY, ProviderEvent.PROVIDER_ERROR);
            assertThat(kinds.subList(2, 4)).containsExactlyInAnyOrder(ProviderEvent.PROVIDER_READY,
                    ProviderEvent.PROVIDER_CONFIGURATION_CHANGED);
        });
        assertThat(client.getProviderState()).isEqualTo(ProviderState.READY);
        assertThat(client.getBooleanValue("beta", true)).isFalse();
    }

    @Test
    void aProviderWhoseFirstDefinitionsAreBadBecomesReadyWhenGoodOnesArrive(@TempDir Path dir) {
        ConfigurationManager m = Fixtures.manager(dir, "feature_flags:\n  beta: {rollout_percentage: 250}\n");
        Client client = api.getClient(domain);
        client.on(ProviderEvent.PROVIDER_READY, d -> kinds.add(ProviderEvent.PROVIDER_READY));
        client.on(ProviderEvent.PROVIDER_ERROR, d -> kinds.add(ProviderEvent.PROVIDER_ERROR));
        assertThatThrownBy(() -> api.setProviderAndWait(domain, new LaminaProvider(m)))
                .hasMessageContaining("feature_flags.beta.rollout_percentage");
        assertThat(client.getProviderState()).isEqualTo(ProviderState.ERROR);
        m.updateConfig("feature_flags.beta.rollout_percentage", 100);
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(client.getProviderState()).isEqualTo(ProviderState.READY));
        assertThat(client.getBooleanValue("beta", false)).isTrue();
    }

    @Test
    void aShutDownProviderCannotBeInitialisedAgain(@TempDir Path dir) throws Exception {
        LaminaProvider p = new LaminaProvider(Fixtures.manager(dir, FLAGS));
        p.initialize(new dev.openfeature.sdk.ImmutableContext());
        p.shutdown();
        assertThatThrownBy(() -> p.initialize(new dev.openfeature.sdk.ImmutableContext()))
                .isInstanceOf(dev.openfeature.sdk.exceptions.GeneralError.class).hasMessageContaining("create a new one");
    }

    @Test
    void refusedChangeEmitsError(@TempDir Path dir) {
        ConfigurationManager m = Fixtures.manager(dir, FLAGS, FlagDefinitions.validator());
        Client client = client(new LaminaProvider(m));
        assertThatThrownBy(() -> m.updateConfig("feature_flags.beta.rollout_percentage", 250))
                .isInstanceOf(ConfigException.class);
        awaitKinds(ProviderEvent.PROVIDER_READY, ProviderEvent.PROVIDER_ERROR);
        assertThat(events.get(1).getMessage()).contains("refused");
        assertThat(client.getBooleanValue("beta", false)).isTrue();
    }

    @Test
    void staleAndFresh(@TempDir Path dir) {
        LaminaProvider provider = new LaminaProvider(Fixtures.manager(dir, FLAGS));
        Client client = client(provider);
        provider.markStale("etcd unreachable for 30s");
        awaitKinds(ProviderEvent.PROVIDER_READY, ProviderEvent.PROVIDER_STALE);
        assertThat(client.getProviderState()).isEqualTo(ProviderState.STALE);
        assertThat(client.getBooleanValue("beta", false)).isTrue();
        provider.markFresh();
        awaitKinds(ProviderEvent.PROVIDER_READY, ProviderEvent.PROVIDER_STALE, ProviderEvent.PROVIDER_READY);
        assertThat(client.getProviderState()).isEqualTo(ProviderState.READY);
    }

    /** A third-party remote source (no etcd): contributes no layer, hands the test its trigger's sink. */
    private static final class RemoteSource implements ConfigSource, ReloadTrigger {
        private final String name;
        private final java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        private volatile Sink sink;

        RemoteSource(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public List<dev.lamina.config.Layer> read(dev.lamina.config.ParseLimits limits) {
            return List.of();
        }

        @Override
        public java.util.Optional<ReloadTrigger> reloadTrigger() {
            return java.util.Optional.of(this);
        }

        @Override
        public void start(Sink s) {
            sink = s;
            started.countDown();
        }

        @Override
        public void stop() {
        }

        void report(boolean stale) throws InterruptedException {
            assertThat(started.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            sink.reportHealth(stale ? SourceHealth.stale(name, Fixtures.CLOCK.instant(), "store unreachable")
                    : SourceHealth.current(name, Fixtures.CLOCK.instant()));
        }
    }

    @Test
    void aRemoteSourceGoingStaleAndRecoveringDrivesStaleThenReady(@TempDir Path dir) throws Exception {
        RemoteSource a = new RemoteSource("remote:a");
        RemoteSource b = new RemoteSource("remote:b");
        Fixtures.write(dir, "base.yaml", FLAGS);
        Fixtures.write(dir, "test.yaml", "{}\n");
        try (ConfigurationManager m = new ConfigurationManager(dev.lamina.config.ConfigurationOptions.builder()
                .directory(dir).environment(java.util.Map.of()).clock(Fixtures.CLOCK).addSource(a).addSource(b)
                .build())) {
            m.loadEnvironmentConfig("test");
            Client client = client(new LaminaProvider(m));

            a.report(true);
            awaitKinds(ProviderEvent.PROVIDER_READY, ProviderEvent.PROVIDER_STALE);
            assertThat(events.get(1).getMessage()).contains("remote:a").contains("store unreachable")
                    .contains("keep serving");
            assertThat(client.getProviderState()).isEqualTo(ProviderState.STALE);
            assertThat(client.getBooleanValue("beta", false)).as("the last flags keep serving").isTrue();

            b.report(true);  // already stale: nothing new
            a.report(true);  // a repeat: the manager passes changes only
            a.report(false); // b is still stale: still STALE
            b.report(false); // the last stale source recovers: READY
            awaitKinds(ProviderEvent.PROVIDER_READY, ProviderEvent.PROVIDER_STALE, ProviderEvent.PROVIDER_READY);
            assertThat(events.get(2).getMessage()).contains("remote:b").contains("current again");
            assertThat(client.getProviderState()).isEqualTo(ProviderState.READY);
        }
    }
}
