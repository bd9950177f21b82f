package dev.lamina.config.etcd;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import dev.lamina.config.ConfigException;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigSource;
import dev.lamina.config.ConfigSourceException;
import dev.lamina.config.ConfigWriter;
import dev.lamina.config.Layer;
import dev.lamina.config.LayerKind;
import dev.lamina.config.Origin;
import dev.lamina.config.ParseLimits;
import dev.lamina.config.ReloadTrigger;
import dev.lamina.config.Snapshot;
import dev.lamina.config.SnapshotListener;
import dev.lamina.config.UpdateRequest;
import dev.lamina.config.etcd.internal.EtcdFailure;
import dev.lamina.config.etcd.internal.EtcdHttp;
import dev.lamina.config.etcd.internal.EtcdHttp.KeyValueData;
import dev.lamina.config.etcd.internal.EtcdHttp.RangeResult;
import dev.lamina.config.etcd.internal.Health;
import dev.lamina.config.etcd.internal.LastKnownGood;
import dev.lamina.config.etcd.internal.Layouts;
import dev.lamina.config.etcd.internal.LiveState;
import dev.lamina.config.etcd.internal.WatchLoop;

/**
 * Configuration from etcd v3: the keys under a prefix, read through etcd's JSON gateway, as one layer
 * ({@link EtcdLayout#TREE}) or one layer per document key ({@link EtcdLayout#DOCUMENTS}).
 *
 * <pre>{@code
 * EtcdSource etcd = EtcdSource.create(EtcdOptions.builder()
 *         .endpoints("http://10.0.0.5:2379,http://10.0.0.6:2379")
 *         .prefix("/lamina/checkout/production/")
 *         .lastKnownGood(Path.of("/var/lib/checkout/etcd-lkg.json"))
 *         .build());
 * ConfigurationManager manager = new ConfigurationManager(ConfigurationOptions.builder()
 *         .directory(Path.of("config"))
 *         .addSource(etcd)                       // above the files, below environment variables
 *         .build());
 * manager.loadEnvironmentConfig("production");   // the watch starts after this first load
 * }</pre>
 *
 * <p>Added to a {@code ConfigurationManager}, the source
 * <ul>
 * <li>is read (one linearizable range request over the prefix) on loads and on reloads while the watch is not live;
 * while it is, the watch's events keep a copy of the prefix current and reloads read that (no round trip); origins are
 * {@code etcd://<endpoint>/<key>@<mod revision>} and the layers' {@link dev.lamina.config.LayerMetadata#revision()}
 * is the etcd revision the prefix was read at, shown by {@code explain};</li>
 * <li>offers a watch ({@link #reloadTrigger()}) that reloads the manager on every change, no polling; lost
 * connections are retried with backoff and resume from the last revision seen; a compacted start revision makes it
 * re-list the prefix;</li>
 * <li>takes the manager's {@code updateConfig} ({@link #writer()}, {@code TREE} layout): one etcd transaction whose
 * compares check that every written key still has the mod revision it had in the snapshot the update was checked
 * against; a loser gets {@link EtcdConflictException};</li>
 * <li>keeps the content of every published snapshot in the last-known-good file ({@link #snapshotListener()}), and
 * starts from it when etcd is unreachable at the first load;</li>
 * <li>keeps serving the last content read while etcd is unreachable later, marked {@link EtcdHealth.State#STALE}
 * in {@link #health()}, in an error event and in the {@code lamina.etcd.stale} gauge.</li>
 * </ul>
 *
 * <p>Thread-safe. {@link #close()} stops the watch; a manager closing stops it too.
 */
public final class EtcdSource implements ConfigSource, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EtcdSource.class);
    private static final int REMEMBERED_READS = 32;

    private final EtcdOptions options;
    private final EtcdHttp http;
    private final Health health;
    private final WatchLoop watch;
    private final LiveState live = new LiveState();
    private final String name;
    /** The key-values of recent reads by revision: the basis of compare-and-swap and of the last-known-good file. */
    private final Map<Long, List<KeyValueData>> reads = new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, List<KeyValueData>> eldest) {
            return size() > REMEMBERED_READS;
        }
    };
    /** Guarded by {@link #reads}: what to serve while etcd is unreachable. */
    private Fallback fallback;
    /** Guarded by {@link #reads}: the revision last written to the last-known-good file. */
    private long lkgRevision;
    private volatile long servedRevision;
    /** The tree layout's entries of the last read, by key, reused for unchanged keys (see Layouts.tree). */
    private volatile Map<String, Layouts.Built> scalars = Map.of();

    private record Fallback(long revision, List<KeyValueData> kvs, URI endpoint, String note) {
    }

    private EtcdSource(EtcdOptions options) {
        this.options = options;
        this.http = new EtcdHttp(options.endpoints(), options.requestTimeout(),
                options.tls().map(EtcdTls::sslContext).orElse(null), options.username().orElse(null),
                options.password());
        this.health = new Health(options.prefix(), options.meterRegistry().orElse(null), Clock.systemUTC());
        this.name = Layouts.sourceName(options.prefix());
        this.watch = new WatchLoop(http, options.prefix(), () -> servedRevision, health, live, options.initialBackoff(),
                options.maxBackoff());
    }

    /**
     * Creates a source; nothing is read until a manager loads (or {@link #read} is called).
     *
     * @param options where and how to read
     * @return the source
     * @throws NullPointerException  if {@code options} is {@code null}
     * @throws ConfigSourceException if the TLS stores cannot be opened
     */
    public static EtcdSource create(EtcdOptions options) {
        return new EtcdSource(Objects.requireNonNull(options, "options"));
    }

    /** @return {@code etcd:<prefix>} */
    @Override
    public String name() {
        return name;
    }

    /** @return the options */
    public EtcdOptions options() {
        return options;
    }

    /**
     * Reads the prefix at etcd's latest revision (a linearizable read). When etcd cannot be reached, serves the last
     * content read (or, before any read, the last-known-good file), marks the source stale and logs a warning; a
     * manager reload then changes nothing that came from etcd.
     *
     * @param limits bounds for the values and documents
     * @return the layers (see {@link EtcdLayout})
     * @throws ConfigSourceException if etcd is unreachable and there is nothing to fall back to, or etcd refuses the
     *                               read (auth); the message says how to fix it
     * @throws dev.lamina.config.ConfigParseException if a value or document is malformed; the message names the key
     */
    @Override
    public List<Layer> read(ParseLimits limits) {
        // While the watch is live its events keep the content current: a reload it asked for needs no round trip.
        RangeResult r = live.current().orElse(null);
        if (r == null) {
            try {
                r = http.range(options.prefix(), true, 0, false);
            } catch (EtcdFailure e) {
                if (!e.isUnreachable()) {
                    throw e;
                }
                return fallBack(limits, e);
            }
            live.seed(r.revision(), r.kvs());
        }
        URI ep = http.endpoint();
        List<Layer> layers = layers(r.revision(), r.kvs(), ep, null, limits);
        synchronized (reads) {
            reads.put(r.revision(), List.copyOf(r.kvs()));
            fallback = new Fallback(r.revision(), List.copyOf(r.kvs()), ep, null);
        }
        servedRevision = r.revision();
        health.connected(r.revision());
        return layers;
    }

    private List<Layer> fallBack(ParseLimits limits, EtcdFailure e) {
        Fallback f;
        synchronized (reads) {
            f = fallback;
        }
        if (f == null) {
            Optional<Path> file = options.lastKnownGood();
            Optional<LastKnownGood.Content> lkg = file.flatMap(p -> LastKnownGood.read(p, options.prefix()));
            if (lkg.isEmpty()) {
                throw new ConfigSourceException(Origin.of(name), null, e.reason() + (file.isPresent()
                        ? "; the last-known-good file " + file.get() + " does not exist yet"
                        : "; fix: configure EtcdOptions.lastKnownGood(...) to start while etcd is down"), e);
            }
            f = new Fallback(lkg.get().revision(), lkg.get().kvs(), http.endpoint(),
                    "last-known-good " + file.get().getFileName());
            synchronized (reads) {
                if (fallback == null) {
                    fallback = f;
                    lkgRevision = f.revision();
                }
            }
            LOG.warn("etcd unreachable ({}); starting {} from the last-known-good file {} at revision {}", e.reason(),
                    options.prefix(), file.get(), f.revision());
        } else {
            LOG.warn("etcd unreachable ({}); serving {} as read at revision {} (STALE)", e.reason(), options.prefix(),
                    f.revision());
        }
        health.stale(e.reason(), f.revision());
        servedRevision = f.revision();
        return layers(f.revision(), f.kvs(), f.endpoint(), f.note(), limits);
    }

    private List<Layer> layers(long revision, List<KeyValueData> kvs, URI ep, String note, ParseLimits limits) {
        if (options.layout() != EtcdLayout.TREE) {
            return Layouts.documents(options.prefix(), ep, revision, kvs, limits, note);
        }
        Map<String, Layouts.Built> built = new HashMap<>();
        Layer layer = Layouts.tree(options.prefix(), ep, revision, kvs, limits, note, scalars, built);
        scalars = built;
        return List.of(layer);
    }

    /** @return the watch, started by the manager after its first load */
    @Override
    public Optional<ReloadTrigger> reloadTrigger() {
        return Optional.of(watch);
    }

    /** @return the compare-and-swap writer (see the class comment) */
    @Override
    public Optional<ConfigWriter> writer() {
        return Optional.of(this::write);
    }

    /** @return the listener that keeps the last-known-good file, when one is configured */
    @Override
    public Optional<SnapshotListener> snapshotListener() {
        if (options.lastKnownGood().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of((previous, current) -> keepLastKnownGood(current));
    }

    /** @return the connection state, the revision served and the last error */
    public EtcdHealth health() {
        return health.get();
    }

    /**
     * @param snapshot a snapshot of a manager this source is added to
     * @return the etcd revision its content was read at, or empty when it holds no layer of this source
     */
    public OptionalLong revisionIn(Snapshot snapshot) {
        for (Layer l : snapshot.configuration().layers()) {
            if (isOurs(l) && !l.metadata().revision().isEmpty()) {
                return OptionalLong.of(Long.parseLong(l.metadata().revision()));
            }
        }
        return OptionalLong.empty();
    }

    private boolean isOurs(Layer l) {
        return l.metadata().kind() == LayerKind.REMOTE && (l.name().equals(name)
                || l.name().startsWith("etcd:" + options.prefix()));
    }

    private void keepLastKnownGood(Snapshot current) {
        OptionalLong rev = revisionIn(current);
        if (rev.isEmpty()) {
            return;
        }
        List<KeyValueData> kvs;
        synchronized (reads) {
            if (rev.getAsLong() <= lkgRevision) {
                return;
            }
            kvs = reads.get(rev.getAsLong());
            if (kvs == null) {
                return;
            }
            lkgRevision = rev.getAsLong();
        }
        try {
            LastKnownGood.write(options.lastKnownGood().orElseThrow(),
                    new LastKnownGood.Content(options.prefix(), rev.getAsLong(), kvs));
        } catch (ConfigException e) {
            LOG.warn("{}", e.getMessage());
        }
    }

    // ------------------------------------------------------------------ writes

    private String write(UpdateRequest request, Snapshot basis) {
        if (options.layout() != EtcdLayout.TREE) {
            throw new ConfigSourceException(Origin.of(name), null, "updates are written to etcd only for the TREE "
                    + "layout; fix: push whole documents with 'configctl push' for the DOCUMENTS layout");
        }
        long basisRev = revisionIn(basis).orElseThrow(() -> new ConfigSourceException(Origin.of(name), null,
                "the snapshot holds no content read from etcd; fix: load the configuration first"));
        Map<String, Long> known;
        synchronized (reads) {
            List<KeyValueData> kvs = reads.get(basisRev);
            known = kvs == null ? null : new HashMap<>();
            if (kvs != null) {
                kvs.forEach(kv -> known.put(kv.key(), kv.modRevision()));
            }
        }
        Map<String, byte[]> puts = new LinkedHashMap<>();
        List<String> subtreeDeletes = new ArrayList<>();
        List<String> keyDeletes = new ArrayList<>();
        Map<String, ConfigPath> pathOf = new HashMap<>();
        request.values().forEach((path, value) -> plan(path, value, puts, subtreeDeletes, keyDeletes, pathOf));

        ArrayNode compares = EtcdHttp.array();
        ArrayNode success = EtcdHttp.array();
        ArrayNode failure = EtcdHttp.array();
        List<String> checked = new ArrayList<>();
        for (String key : concat(puts.keySet(), keyDeletes)) {
            checked.add(key);
            var c = compares.addObject().put("key", EtcdHttp.b64(key)).put("target", "MOD");
            if (known != null) {
                c.put("result", "EQUAL").put("mod_revision", Long.toString(known.getOrDefault(key, 0L)));
            } else {
                c.put("result", "LESS").put("mod_revision", Long.toString(basisRev + 1));
            }
            failure.addObject().putObject("request_range").put("key", EtcdHttp.b64(key));
        }
        for (String sub : subtreeDeletes) {
            compares.addObject().put("key", EtcdHttp.b64(sub)).put("range_end", EtcdHttp.prefixEnd(sub))
                    .put("target", "MOD").put("result", "LESS").put("mod_revision", Long.toString(basisRev + 1));
            success.addObject().putObject("request_delete_range").put("key", EtcdHttp.b64(sub))
                    .put("range_end", EtcdHttp.prefixEnd(sub));
        }
        for (String key : keyDeletes) {
            success.addObject().putObject("request_delete_range").put("key", EtcdHttp.b64(key));
        }
        puts.forEach((key, value) -> success.addObject().putObject("request_put").put("key", EtcdHttp.b64(key))
                .put("value", java.util.Base64.getEncoder().encodeToString(value)));

        JsonNode answer;
        try {
            answer = http.txn(compares, success, failure);
        } catch (EtcdFailure e) {
            if (e.isUnreachable()) {
                throw new ConfigSourceException(Origin.of(name), null, e.reason() + "; the update was not "
                        + "acknowledged (if the connection broke after sending, etcd may still have applied it: the "
                        + "watch will show it)", e);
            }
            throw e;
        }
        long now = EtcdHttp.revisionOf(answer);
        if (answer.path("succeeded").asBoolean(false)) {
            // The manager re-reads next: it must see this write, so the watch's copy serves only once it has it.
            live.require(now);
            return "etcd revision " + now;
        }
        // Find the key that moved, for the message.
        int i = 0;
        for (JsonNode resp : answer.path("responses")) {
            String key = i < checked.size() ? checked.get(i) : null;
            i++;
            List<KeyValueData> cur = EtcdHttp.kvs(resp.path("response_range").path("kvs"));
            long mod = cur.isEmpty() ? 0 : cur.get(0).modRevision();
            long expected = known == null ? -1 : known.getOrDefault(key, 0L);
            if (key != null && (known == null ? mod > basisRev : mod != expected)) {
                throw conflict(key, pathOf.get(key), basisRev, mod, now, request, basis);
            }
        }
        String any = !subtreeDeletes.isEmpty() ? subtreeDeletes.get(0) : checked.isEmpty() ? options.prefix()
                : checked.get(0);
        throw conflict(any, pathOf.get(any), basisRev, now, now, request, basis);
    }

    private EtcdConflictException conflict(String key, ConfigPath path, long basisRev, long mod, long now,
                                           UpdateRequest request, Snapshot basis) {
        long expected = request.expectedVersion().orElse(basis.version());
        return EtcdConflictException.ofUpdate(Origin.of(Layouts.originOf(http.endpoint(), key, mod, null)), path, key,
                basisRev, mod, now, expected, basis.version());
    }

    private void plan(ConfigPath path, Object value, Map<String, byte[]> puts, List<String> subtreeDeletes,
                      List<String> keyDeletes, Map<String, ConfigPath> pathOf) {
        for (String segment : path.segments()) {
            if (segment.contains("/") || segment.isEmpty()) {
                throw new IllegalArgumentException(path + ": a path segment with '/' cannot be an etcd key segment");
            }
        }
        String key = options.prefix() + String.join("/", path.segments());
        pathOf.put(key, path);
        pathOf.put(key + "/", path);
        if (value == null) {
            keyDeletes.add(key);
            subtreeDeletes.add(key + "/");
        } else if (value instanceof Map<?, ?> map) {
            keyDeletes.add(key);
            for (Map.Entry<?, ?> e : map.entrySet()) {
                plan(path.child(String.valueOf(e.getKey())), e.getValue(), puts, subtreeDeletes, keyDeletes, pathOf);
            }
        } else if (value instanceof Iterable<?> || value.getClass().isArray()) {
            throw new IllegalArgumentException(path + ": the etcd TREE layout holds no lists (one key per value); "
                    + "fix: write the list as a DOCUMENTS layer, or as keys 0, 1, ... of an object");
        } else {
            puts.put(key, String.valueOf(value).getBytes(StandardCharsets.UTF_8));
            subtreeDeletes.add(key + "/");
        }
    }

    private static List<String> concat(java.util.Collection<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** Stops the watch and forgets the credentials. */
    @Override
    public void close() {
        watch.stop();
        http.close();
        health.close();
    }

    @Override
    public String toString() {
        return "EtcdSource{" + options + "}";
    }
}
