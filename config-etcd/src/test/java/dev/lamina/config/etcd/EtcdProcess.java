package dev.lamina.config.etcd;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real etcd for tests: started on free loopback ports (client and peer) with a data directory of its own, stopped
 * (or killed, and restarted on the same ports and data) by the test. When etcd cannot be found or started, tests are
 * skipped with a message, except in CI ({@code CI=true}), where they fail: CI installs etcd with
 * {@code .ci/install-etcd}.
 */
public final class EtcdProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path dataDir;
    private final Path log;
    private final int clientPort;
    private final int peerPort;
    private final List<String> extraArgs;
    private final String scheme;
    private final HttpClient client;
    private Process process;

    private EtcdProcess(Path dir, List<String> extraArgs) throws IOException {
        this(dir, extraArgs, "http", HTTP);
    }

    private EtcdProcess(Path dir, List<String> extraArgs, String scheme, HttpClient client) throws IOException {
        this.scheme = scheme;
        this.client = client;
        Files.createDirectories(dir);
        this.dataDir = dir.resolve("data");
        this.log = dir.resolve("etcd.log");
        this.clientPort = freePort();
        this.peerPort = freePort();
        this.extraArgs = List.copyOf(extraArgs);
    }

    /**
     * Starts etcd, or skips (fails in CI) when it cannot.
     *
     * @param dir       a temporary directory of the test's
     * @param extraArgs more etcd flags
     * @return the running etcd
     */
    public static EtcdProcess start(Path dir, String... extraArgs) {
        String binary = binary();
        if (binary == null) {
            unavailable("no etcd binary found (looked at $ETCD_BIN, PATH and /usr/bin/etcd); install it with "
                    + ".ci/install-etcd (Debian's etcd-server)");
        }
        try {
            EtcdProcess p = new EtcdProcess(dir, List.of(extraArgs));
            p.launch(binary);
            return p;
        } catch (IOException | RuntimeException e) {
            unavailable("etcd could not be started: " + e.getMessage());
            return null;
        }
    }

    /**
     * Starts etcd serving https only, requiring client certificates signed by {@code ca}.
     *
     * @param dir     a temporary directory of the test's
     * @param cert    the server certificate (PEM, for IP 127.0.0.1)
     * @param key     its key (PEM)
     * @param ca      the CA that signs client certificates (PEM)
     * @param context a client context trusted by etcd, for the readiness check and {@link #gateway(javax.net.ssl.SSLContext)}
     * @return the running etcd
     */
    public static EtcdProcess startTls(Path dir, Path cert, Path key, Path ca, javax.net.ssl.SSLContext context) {
        String binary = binary();
        if (binary == null) {
            unavailable("no etcd binary found (looked at $ETCD_BIN, PATH and /usr/bin/etcd)");
        }
        try {
            EtcdProcess p = new EtcdProcess(dir, List.of("--cert-file", cert.toString(), "--key-file", key.toString(),
                    "--trusted-ca-file", ca.toString(), "--client-cert-auth"), "https",
                    HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(2)).build());
            p.launch(binary);
            return p;
        } catch (IOException | RuntimeException e) {
            unavailable("etcd could not be started with TLS: " + e.getMessage());
            return null;
        }
    }

    private static void unavailable(String why) {
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(why + " (CI=true: etcd tests must run in CI)");
        }
        Assumptions.abort(why);
    }

    private static String binary() {
        String env = System.getenv("ETCD_BIN");
        if (env != null && Files.isExecutable(Path.of(env))) {
            return env;
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(dir, "etcd");
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        return Files.isExecutable(Path.of("/usr/bin/etcd")) ? "/usr/bin/etcd" : null;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void launch(String binary) throws IOException {
        String client = scheme + "://127.0.0.1:" + clientPort;
        String peer = "http://127.0.0.1:" + peerPort;
        List<String> cmd = new ArrayList<>(List.of(binary, "--name", "lamina-test", "--data-dir", dataDir.toString(),
                "--listen-client-urls", client, "--advertise-client-urls", client,
                "--listen-peer-urls", peer, "--initial-advertise-peer-urls", peer,
                "--initial-cluster", "lamina-test=" + peer, "--logger", "zap", "--log-level", "warn"));
        cmd.addAll(extraArgs);
        process = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("etcd exited with " + process.exitValue() + "; see " + log);
            }
            if (ready()) {
                return;
            }
            try {
                process.waitFor(50, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while etcd started");
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("etcd did not become ready within 15 s; see " + log);
    }

    private boolean ready() {
        try {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(endpoint() + "/v3/kv/range"))
                    .timeout(Duration.ofSeconds(1))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"key\":\"" + b64("/") + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** @return the client URL */
    public String endpoint() {
        return scheme + "://127.0.0.1:" + clientPort;
    }

    /** Kills etcd with SIGKILL, as a crash would, and waits until it is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Deletes the data directory (etcd must be stopped): the next start begins at revision 1 again. */
    public void wipe() {
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Starts etcd again on the same ports and data directory. */
    public void restart() {
        try {
            launch(binary());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return a plain gateway client for the test's own writes */
    public Gateway gateway() {
        return new Gateway(endpoint(), client);
    }

    /**
     * @param context the TLS context to present
     * @return a gateway client over TLS
     */
    public Gateway gateway(javax.net.ssl.SSLContext context) {
        return new Gateway(endpoint(), HttpClient.newBuilder().sslContext(context).build());
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    public static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Raw gateway calls for the tests' writes, independent of the code under test. */
    public static final class Gateway {
        private final String endpoint;
        private final HttpClient http;
        private String token;

        Gateway(String endpoint, HttpClient http) {
            this.endpoint = endpoint;
            this.http = http;
        }

        Gateway withToken(String t) {
            Gateway g = new Gateway(endpoint, http);
            g.token = t;
            return g;
        }

        public String post(String path, String json) {
            try {
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(endpoint + path))
                        .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofString(json));
                if (token != null) {
                    b.header("Authorization", token);
                }
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(path + " -> " + r.statusCode() + " " + r.body());
                }
                return r.body();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** @return the revision of the put */
        public long put(String key, String value) {
            return revision(post("/v3/kv/put", "{\"key\":\"" + b64(key) + "\",\"value\":\"" + b64(value) + "\"}"));
        }

        public long delete(String key) {
            return revision(post("/v3/kv/deleterange", "{\"key\":\"" + b64(key) + "\"}"));
        }

        public long revision() {
            return revision(post("/v3/kv/range", "{\"key\":\"" + b64("/") + "\",\"count_only\":true}"));
        }

        public void compact(long revision) {
            post("/v3/kv/compaction", "{\"revision\":\"" + revision + "\",\"physical\":true}");
        }

        static long revision(String json) {
            int i = json.indexOf("\"revision\":\"");
            int start = i + "\"revision\":\"".length();
            return Long.parseLong(json.substring(start, json.indexOf('"', start)));
        }
    }
}
