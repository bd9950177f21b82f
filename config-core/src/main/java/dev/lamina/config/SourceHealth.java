package dev.lamina.config;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a source that reads a remote store serves current content: {@link Status#STALE} while it cannot reach the
 * store and serves what it read last, {@link Status#CURRENT} once it can again. A source reports it through the
 * {@link ReloadTrigger.Sink} of the trigger it offers ({@link ReloadTrigger.Sink#reportHealth}); the manager passes
 * each change of status to its {@link SnapshotListener}s ({@link SnapshotListener#onSourceHealth}) and keeps the
 * last one of each source ({@link ConfigurationManager#sourceHealth()}). An OpenFeature provider turns it into
 * {@code PROVIDER_STALE} and {@code PROVIDER_READY}.
 *
 * @param source the source's {@link ConfigSource#name()}
 * @param status current or stale
 * @param since  when the source entered this status
 * @param reason why the source is stale (never a secret), empty when current
 */
public record SourceHealth(String source, Status status, Instant since, Optional<String> reason) {

    /** Checks that no component is {@code null} and that only a stale source gives a reason. */
    public SourceHealth {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(reason, "reason");
        if (status == Status.CURRENT && reason.isPresent()) {
            throw new IllegalArgumentException("a current source has no stale reason");
        }
    }

    /**
     * @param source the source's name
     * @param since  when it became current
     * @return a current source's health
     */
    public static SourceHealth current(String source, Instant since) {
        return new SourceHealth(source, Status.CURRENT, since, Optional.empty());
    }

    /**
     * @param source the source's name
     * @param since  when it became stale
     * @param reason why (the store unreachable, the watch lost), never a secret
     * @return a stale source's health
     */
    public static SourceHealth stale(String source, Instant since, String reason) {
        return new SourceHealth(source, Status.STALE, since, Optional.of(Objects.requireNonNull(reason, "reason")));
    }

    /** @return {@code true} when the source serves content it could not confirm with its store */
    public boolean isStale() {
        return status == Status.STALE;
    }

    /** A source's status. */
    public enum Status {
        /** The source reads its store: what it serves is current. */
        CURRENT,
        /** The source cannot reach its store and serves what it read last. */
        STALE
    }
}
