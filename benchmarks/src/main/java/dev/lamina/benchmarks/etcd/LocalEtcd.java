package dev.lamina.benchmarks.etcd;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** An etcd on free loopback ports with a temporary data directory, for the harness (not a library). */
final class LocalEtcd implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int clientPort;
    private final Path dir;

    private LocalEtcd(Process process, int clientPort, Path dir) {
        this.process = process;
        this.clientPort = clientPort;
        this.dir = dir;
    }

    static LocalEtcd start() throws IOException, InterruptedException {
        String binary = System.getenv().getOrDefault("ETCD_BIN", "/usr/bin/etcd");
        if (!Files.isExecutable(Path.of(binary))) {
            throw new IllegalStateException("no etcd at " + binary + " (run .ci/install-etcd or set ETCD_BIN)");
        }
        Path dir = Files.createTempDirectory("lamina-etcd-bench");
        int client = freePort();
        int peer = freePort();
        String c = "http://127.0.0.1:" + client;
        String p = "http://127.0.0.1:" + peer;
        Process proc = new ProcessBuilder(List.of(binary, "--name", "bench", "--data-dir",
                dir.resolve("data").toString(), "--listen-client-urls", c, "--advertise-client-urls", c,
                "--listen-peer-urls", p, "--initial-advertise-peer-urls", p, "--initial-cluster", "bench=" + p,
                "--logger", "zap", "--log-level", "error"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("etcd.log").toFile()).start();
        LocalEtcd etcd = new LocalEtcd(proc, client, dir);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            try {
                etcd.revision();
                return etcd;
            } catch (IOException e) {
                proc.waitFor(50, TimeUnit.MILLISECONDS);
            }
        }
        etcd.close();
        throw new IllegalStateException("etcd did not start; see " + dir.resolve("etcd.log"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    String endpoint() {
        return "http://127.0.0.1:" + clientPort;
    }

    long pid() {
        return process.pid();
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    String post(String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(endpoint() + path))
                .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException(path + " -> HTTP " + r.statusCode());
        }
        return r.body();
    }

    /** @return the revision of the put, once etcd acknowledged it */
    long put(String key, String value) throws IOException, InterruptedException {
        return revisionOf(post("/v3/kv/put", "{\"key\":\"" + b64(key) + "\",\"value\":\"" + b64(value) + "\"}"));
    }

    long revision() throws IOException, InterruptedException {
        return revisionOf(post("/v3/kv/range", "{\"key\":\"" + b64("/") + "\",\"count_only\":true}"));
    }

    static long revisionOf(String json) {
        int i = json.indexOf("\"revision\":\"") + "\"revision\":\"".length();
        return Long.parseLong(json.substring(i, json.indexOf('"', i)));
    }

    /** @return etcd's resident memory in KiB, from /proc */
    long rssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }

    /** @return etcd's CPU time (user + system) in clock ticks, from /proc */
    long cpuTicks() {
        try {
            String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp dir left behind is harmless
        }
    }
}
