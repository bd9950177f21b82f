package dev.lamina.config.etcd.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import dev.lamina.config.ConfigException;
import dev.lamina.config.ConfigSourceException;
import dev.lamina.config.Origin;
import dev.lamina.config.ReloadTrigger;

/**
 * The watch on a prefix that asks the manager to reload: one thread holding one {@code /v3/watch} stream, each batch
 * of events one reload request (requests coalesce in the manager; every reload reads the whole prefix, so the last
 * one holds every change). Lost connections are retried with exponential backoff and full jitter, resuming from the
 * last revision seen; a watch cancelled because its start revision was compacted re-lists the prefix (a reload) and
 * restarts after the re-listed revision, never at the compact revision, which would miss the changes between.
 */
public final class WatchLoop implements ReloadTrigger {

    private static final Logger LOG = LoggerFactory.getLogger(WatchLoop.class);

    private final EtcdHttp http;
    private final String prefix;
    private final LongSupplier servedRevision;
    private final Health health;
    private final LiveState live;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Object lock = new Object();
    private Thread thread;
    private volatile InputStream stream;
    private volatile boolean running;
    /** The highest event revision delivered; the next watch starts after it. Only the loop thread writes it. */
    private volatile long seen;

    /**
     * @param http           the transport
     * @param prefix         the prefix
     * @param servedRevision the revision of the content the source last read (etcd or last-known-good)
     * @param health         the shared state
     * @param live           the content the events keep current
     * @param initialBackoff first delay
     * @param maxBackoff     longest delay
     */
    public WatchLoop(EtcdHttp http, String prefix, LongSupplier servedRevision, Health health, LiveState live,
                     Duration initialBackoff, Duration maxBackoff) {
        this.live = live;
        this.http = http;
        this.prefix = prefix;
        this.servedRevision = servedRevision;
        this.health = health;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
    }

    @Override
    public void start(Sink sink) {
        synchronized (lock) {
            if (thread != null) {
                return;
            }
            running = true;
            health.reportTo(Layouts.sourceName(prefix), sink::reportHealth);
            Thread t = new Thread(() -> run(sink), "lamina-etcd-watch " + prefix);
            t.setDaemon(true);
            thread = t;
            t.start();
        }
    }

    @Override
    public void stop() {
        Thread t;
        synchronized (lock) {
            t = thread;
            thread = null;
            running = false;
        }
        if (t == null) {
            return;
        }
        closeStream();
        t.interrupt();
        try {
            t.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return whether the loop thread runs */
    public boolean isRunning() {
        return running;
    }

    private void run(Sink sink) {
        long delay = initialBackoff.toMillis();
        boolean relist = false;
        while (running) {
            try {
                long from = Math.max(seen, servedRevision.getAsLong()) + 1;
                if (!relist && health.get().state() == dev.lamina.config.etcd.EtcdHealth.State.STALE) {
                    // After an outage: an etcd restored from an older backup or wiped has a lower revision, and a
                    // watch from ours would wait for revisions that mean something else. Re-list instead.
                    long at = http.range(prefix, true, 0, true).revision();
                    if (at < from - 1) {
                        LOG.warn("etcd is at revision {}, below the {} this source has seen (restored or wiped?); "
                                + "re-listing {}", at, from - 1, prefix);
                        live.reset();
                        seen = 0;
                        relist = true;
                    }
                }
                if (relist || from <= 1) {
                    long at = http.range(prefix, true, 0, true).revision();
                    seen = at;
                    from = at + 1;
                    // The reload reads whatever is current then; the history names the revision it read.
                    sink.requestReload("etcd re-list of " + prefix);
                    relist = false;
                }
                InputStream in = http.watch(prefix, from);
                stream = in;
                if (!running) {
                    closeStream();
                    return;
                }
                relist = follow(in, sink, from);
                if (!relist && running) {
                    throw new IOException("the watch stream ended");
                }
                delay = initialBackoff.toMillis();
            } catch (IOException | RuntimeException e) {
                live.watching(false);
                closeStream();
                if (!running) {
                    return;
                }
                failed(sink, e);
                sleepJittered(delay);
                delay = Math.min(delay * 2, maxBackoff.toMillis());
            }
        }
    }

    /**
     * Follows one stream until it ends.
     *
     * @return {@code true} when the watch was cancelled because its revision was compacted (re-list and restart)
     */
    private boolean follow(InputStream in, Sink sink, long from) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while (running && (line = reader.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode answer = EtcdHttp.parseLine(line);
            if (answer.has("error")) {
                throw new IOException("etcd watch error: " + answer.path("error").path("message").asText(
                        answer.path("error").asText()));
            }
            JsonNode result = answer.path("result");
            if (result.path("created").asBoolean(false)) {
                live.watching(true);
                boolean recovered = health.connected(0);
                if (recovered) {
                    LOG.info("etcd watch on {} re-established from revision {}; source no longer stale", prefix, from);
                    sink.requestReload("etcd reconnected, watching " + prefix + " from revision " + from);
                }
            }
            if (result.path("canceled").asBoolean(false)) {
                long compacted = result.path("compact_revision").asLong(0);
                if (compacted > 0) {
                    live.watching(false);
                    live.invalidate();
                    LOG.warn("etcd compacted {} past revision {} (compact revision {}); re-listing the prefix",
                            prefix, from - 1, compacted);
                    closeStream();
                    return true;
                }
                throw new IOException("etcd cancelled the watch (" + result.path("cancel_reason").asText("no reason")
                        + ")");
            }
            JsonNode events = result.path("events");
            if (events.size() > 0) {
                long max = 0;
                for (JsonNode ev : events) {
                    max = Math.max(max, ev.path("kv").path("mod_revision").asLong(0));
                }
                seen = Math.max(seen, max);
                live.apply(events, max);
                // Requests coalesce: the reload may read a later revision than this batch's, and the history
                // names the revision it read (SourceReader.Sources.revisionNotes), so the cause names none.
                sink.requestReload("etcd change under " + prefix);
            }
        }
        return false;
    }

    private void failed(Sink sink, Exception e) {
        String why = e instanceof ConfigException ce ? ce.reason() : e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage());
        boolean started = health.stale(why, 0);
        if (started) {
            long rev = health.get().revision();
            LOG.warn("etcd watch on {} lost ({}); serving revision {} (STALE), retrying with backoff", prefix, why, rev);
            sink.reportError(new ConfigSourceException(Origin.of(Layouts.sourceName(prefix)), null,
                    "etcd source STALE: watch lost (" + why + "); serving revision " + rev
                            + " and retrying with backoff"));
        } else {
            LOG.debug("etcd watch on {} still failing: {}", prefix, why);
        }
    }

    private void sleepJittered(long delayMillis) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(delayMillis / 2, delayMillis + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void closeStream() {
        InputStream s = stream;
        stream = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                LOG.debug("closing the etcd watch stream", e);
            }
        }
    }
}
