package dev.lamina.config.etcd;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What an {@link EtcdSource} knows about its connection, for a health endpoint.
 *
 * @param state     connected, stale or not started
 * @param revision  the etcd revision of the content served ({@code 0} before the first read)
 * @param since     when the state last changed
 * @param lastError the last failure's message (never a secret), when the state is {@link State#STALE}
 */
public record EtcdHealth(State state, long revision, Instant since, Optional<String> lastError) {

    /** Checks that no component is {@code null}. */
    public EtcdHealth {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(lastError, "lastError");
    }

    /** The connection states. */
    public enum State {
        /** Not read yet. */
        NOT_STARTED,
        /** The last request and the watch work: changes arrive as etcd publishes them. */
        CONNECTED,
        /**
         * etcd cannot be reached: the content of {@link #revision()} (or the last-known-good file) is served and
         * reconnects are tried with backoff; changes made in etcd meanwhile arrive after reconnecting.
         */
        STALE
    }

    /** @return {@code true} when connected */
    public boolean isConnected() {
        return state == State.CONNECTED;
    }
}
