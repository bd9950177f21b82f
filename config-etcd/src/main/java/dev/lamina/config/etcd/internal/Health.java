package dev.lamina.config.etcd.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.lamina.config.SourceHealth;
import dev.lamina.config.etcd.EtcdHealth;

/**
 * The connection state of one etcd source, shared by its reads and its watch; mirrored in meters when a registry is
 * given ({@code lamina.etcd.stale} 0/1, {@code lamina.etcd.revision}, {@code lamina.etcd.reconnects}, tag
 * {@code prefix}), and reported to the manager as {@link SourceHealth} once its watch runs. Thread-safe.
 */
public final class Health implements AutoCloseable {

    private final Clock clock;
    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();
    private final Counter reconnects;
    private EtcdHealth state;
    /** Guarded by this: where changes between stale and connected are reported, once a manager watches. */
    private Consumer<SourceHealth> reporter;
    private String source;

    /**
     * @param prefix   the source's prefix (a meter tag)
     * @param registry the registry, or {@code null}
     * @param clock    for {@link EtcdHealth#since()}
     */
    public Health(String prefix, MeterRegistry registry, Clock clock) {
        this.clock = clock;
        this.registry = registry;
        this.state = new EtcdHealth(EtcdHealth.State.NOT_STARTED, 0, clock.instant(), Optional.empty());
        if (registry != null) {
            meters.add(Gauge.builder("lamina.etcd.stale", this, h -> h.get().state() == EtcdHealth.State.STALE ? 1 : 0)
                    .tag("prefix", prefix).description("1 while the etcd source serves stale content").register(registry));
            meters.add(Gauge.builder("lamina.etcd.revision", this, h -> h.get().revision()).tag("prefix", prefix)
                    .description("etcd revision of the content served").register(registry));
            reconnects = Counter.builder("lamina.etcd.reconnects").tag("prefix", prefix)
                    .description("etcd watch reconnects after a failure").register(registry);
            meters.add(reconnects);
        } else {
            reconnects = null;
        }
    }

    /**
     * Reports every later change between stale and connected to {@code reporter} (the manager's
     * {@code ReloadTrigger.Sink}), and the present state now when the source is already stale.
     *
     * @param source   the source's name
     * @param reporter where to report
     */
    public synchronized void reportTo(String source, Consumer<SourceHealth> reporter) {
        this.source = source;
        this.reporter = reporter;
        if (state.state() == EtcdHealth.State.STALE) {
            report();
        }
    }

    /** Called under this lock, so that reports keep the order of the changes. */
    private void report() {
        if (reporter == null) {
            return;
        }
        reporter.accept(state.state() == EtcdHealth.State.STALE
                ? SourceHealth.stale(source, state.since(), state.lastError().orElse("etcd unreachable"))
                : SourceHealth.current(source, state.since()));
    }

    /** @return the current state */
    public synchronized EtcdHealth get() {
        return state;
    }

    /**
     * A read or the watch worked.
     *
     * @param revision the revision served, or {@code 0} to keep the one known
     * @return {@code true} when this ends a stale period
     */
    public synchronized boolean connected(long revision) {
        boolean wasStale = state.state() == EtcdHealth.State.STALE;
        long rev = revision > 0 ? revision : state.revision();
        if (state.state() == EtcdHealth.State.CONNECTED) {
            state = new EtcdHealth(EtcdHealth.State.CONNECTED, rev, state.since(), Optional.empty());
        } else {
            state = new EtcdHealth(EtcdHealth.State.CONNECTED, rev, Instant.now(clock), Optional.empty());
            if (wasStale && reconnects != null) {
                reconnects.increment();
            }
            if (wasStale) {
                report();
            }
        }
        return wasStale;
    }

    /**
     * A read (before the watch confirms) worked: updates the revision, and leaves {@code NOT_STARTED} only.
     *
     * @param revision the revision served
     */
    public synchronized void read(long revision) {
        if (state.state() == EtcdHealth.State.NOT_STARTED) {
            state = new EtcdHealth(EtcdHealth.State.CONNECTED, revision, Instant.now(clock), Optional.empty());
        } else {
            state = new EtcdHealth(state.state(), revision, state.since(), state.lastError());
        }
    }

    /**
     * etcd cannot be reached.
     *
     * @param error    what failed (no secret)
     * @param revision the revision served meanwhile, or {@code 0} to keep the one known
     * @return {@code true} when this starts a stale period
     */
    public synchronized boolean stale(String error, long revision) {
        boolean started = state.state() != EtcdHealth.State.STALE;
        long rev = revision > 0 ? revision : state.revision();
        state = new EtcdHealth(EtcdHealth.State.STALE, rev, started ? Instant.now(clock) : state.since(),
                Optional.of(error));
        if (started) {
            report();
        }
        return started;
    }

    @Override
    public void close() {
        if (registry != null) {
            meters.forEach(registry::remove);
        }
    }
}
