package dev.lamina.config.etcd.internal;

import java.net.URI;

import com.fasterxml.jackson.databind.JsonNode;

import dev.lamina.config.ConfigSourceException;
import dev.lamina.config.Origin;

/**
 * etcd could not be reached, or answered an error. Carries etcd's gRPC code ({@code -1} when unreachable) so callers
 * can tell compaction ({@code 11}) and an expired token ({@code 16}) from the rest. Messages name the endpoint and
 * never a credential or a value.
 */
public final class EtcdFailure extends ConfigSourceException {

    private static final long serialVersionUID = 1L;

    private final int code;
    private final boolean unreachable;

    private EtcdFailure(URI endpoint, String reason, int code, boolean unreachable, Throwable cause) {
        super(Origin.of("etcd://" + endpoint.getAuthority()), null, reason, cause);
        this.code = code;
        this.unreachable = unreachable;
    }

    static EtcdFailure unreachable(URI ep, Exception cause) {
        String what = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getClass().getSimpleName()
                + ": " + cause.getMessage();
        return new EtcdFailure(ep, "etcd unreachable (" + what + "); fix: check that etcd runs and listens at "
                + ep + ", or list more endpoints", -1, true, cause);
    }

    static EtcdFailure answered(URI ep, String path, int status, JsonNode answer) {
        int code = answer.path("code").asInt(-1);
        String msg = answer.path("message").asText(answer.path("error").asText("no message"));
        return new EtcdFailure(ep, "etcd refused " + path + " (HTTP " + status + ", code " + code + ": " + msg + ")",
                code, false, null);
    }

    static EtcdFailure authentication(URI ep, String user, JsonNode answer) {
        String msg = answer.path("message").asText(answer.path("error").asText("no token returned"));
        return new EtcdFailure(ep, "etcd authentication of user '" + user + "' failed (" + msg
                + "); fix: check the user name and password given to the etcd source", answer.path("code").asInt(-1),
                false, null);
    }

    static EtcdFailure garbled(URI ep) {
        return new EtcdFailure(ep, "etcd answered something that is not JSON; fix: point the source at etcd's client "
                + "URL (the v3 JSON gateway)", -1, false, null);
    }

    /** @return etcd's gRPC status code, or {@code -1} when etcd did not answer */
    public int code() {
        return code;
    }

    /** @return {@code true} when no endpoint answered (connection refused, reset, timed out) */
    public boolean isUnreachable() {
        return unreachable;
    }

    /** @return {@code true} when the requested revision was compacted away */
    public boolean isCompacted() {
        return code == EtcdHttp.OUT_OF_RANGE;
    }
}
