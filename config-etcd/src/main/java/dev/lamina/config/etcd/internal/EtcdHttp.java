package dev.lamina.config.etcd.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * etcd's v3 JSON gateway over {@code java.net.http}: one endpoint after another on connection failures, an auth
 * token fetched on first use and again when etcd says it expired. Its quirks (etcd 3.4): int64 fields are JSON
 * strings, fields at their default value are omitted, byte fields are base64.
 *
 * <p>Thread-safe. Never puts a credential or a value in an exception message.
 */
public final class EtcdHttp implements AutoCloseable {

    /** gRPC status codes etcd returns in the gateway's error body. */
    static final int OUT_OF_RANGE = 11;
    static final int UNAUTHENTICATED = 16;
    static final int INVALID_ARGUMENT = 3;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<URI> endpoints;
    private final HttpClient client;
    private final Duration timeout;
    private final String username;
    private final char[] password;
    private final AtomicInteger preferred = new AtomicInteger();
    private volatile String token;

    /**
     * @param endpoints  base URIs ({@code http://127.0.0.1:2379}); tried in order, the last that worked first
     * @param timeout    per request (not for watches)
     * @param sslContext for {@code https} endpoints, or {@code null} for the JDK default
     * @param username   for etcd auth, or {@code null}
     * @param password   for etcd auth, or {@code null}; copied
     */
    public EtcdHttp(List<URI> endpoints, Duration timeout, SSLContext sslContext, String username, char[] password) {
        this.endpoints = List.copyOf(endpoints);
        if (this.endpoints.isEmpty()) {
            throw new IllegalArgumentException("at least one etcd endpoint is needed");
        }
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1);
        if (sslContext != null) {
            b.sslContext(sslContext);
        }
        this.client = b.build();
        this.username = username;
        this.password = password == null ? null : password.clone();
    }

    /** @return the endpoint tried first (the last that answered), for origins */
    public URI endpoint() {
        return endpoints.get(preferred.get());
    }

    /** @return every configured endpoint */
    public List<URI> endpoints() {
        return endpoints;
    }

    // ------------------------------------------------------------------ calls

    /**
     * A range over one key or every key with a prefix.
     *
     * @param key       the key or prefix
     * @param prefix    whether {@code key} is a prefix
     * @param revision  the revision to read at, or {@code 0} for the latest
     * @param countOnly only count (to learn the revision cheaply)
     * @return the header revision and the key-values, sorted by key
     */
    public RangeResult range(String key, boolean prefix, long revision, boolean countOnly) {
        ObjectNode body = JSON.createObjectNode().put("key", b64(key));
        if (prefix) {
            body.put("range_end", prefixEnd(key));
        }
        if (revision > 0) {
            body.put("revision", Long.toString(revision));
        }
        if (countOnly) {
            body.put("count_only", true);
        }
        JsonNode r = post("/v3/kv/range", body);
        return new RangeResult(revisionOf(r), kvs(r.path("kvs")));
    }

    /**
     * A transaction.
     *
     * @param compares etcd compare objects
     * @param success  request ops when all compares hold
     * @param failure  request ops otherwise
     * @return the raw response
     */
    public JsonNode txn(ArrayNode compares, ArrayNode success, ArrayNode failure) {
        ObjectNode body = JSON.createObjectNode();
        body.set("compare", compares);
        body.set("success", success);
        body.set("failure", failure);
        return post("/v3/kv/txn", body);
    }

    /**
     * @param key   the key
     * @param value the value
     * @return the revision of the put
     */
    public long put(String key, byte[] value) {
        ObjectNode body = JSON.createObjectNode().put("key", b64(key))
                .put("value", Base64.getEncoder().encodeToString(value));
        return revisionOf(post("/v3/kv/put", body));
    }

    /**
     * @param key    the key or prefix
     * @param prefix whether {@code key} is a prefix
     * @return the revision after the delete
     */
    public long delete(String key, boolean prefix) {
        ObjectNode body = JSON.createObjectNode().put("key", b64(key));
        if (prefix) {
            body.put("range_end", prefixEnd(key));
        }
        return revisionOf(post("/v3/kv/deleterange", body));
    }

    /**
     * Compacts the history up to a revision (physical, waits for it).
     *
     * @param revision the revision
     */
    public void compact(long revision) {
        post("/v3/kv/compaction", JSON.createObjectNode().put("revision", Long.toString(revision)).put("physical", true));
    }

    /**
     * POSTs a JSON body and returns the JSON answer, trying the endpoints in turn on connection failures and
     * authenticating again once when the token was refused.
     *
     * @param path the gateway path
     * @param body the request
     * @return the answer
     * @throws EtcdFailure when no endpoint answers or etcd answers an error
     */
    public JsonNode post(String path, ObjectNode body) {
        try {
            return postOnce(path, body, true);
        } catch (EtcdFailure e) {
            if (e.code() == UNAUTHENTICATED && username != null) {
                token = null;
                return postOnce(path, body, true);
            }
            throw e;
        }
    }

    private JsonNode postOnce(String path, ObjectNode body, boolean withAuth) {
        byte[] bytes = toBytes(body);
        EtcdFailure last = null;
        int start = preferred.get();
        for (int i = 0; i < endpoints.size(); i++) {
            int idx = (start + i) % endpoints.size();
            URI ep = endpoints.get(idx);
            try {
                HttpRequest.Builder rb = HttpRequest.newBuilder(ep.resolve(path)).timeout(timeout)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
                if (withAuth && username != null) {
                    rb.header("Authorization", token(ep));
                }
                HttpResponse<byte[]> resp = client.send(rb.build(), HttpResponse.BodyHandlers.ofByteArray());
                preferred.set(idx);
                JsonNode answer = parse(resp.body(), ep);
                if (resp.statusCode() != 200 || answer.has("error")) {
                    throw EtcdFailure.answered(ep, path, resp.statusCode(), answer);
                }
                return answer;
            } catch (IOException e) {
                last = EtcdFailure.unreachable(ep, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw EtcdFailure.unreachable(ep, e);
            }
        }
        throw last;
    }

    private String token(URI ep) throws IOException, InterruptedException {
        String t = token;
        if (t != null) {
            return t;
        }
        synchronized (this) {
            if (token == null) {
                ObjectNode body = JSON.createObjectNode().put("name", username).put("password", new String(password));
                HttpRequest req = HttpRequest.newBuilder(ep.resolve("/v3/auth/authenticate")).timeout(timeout)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(toBytes(body))).build();
                HttpResponse<byte[]> resp = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
                JsonNode answer = parse(resp.body(), ep);
                if (resp.statusCode() != 200 || !answer.hasNonNull("token")) {
                    throw EtcdFailure.authentication(ep, username, answer);
                }
                token = answer.get("token").asText();
            }
            return token;
        }
    }

    /**
     * Opens a watch stream ({@code POST /v3/watch}, newline-delimited JSON answers).
     *
     * @param prefix        the key prefix watched
     * @param startRevision the first revision to deliver
     * @return the open stream; the caller closes it
     * @throws EtcdFailure when no endpoint accepts the watch
     */
    public InputStream watch(String prefix, long startRevision) {
        ObjectNode create = JSON.createObjectNode().put("key", b64(prefix)).put("range_end", prefixEnd(prefix))
                .put("start_revision", Long.toString(startRevision));
        ObjectNode body = JSON.createObjectNode();
        body.set("create_request", create);
        byte[] bytes = toBytes(body);
        EtcdFailure last = null;
        int start = preferred.get();
        for (int i = 0; i < endpoints.size(); i++) {
            int idx = (start + i) % endpoints.size();
            URI ep = endpoints.get(idx);
            try {
                HttpRequest.Builder rb = HttpRequest.newBuilder(ep.resolve("/v3/watch"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
                if (username != null) {
                    rb.header("Authorization", token(ep));
                }
                HttpResponse<InputStream> resp = client.send(rb.build(), HttpResponse.BodyHandlers.ofInputStream());
                if (resp.statusCode() != 200) {
                    JsonNode answer;
                    try (InputStream in = resp.body()) {
                        answer = parse(in.readNBytes(64 * 1024), ep);
                    }
                    EtcdFailure f = EtcdFailure.answered(ep, "/v3/watch", resp.statusCode(), answer);
                    if (f.code() == UNAUTHENTICATED) {
                        token = null;
                    }
                    throw f;
                }
                preferred.set(idx);
                return resp.body();
            } catch (IOException e) {
                last = EtcdFailure.unreachable(ep, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw EtcdFailure.unreachable(ep, e);
            }
        }
        throw last;
    }

    @Override
    public void close() {
        if (password != null) {
            java.util.Arrays.fill(password, '\0');
        }
    }

    // ------------------------------------------------------------------ JSON helpers

    /** @return a fresh JSON object */
    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** @return a fresh JSON array */
    public static ArrayNode array() {
        return JSON.createArrayNode();
    }

    /**
     * @param line one line of a watch stream
     * @return its JSON
     * @throws IOException when it is not JSON
     */
    public static JsonNode parseLine(String line) throws IOException {
        return JSON.readTree(line);
    }

    /**
     * @param key text
     * @return base64 of its UTF-8 bytes, as the gateway wants keys
     */
    public static String b64(String key) {
        return Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param prefix a key prefix
     * @return base64 of the range end that covers every key starting with it (the prefix's bytes with the last
     *         byte below 0xff incremented and the rest dropped; an empty prefix means every key)
     */
    public static String prefixEnd(String prefix) {
        byte[] b = prefix.getBytes(StandardCharsets.UTF_8);
        for (int i = b.length - 1; i >= 0; i--) {
            if (b[i] != (byte) 0xff) {
                byte[] end = java.util.Arrays.copyOf(b, i + 1);
                end[i]++;
                return Base64.getEncoder().encodeToString(end);
            }
        }
        return Base64.getEncoder().encodeToString(new byte[] {0});
    }

    /**
     * @param answer a gateway answer
     * @return its header revision, {@code 0} when absent
     */
    public static long revisionOf(JsonNode answer) {
        return answer.path("header").path("revision").asLong(0);
    }

    /**
     * @param kvs a {@code kvs} array (missing is empty)
     * @return the key-values
     */
    public static List<KeyValueData> kvs(JsonNode kvs) {
        List<KeyValueData> out = new ArrayList<>();
        for (JsonNode kv : kvs) {
            out.add(KeyValueData.of(kv));
        }
        return out;
    }

    private static byte[] toBytes(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a JSON request", e);
        }
    }

    private static JsonNode parse(byte[] body, URI ep) {
        try {
            JsonNode n = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
            return n == null ? JSON.createObjectNode() : n;
        } catch (IOException e) {
            throw EtcdFailure.garbled(ep);
        }
    }

    /** The answer of a range: the store revision it was read at and the key-values, sorted by key. */
    public record RangeResult(long revision, List<KeyValueData> kvs) {
    }

    /** One key-value as the gateway returns it, decoded. */
    public record KeyValueData(String key, byte[] value, long createRevision, long modRevision, long version) {

        static KeyValueData of(JsonNode kv) {
            return new KeyValueData(new String(Base64.getDecoder().decode(kv.path("key").asText("")),
                    StandardCharsets.UTF_8), Base64.getDecoder().decode(kv.path("value").asText("")),
                    kv.path("create_revision").asLong(0), kv.path("mod_revision").asLong(0),
                    kv.path("version").asLong(0));
        }

        /** @return {@code Optional} of the value as UTF-8 text when it decodes strictly */
        public Optional<String> text() {
            try {
                return Optional.of(StandardCharsets.UTF_8.newDecoder()
                        .decode(java.nio.ByteBuffer.wrap(value)).toString());
            } catch (java.nio.charset.CharacterCodingException e) {
                return Optional.empty();
            }
        }
    }

    static boolean isConnectFailure(IOException e) {
        return e instanceof ConnectException || e instanceof HttpConnectTimeoutException
                || e instanceof HttpTimeoutException;
    }
}
