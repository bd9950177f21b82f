package com.example.thirdparty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.ConfigChangeListener;
import dev.lamina.config.ConfigDocuments;
import dev.lamina.config.ConfigErrorEvent;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigResolveException;
import dev.lamina.config.ConfigSource;
import dev.lamina.config.ConfigSourceException;
import dev.lamina.config.Configuration;
import dev.lamina.config.ConfigurationManager;
import dev.lamina.config.ConfigurationOptions;
import dev.lamina.config.Format;
import dev.lamina.config.Layer;
import dev.lamina.config.LayerContext;
import dev.lamina.config.LayerKind;
import dev.lamina.config.LayerMetadata;
import dev.lamina.config.LayerProvider;
import dev.lamina.config.Origin;
import dev.lamina.config.ParseLimits;
import dev.lamina.config.ReloadTrigger;
import dev.lamina.config.ResolvedValue;
import dev.lamina.config.Snapshot;
import dev.lamina.config.SnapshotListener;
import dev.lamina.config.SourcePlacement;
import dev.lamina.config.ValueContext;
import dev.lamina.config.ValueDecoder;
import dev.lamina.config.ValueResolver;

/**
 * Every SPI of core implemented as a third party would, from a package that sees only exported API
 * ({@code ArchitectureTest} fails if anything here names an {@code internal} type), and the code of
 * docs/extending.md: each block there after {@code <!-- extending:NAME -->} must be exactly the code between
 * {@code // NAME:start} and {@code // NAME:end} below.
 */
class ExtendingDocTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    // source:start
    /** One JSON document read from a key-value store (a map stands in for the store's client). */
    static final class KeyValueSource implements ConfigSource {
        private final Map<String, String> store;
        private final String key;

        KeyValueSource(Map<String, String> store, String key) {
            this.store = store;
            this.key = key;
        }

        @Override
        public String name() {
            return "kv:" + key;
        }

        @Override
        public List<Layer> read(ParseLimits limits) {
            String json = store.get(key);
            if (json == null) {
                throw new ConfigSourceException(Origin.of(name()), null,
                        "the store holds no such key (fix: write it, or remove the source)");
            }
            // Core's hardened parser: limits, duplicate keys, line and column in every origin.
            ConfigObject root = ConfigDocuments.parse(name(), Format.JSON, json, limits);
            return List.of(new Layer(name(), root, LayerMetadata.of(LayerKind.REMOTE, "store key " + key)));
        }
    }
    // source:end

    // resolver:start
    /** {@code ${vault:db/password}}: a secret store lookup; what it returns is secret wherever it lands. */
    static ValueResolver vault(Map<String, String> secrets) {
        return (key, context) -> Optional.ofNullable(secrets.get(key)).map(ResolvedValue::secret);
    }
    // resolver:end

    // decoder:start
    /** Scalars written {@code base64:...} become their decoded text; those under {@code credentials} are secret. */
    static final class Base64Decoder implements ValueDecoder {
        private static final String PREFIX = "base64:";

        @Override
        public boolean accepts(String text) {
            return text.startsWith(PREFIX);
        }

        @Override
        public ResolvedValue decode(String text, ValueContext context) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(text.substring(PREFIX.length()));
            } catch (IllegalArgumentException e) {
                // Never quote the text: it may be a secret. The path and origin say where it is.
                throw new ConfigResolveException(context.origin(), context.path(),
                        "not valid base64 (fix: encode the value again)");
            }
            boolean secret = context.path().toString().startsWith("credentials.");
            return new ResolvedValue(new String(bytes, StandardCharsets.UTF_8), secret);
        }
    }
    // decoder:end

    // provider:start
    /** Puts {@code regions/<region>.yaml} above the files when the configuration below names a region. */
    static final class RegionLayers implements LayerProvider {
        @Override
        public int position() {
            return LayerProvider.REGION;
        }

        @Override
        public List<Layer> layers(LayerContext context) {
            Optional<String> region = context.below().getOptionalString("deployment.region");
            if (region.isEmpty()) {
                return List.of();
            }
            Path regions = context.baseDirectory().resolve("regions");
            context.declareFile(regions);   // hot reload watches it: a region file added later is seen
            return context.findFile(regions, region.get())
                    .map(file -> List.of(context.parseFile(file,   // parsed by core, declared, origins kept
                            LayerMetadata.of(LayerKind.REGION, "region " + region.get()))))
                    .orElse(List.of());
        }
    }
    // provider:end

    // trigger:start
    /** Asks for a reload whenever the store's revision moves (a remote store's watch works the same way). */
    static final class RevisionPoller implements ReloadTrigger {
        private final LongSupplier revision;
        private final Duration every;
        private ScheduledExecutorService timer;

        RevisionPoller(LongSupplier revision, Duration every) {
            this.revision = revision;
            this.every = every;
        }

        @Override
        public synchronized void start(Sink sink) {
            AtomicLong seen = new AtomicLong(revision.getAsLong());
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "revision-poller");
                t.setDaemon(true);
                return t;
            });
            timer.scheduleWithFixedDelay(() -> {
                try {
                    long now = revision.getAsLong();
                    if (seen.getAndSet(now) != now) {
                        sink.requestReload("store revision " + now);   // coalesced by the manager
                    }
                } catch (RuntimeException e) {
                    sink.reportError(new ConfigSourceException(Origin.of("kv store"), null,
                            "cannot read the store's revision (" + e.getClass().getSimpleName() + ")"));
                }
            }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public synchronized void stop() {
            if (timer != null) {
                timer.shutdownNow();
                timer = null;
            }
        }
    }
    // trigger:end

    /** Records each published snapshot; tests wait on the queue instead of sleeping. */
    static final class Versions implements SnapshotListener {
        final BlockingQueue<Snapshot> published = new LinkedBlockingQueue<>();
        final List<Long> previous = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public void onPublish(Optional<Snapshot> before, Snapshot current) {
            previous.add(before.map(Snapshot::version).orElse(0L));
            published.add(current);
        }

        Snapshot next() throws InterruptedException {
            Snapshot s = published.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(s).as("a snapshot published within %s", WAIT).isNotNull();
            return s;
        }
    }

    private final Map<String, String> store = new ConcurrentHashMap<>();
    private final Map<String, String> secrets = Map.of("db/password", "s3cret-Pa55");
    private final AtomicLong revision = new AtomicLong(1);

    private void files() throws IOException {
        Files.writeString(dir.resolve("base.yaml"), """
                deployment:
                  region: eu
                db:
                  password: ${vault:db/password}
                greeting: base64:aGVsbG8=
                credentials:
                  api: base64:dG9rZW4tMTIz
                cdn:
                  host: cdn.example
                """);
        Files.writeString(dir.resolve("production.yaml"), "feature:\n  limit: 1\n");
        Files.createDirectories(dir.resolve("regions"));
        Files.writeString(dir.resolve("regions/eu.yaml"), "cdn:\n  host: eu.cdn.example\n");
        store.put("app/config", "{\"feature\": {\"limit\": 5}}");
    }

    private ConfigurationOptions.Builder options() {
        // wiring:start
        ConfigurationOptions options = ConfigurationOptions.builder()
                .directory(dir)
                .addSource(new KeyValueSource(store, "app/config"), SourcePlacement.ABOVE_FILES)
                .addResolver("vault", vault(secrets))
                .addDecoder(new Base64Decoder())
                .addLayerProvider(new RegionLayers())
                .addReloadTrigger(new RevisionPoller(revision::get, Duration.ofMillis(20)))
                .build();
        // wiring:end
        return options.toBuilder();
    }

    @Test
    void everyExtensionTakesPartInOneLoad() throws IOException {
        files();
        try (ConfigurationManager manager = new ConfigurationManager(options().build())) {
            Configuration config = manager.loadEnvironmentConfig("production");

            assertThat(config.getInt("feature.limit")).isEqualTo(5);
            assertThat(config.explain("feature.limit").reason()).contains("store key app/config");
            assertThat(config.getString("db.password")).isEqualTo("s3cret-Pa55");
            assertThat(config.isSecret("db.password")).isTrue();
            assertThat(config.toString()).doesNotContain("s3cret-Pa55");
            assertThat(config.getString("greeting")).isEqualTo("hello");
            assertThat(config.isSecret("greeting")).isFalse();
            assertThat(config.getString("credentials.api")).isEqualTo("token-123");
            assertThat(config.isSecret("credentials.api")).isTrue();
            assertThat(config.explain("credentials.api").value()).contains("***");
            assertThat(config.getString("cdn.host")).isEqualTo("eu.cdn.example");
            assertThat(config.explain("cdn.host").reason()).contains("region eu").contains("regions/eu.yaml");
        }
    }

    @Test
    void aBadValueForTheDecoderNamesPathAndOriginAndNotTheValue() throws IOException {
        files();
        Files.writeString(dir.resolve("production.yaml"), "feature:\n  limit: 1\ntoken: base64:%%not-base64%%\n");
        try (ConfigurationManager manager = new ConfigurationManager(options().build())) {
            assertThatThrownBy(() -> manager.loadEnvironmentConfig("production"))
                    .isInstanceOf(ConfigResolveException.class)
                    .hasMessageContaining("production.yaml:3")
                    .hasMessageContaining("token")
                    .hasMessageNotContaining("not-base64");
        }
    }

    @Test
    void theReloadTriggerReloadsWhenTheStoreChangesAndSnapshotListenersSeeEachVersionOnce() throws Exception {
        files();
        Versions versions = new Versions();
        try (ConfigurationManager manager = new ConfigurationManager(options().build())) {
            manager.addSnapshotListener(versions);
            manager.loadEnvironmentConfig("production");
            assertThat(versions.next().version()).isEqualTo(1);

            store.put("app/config", "{\"feature\": {\"limit\": 7}}");
            revision.incrementAndGet();

            Snapshot second = versions.next();
            assertThat(second.version()).isEqualTo(2);
            assertThat(second.configuration().getInt("feature.limit")).isEqualTo(7);
            assertThat(manager.configuration().getInt("feature.limit")).isEqualTo(7);
            assertThat(versions.previous).containsExactly(0L, 1L);
        }
    }

    @Test
    void aTriggerReportsItsOwnFailuresAsErrorEvents() throws Exception {
        files();
        AtomicBoolean unreachable = new AtomicBoolean();
        BlockingQueue<ConfigErrorEvent> errors = new LinkedBlockingQueue<>();
        ReloadTrigger poller = new RevisionPoller(() -> {
            if (unreachable.get()) {
                throw new IllegalStateException("connection refused");
            }
            return revision.get();
        }, Duration.ofMillis(20));
        try (ConfigurationManager manager = new ConfigurationManager(ConfigurationOptions.builder().directory(dir)
                .addReloadTrigger(poller).addLayerProvider(new RegionLayers()).addResolver("vault", vault(secrets))
                .addDecoder(new Base64Decoder()).build())) {
            manager.addChangeListener(new ConfigChangeListener() {
                @Override
                public void onChange(dev.lamina.config.ConfigChangeEvent event) {
                }

                @Override
                public void onError(ConfigErrorEvent event) {
                    errors.add(event);
                }
            });
            manager.loadEnvironmentConfig("production");
            unreachable.set(true);
            ConfigErrorEvent e = errors.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(e).isNotNull();
            assertThat(e.message()).contains("kv store").contains("IllegalStateException");
            assertThat(manager.current().version()).isEqualTo(1);
        }
    }

    @Test
    void aFileTheProviderDeclaredIsWatched() throws Exception {
        files();
        Versions versions = new Versions();
        try (ConfigurationManager manager = new ConfigurationManager(options().build())) {
            manager.addSnapshotListener(versions);
            manager.loadEnvironmentConfig("production");
            versions.next();
            manager.enableHotReload();

            Files.writeString(dir.resolve("regions/eu.yaml"), "cdn:\n  host: eu2.cdn.example\n");

            assertThat(versions.next().configuration().getString("cdn.host")).isEqualTo("eu2.cdn.example");
        }
    }

    @Test
    void aSourceThatFailsKeepsTheLastGoodSnapshot() throws IOException {
        files();
        try (ConfigurationManager manager = new ConfigurationManager(options().build())) {
            manager.loadEnvironmentConfig("production");
            store.remove("app/config");

            assertThatThrownBy(manager::reload).isInstanceOf(ConfigSourceException.class)
                    .hasMessageContaining("kv:app/config").hasMessageContaining("fix:");
            assertThat(manager.current().version()).isEqualTo(1);
            assertThat(manager.configuration().getInt("feature.limit")).isEqualTo(5);
        }
    }

    /** A source that blocks while the test holds its latch: readers and updates must not wait for it. */
    static final class SlowSource implements ConfigSource {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicBoolean slow = new AtomicBoolean();

        @Override
        public String name() {
            return "slow";
        }

        @Override
        public List<Layer> read(ParseLimits limits) {
            if (slow.get()) {
                entered.countDown();
                try {
                    if (!release.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                        throw new ConfigSourceException(Origin.of(name()), null, "the test never released the read");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ConfigSourceException(Origin.of(name()), null, "interrupted");
                }
            }
            return List.of(new Layer(name(), ConfigDocuments.parse(name(), Format.JSON, "{\"slow\": {\"value\": "
                    + (slow.get() ? 2 : 1) + "}}", limits), LayerMetadata.of(LayerKind.REMOTE, "slow store")));
        }
    }

    @Test
    void aSlowSourceBlocksNeitherReadersNorUpdates() throws Exception {
        files();
        SlowSource source = new SlowSource();
        try (ConfigurationManager manager = new ConfigurationManager(options()
                .addSource(source, SourcePlacement.ABOVE_ENVIRONMENT_VARIABLES).build())) {
            manager.loadEnvironmentConfig("production");
            source.slow.set(true);
            CompletableFuture<Snapshot> reload = CompletableFuture.supplyAsync(manager::reload);
            try {
                assertThat(source.entered.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

                // The reload is inside the source's read: readers and an update go through meanwhile.
                assertThat(manager.configuration().getInt("slow.value")).isEqualTo(1);
                assertThat(manager.get("feature.limit", Integer.class)).isEqualTo(5);
                Snapshot updated = CompletableFuture.supplyAsync(() -> manager.updateConfig("feature.extra", 3))
                        .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                assertThat(updated.version()).isEqualTo(2);
                assertThat(reload).isNotDone();
            } finally {
                source.release.countDown();
            }
            Snapshot reloaded = reload.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(reloaded.version()).isEqualTo(3);
            assertThat(reloaded.configuration().getInt("slow.value")).isEqualTo(2);
            assertThat(reloaded.configuration().getInt("feature.extra")).as("the update made meanwhile survives")
                    .isEqualTo(3);
        }
    }

    @Test
    void docsExtendingShowsExactlyTheCodeThatRunsHere() throws IOException {
        String doc = Files.readString(reactorRoot().resolve("docs/extending.md"));
        String source = Files.readString(reactorRoot().resolve(
                "examples/src/test/java/com/example/thirdparty/ExtendingDocTest.java"));
        for (String name : List.of("source", "resolver", "decoder", "provider", "trigger", "wiring")) {
            Matcher m = Pattern.compile("<!-- extending:" + name + " -->\\s*```java\\n(.*?)```", Pattern.DOTALL)
                    .matcher(doc);
            assertThat(m.find()).as("docs/extending.md has a ```java block after <!-- extending:%s -->", name)
                    .isTrue();
            assertThat(m.group(1)).as("docs/extending.md block %s", name).isEqualTo(region(source, name));
        }
    }

    /** The lines between {@code // name:start} and {@code // name:end}, their common indentation removed. */
    private static String region(String source, String name) {
        int start = source.indexOf('\n', source.indexOf("// " + name + ":start")) + 1;
        int end = source.lastIndexOf('\n', source.indexOf("// " + name + ":end")) + 1;
        String[] lines = source.substring(start, end).split("\n", -1);
        int indent = Integer.MAX_VALUE;
        for (String line : lines) {
            if (!line.isBlank()) {
                indent = Math.min(indent, line.length() - line.stripLeading().length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.length - 1; i++) {
            sb.append(lines[i].isBlank() ? "" : lines[i].substring(indent)).append('\n');
        }
        return sb.toString();
    }

    private static Path reactorRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("docs/extending.md"))) {
                return p;
            }
        }
        throw new IllegalStateException("run from inside the repository");
    }
}
