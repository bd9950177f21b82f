package dev.lamina.config.etcd;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import dev.lamina.config.ConfigSourceException;
import dev.lamina.config.Origin;
import dev.lamina.config.etcd.internal.EtcdHttp;
import dev.lamina.config.etcd.internal.EtcdHttp.KeyValueData;
import dev.lamina.config.etcd.internal.Layouts;

/**
 * Direct operations on a prefix, for tools ({@code configctl push} and {@code history}): read the keys, replace
 * them all in one transaction guarded by a revision, list the history of changes.
 *
 * <p>Thread-safe; {@link #close()} forgets the credentials.
 */
public final class EtcdClient implements AutoCloseable {

    private final EtcdOptions options;
    private final EtcdHttp http;

    private EtcdClient(EtcdOptions options) {
        this.options = options;
        this.http = new EtcdHttp(options.endpoints(), options.requestTimeout(),
                options.tls().map(EtcdTls::sslContext).orElse(null), options.username().orElse(null),
                options.password());
    }

    /**
     * @param options endpoints, prefix, credentials, TLS
     * @return a client; nothing is sent yet
     */
    public static EtcdClient connect(EtcdOptions options) {
        return new EtcdClient(Objects.requireNonNull(options, "options"));
    }

    /** The keys under the prefix at one revision, as UTF-8 text, relative to the prefix, in key order. */
    public record Keys(long revision, Map<String, String> values) {
        /** Copies the map. */
        public Keys {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        /**
         * Names the keys, never their values: a value under the prefix may be a password, and this client cannot
         * know which (the configuration built from them masks what its secret policy says).
         *
         * @return {@code Keys[revision=7, keys=[db/host, db/password]]}
         */
        @Override
        public String toString() {
            return "Keys[revision=" + revision + ", keys=" + values.keySet() + "]";
        }
    }

    /**
     * @return the keys under the prefix now
     * @throws ConfigSourceException when etcd cannot be reached or refuses
     */
    public Keys keys() {
        EtcdHttp.RangeResult r = http.range(options.prefix(), true, 0, false);
        Map<String, String> values = new LinkedHashMap<>();
        for (KeyValueData kv : r.kvs()) {
            values.put(kv.key().substring(options.prefix().length()), new String(kv.value(), StandardCharsets.UTF_8));
        }
        return new Keys(r.revision(), values);
    }

    /**
     * Makes the prefix hold exactly these keys, in one transaction: keys not listed are deleted. With an expected
     * revision, the transaction only applies when no key under the prefix was modified after it.
     *
     * @param values           keys relative to the prefix, and their values
     * @param expectedRevision the revision the caller reviewed, or empty to write unconditionally
     * @return the revision of the write (the current one when nothing changed)
     * @throws EtcdConflictException when a key under the prefix was modified after {@code expectedRevision}
     * @throws ConfigSourceException when etcd cannot be reached or refuses
     */
    public long replace(Map<String, String> values, OptionalLong expectedRevision) {
        EtcdHttp.RangeResult current = http.range(options.prefix(), true, 0, false);
        Map<String, String> existing = new LinkedHashMap<>();
        current.kvs().forEach(kv -> existing.put(kv.key(), new String(kv.value(), StandardCharsets.UTF_8)));
        ArrayNode compares = EtcdHttp.array();
        ArrayNode success = EtcdHttp.array();
        long guard = expectedRevision.orElse(current.revision());
        compares.addObject().put("key", EtcdHttp.b64(options.prefix())).put("range_end",
                EtcdHttp.prefixEnd(options.prefix())).put("target", "MOD").put("result", "LESS")
                .put("mod_revision", Long.toString(guard + 1));
        boolean changes = false;
        for (String key : existing.keySet()) {
            if (!values.containsKey(key.substring(options.prefix().length()))) {
                success.addObject().putObject("request_delete_range").put("key", EtcdHttp.b64(key));
                changes = true;
            }
        }
        for (Map.Entry<String, String> e : values.entrySet()) {
            String key = options.prefix() + e.getKey();
            if (!e.getValue().equals(existing.get(key))) {
                success.addObject().putObject("request_put").put("key", EtcdHttp.b64(key))
                        .put("value", Base64.getEncoder().encodeToString(e.getValue().getBytes(StandardCharsets.UTF_8)));
                changes = true;
            }
        }
        if (expectedRevision.isPresent() && lastModified(current) > expectedRevision.getAsLong()) {
            throw conflict(expectedRevision.getAsLong(), lastModified(current), current.revision());
        }
        if (!changes) {
            return current.revision();
        }
        ArrayNode failure = EtcdHttp.array();
        failure.addObject().putObject("request_range").put("key", EtcdHttp.b64(options.prefix()))
                .put("range_end", EtcdHttp.prefixEnd(options.prefix()));
        JsonNode answer = http.txn(compares, success, failure);
        long now = EtcdHttp.revisionOf(answer);
        if (!answer.path("succeeded").asBoolean(false)) {
            long last = 0;
            for (JsonNode kv : answer.path("responses").path(0).path("response_range").path("kvs")) {
                last = Math.max(last, kv.path("mod_revision").asLong());
            }
            throw conflict(guard, last, now);
        }
        return now;
    }

    private static long lastModified(EtcdHttp.RangeResult r) {
        return r.kvs().stream().mapToLong(KeyValueData::modRevision).max().orElse(0);
    }

    private EtcdConflictException conflict(long expected, long mod, long now) {
        return EtcdConflictException.ofPrefix(Origin.of(Layouts.sourceName(options.prefix())), options.prefix(),
                expected, mod, now);
    }

    /**
     * The changes under the prefix that etcd still holds (since its last compaction), oldest first. Replays a watch
     * from the oldest revision kept and stops once it has passed the current revision's last change and stayed quiet
     * for {@code quiet}.
     *
     * @param quiet how long the replay must be silent to count as complete (200 ms is plenty on a LAN)
     * @return the changes, at most the last 100,000
     * @throws ConfigSourceException when etcd cannot be reached or refuses
     */
    public List<EtcdChange> history(Duration quiet) {
        EtcdHttp.RangeResult now = http.range(options.prefix(), true, 0, false);
        long from = 1;
        for (int attempt = 0; attempt < 3; attempt++) {
            Replay r = replay(from, now, quiet);
            if (r.compactedTo() == 0) {
                return r.changes();
            }
            from = r.compactedTo();
        }
        throw new ConfigSourceException(Origin.of(Layouts.sourceName(options.prefix())), null,
                "etcd kept compacting while the history was read; retry");
    }

    private record Replay(List<EtcdChange> changes, long compactedTo) {
    }

    private Replay replay(long from, EtcdHttp.RangeResult now, Duration quiet) {
        long lastPut = lastModified(now);
        List<EtcdChange> changes = new ArrayList<>();
        BlockingQueue<String> lines = new ArrayBlockingQueue<>(1024);
        InputStream in = http.watch(options.prefix(), from);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.put(line);
                }
            } catch (IOException | InterruptedException e) {
                // closed by the caller
            }
        }, "lamina-etcd-history");
        reader.setDaemon(true);
        reader.start();
        try {
            long seen = 0;
            while (true) {
                String line = lines.poll(seen >= lastPut ? quiet.toMillis() : options.requestTimeout().toMillis(),
                        TimeUnit.MILLISECONDS);
                if (line == null) {
                    if (seen >= lastPut) {
                        return new Replay(changes, 0);
                    }
                    throw new ConfigSourceException(Origin.of(Layouts.sourceName(options.prefix())), null,
                            "etcd did not replay the history within " + options.requestTimeout());
                }
                JsonNode result = EtcdHttp.parseLine(line).path("result");
                if (result.path("canceled").asBoolean(false)) {
                    long compacted = result.path("compact_revision").asLong(0);
                    if (compacted > 0) {
                        return new Replay(List.of(), compacted);
                    }
                    throw new ConfigSourceException(Origin.of(Layouts.sourceName(options.prefix())), null,
                            "etcd cancelled the history watch");
                }
                for (JsonNode ev : result.path("events")) {
                    JsonNode kv = ev.path("kv");
                    long rev = kv.path("mod_revision").asLong();
                    seen = Math.max(seen, rev);
                    if (rev > now.revision()) {
                        continue;
                    }
                    if (changes.size() == 100_000) {
                        changes.remove(0);
                    }
                    changes.add(new EtcdChange(rev, "DELETE".equals(ev.path("type").asText()) ? EtcdChange.Type.DELETE
                            : EtcdChange.Type.PUT, new String(Base64.getDecoder().decode(kv.path("key").asText()),
                            StandardCharsets.UTF_8), kv.path("version").asLong(0)));
                }
            }
        } catch (IOException e) {
            throw new ConfigSourceException(Origin.of(Layouts.sourceName(options.prefix())), null,
                    "etcd's history answer was not JSON", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigSourceException(Origin.of(Layouts.sourceName(options.prefix())), null,
                    "interrupted while reading etcd's history");
        } finally {
            try {
                in.close();
            } catch (IOException e) {
                // nothing to do
            }
            reader.interrupt();
        }
    }

    /** @return the prefix this client works on */
    public String prefix() {
        return options.prefix();
    }

    @Override
    public void close() {
        http.close();
    }
}
