package dev.lamina.config.etcd.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;

import dev.lamina.config.etcd.internal.EtcdHttp.KeyValueData;
import dev.lamina.config.etcd.internal.EtcdHttp.RangeResult;

/**
 * The prefix's content kept current by the watch, so that a reload the watch asked for needs no round trip to etcd:
 * a range read seeds it at revision R, and every watch event after R is applied in order (etcd delivers a watch's
 * events in revision order without gaps until it is cancelled). It serves reads only while the watch is live and
 * has caught up with the last write this instance made; otherwise the source reads etcd. Thread-safe.
 *
 * <p>Consistency: a seed at R is accepted only when R is at least the highest revision the watch has delivered, so
 * an event the watch delivered before the seed's read can never be missing from it; events at or below the state's
 * revision are skipped, being already in it.
 */
public final class LiveState {

    private final Object lock = new Object();
    /** Guarded by {@link #lock}; {@code null} while invalid. */
    private TreeMap<String, KeyValueData> kvs;
    private long revision;
    private long seen;
    private boolean watching;
    private long required;

    /**
     * @param live whether the watch stream is established ({@code created}) or lost
     */
    public void watching(boolean live) {
        synchronized (lock) {
            watching = live;
        }
    }

    /** The watch was cancelled (compaction): the state may have a gap until the next read seeds it. */
    public void invalidate() {
        synchronized (lock) {
            kvs = null;
        }
    }

    /** etcd's revisions started again (restored or wiped): forget everything, including what the watch saw. */
    public void reset() {
        synchronized (lock) {
            kvs = null;
            revision = 0;
            seen = 0;
            required = 0;
        }
    }

    /**
     * @param rev a revision this instance wrote; reads serve the state only once it has reached it
     */
    public void require(long rev) {
        synchronized (lock) {
            required = Math.max(required, rev);
        }
    }

    /**
     * A range read's result.
     *
     * @param rev    its revision
     * @param values its key-values
     */
    public void seed(long rev, List<KeyValueData> values) {
        synchronized (lock) {
            if (rev < seen || (kvs != null && rev <= revision)) {
                return;
            }
            TreeMap<String, KeyValueData> m = new TreeMap<>();
            values.forEach(kv -> m.put(kv.key(), kv));
            kvs = m;
            revision = rev;
        }
    }

    /**
     * Applies one watch answer's events.
     *
     * @param events the {@code events} array
     * @param maxRev the highest revision among them
     */
    public void apply(JsonNode events, long maxRev) {
        synchronized (lock) {
            seen = Math.max(seen, maxRev);
            if (kvs == null) {
                return;
            }
            for (JsonNode ev : events) {
                JsonNode kv = ev.path("kv");
                long mod = kv.path("mod_revision").asLong(0);
                if (mod <= revision) {
                    continue;
                }
                String key = new String(Base64.getDecoder().decode(kv.path("key").asText("")), StandardCharsets.UTF_8);
                if ("DELETE".equals(ev.path("type").asText())) {
                    kvs.remove(key);
                } else {
                    kvs.put(key, EtcdHttp.KeyValueData.of(kv));
                }
            }
            revision = Math.max(revision, maxRev);
        }
    }

    /** @return the content at the latest revision the watch delivered, when it may be served without a read */
    public Optional<RangeResult> current() {
        synchronized (lock) {
            if (!watching || kvs == null || revision < required) {
                return Optional.empty();
            }
            return Optional.of(new RangeResult(revision, new ArrayList<>(kvs.values())));
        }
    }
}
