package dev.lamina.benchmarks.etcd;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.lamina.config.ConfigurationManager;
import dev.lamina.config.ConfigurationOptions;
import dev.lamina.config.etcd.EtcdOptions;
import dev.lamina.config.etcd.EtcdSource;

/**
 * Propagation from etcd to a fleet of managers, measured against a real etcd on loopback (not JMH: the quantity is
 * a distributed latency, one sample per change, and the floor is measured in the same run).
 *
 * <ol>
 * <li><b>Propagation</b>: {@code managers} managers (default 20) on one prefix of 20 keys; {@code changes} puts
 * (default 1,000), one at a time. For each: the time from the put's acknowledgement to the new snapshot published
 * (snapshot listener told) on every manager, and to a raw watch stream's delivery of the event (the floor).</li>
 * <li><b>Simulation</b>: {@code watchers} managers (default 200) on one etcd: etcd's memory per watcher, etcd's CPU
 * per change, and propagation to all of them over {@code simChanges} changes (default 50).</li>
 * </ol>
 *
 * <pre>{@code
 * ./mvnw -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.lamina.benchmarks.etcd.EtcdPropagationHarness \
 *     [managers=20] [changes=1000] [watchers=200] [simChanges=50]
 * }</pre>
 * Needs {@code /usr/bin/etcd} (or {@code $ETCD_BIN}); {@code .ci/install-etcd} installs it. {@code watchers=0} skips
 * the simulation. Before measuring, the harness waits until the managers' own files are a few seconds old, as a
 * service's files are (nobody edits them during a change in etcd); a file modified in the last seconds is read
 * again on every reload, which is not what a fleet does.
 */
public final class EtcdPropagationHarness {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private EtcdPropagationHarness() {
    }

    /**
     * @param args {@code name=value} overrides of the defaults
     * @throws Exception on any failure (the harness stops)
     */
    public static void main(String[] args) throws Exception {
        Map<String, Integer> a = new ConcurrentHashMap<>(Map.of("managers", 20, "changes", 1000, "watchers", 200,
                "simChanges", 50));
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            a.put(kv[0], Integer.parseInt(kv[1]));
        }
        System.out.println("loadavg at start: " + loadavg() + " (nproc " + Runtime.getRuntime().availableProcessors()
                + ")");
        try (LocalEtcd etcd = LocalEtcd.start()) {
            propagation(etcd, a.get("managers"), a.get("changes"));
            if (a.get("watchers") > 0) {
                System.out.println("loadavg: " + loadavg());
                simulation(etcd, a.get("watchers"), a.get("simChanges"));
            }
        }
        System.out.println("loadavg at end: " + loadavg());
    }

    /** A manager with a listener recording when each etcd revision was published. */
    private record Member(ConfigurationManager manager, EtcdSource source, Map<Long, Long> publishedAt,
                          Path dir) implements AutoCloseable {
        @Override
        public void close() {
            manager.close();
            source.close();
        }
    }

    private static Member member(LocalEtcd etcd, String prefix, int n) throws IOException {
        Path dir = Files.createTempDirectory("lamina-etcd-member");
        Files.writeString(dir.resolve("base.yaml"), "service:\n  name: bench\n");
        Files.writeString(dir.resolve("bench.yaml"), "service:\n  member: " + n + "\n");
        EtcdSource source = EtcdSource.create(EtcdOptions.builder().endpoints(etcd.endpoint()).prefix(prefix).build());
        ConfigurationManager m = new ConfigurationManager(ConfigurationOptions.builder().directory(dir)
                .environment(Map.of()).addSource(source).build());
        Map<Long, Long> at = new ConcurrentHashMap<>();
        m.addSnapshotListener((previous, current) -> {
            long now = System.nanoTime();
            source.revisionIn(current).ifPresent(r -> at.putIfAbsent(r, now));
        });
        m.loadEnvironmentConfig("bench");
        return new Member(m, source, at, dir);
    }

    private static void propagation(LocalEtcd etcd, int managers, int changes) throws Exception {
        String prefix = "/bench/propagation/";
        for (int k = 0; k < 20; k++) {
            etcd.put(prefix + "settings/k" + k, "0");
        }
        List<Member> fleet = new ArrayList<>();
        long heapBefore = usedHeap();
        for (int i = 0; i < managers; i++) {
            fleet.add(member(etcd, prefix, i));
        }
        long heapPer = (usedHeap() - heapBefore) / managers;
        dev.lamina.benchmarks.SettledFiles.await(fleet.stream().map(Member::dir).toList());
        Map<Long, Long> raw = new ConcurrentHashMap<>();
        RawWatch watch = RawWatch.open(etcd, prefix, etcd.revision() + 1, raw);
        try {
            // Warm up: let the JIT see the reload path before measuring.
            for (int i = 0; i < 100; i++) {
                long rev = etcd.put(prefix + "settings/k" + (i % 20), "w" + i);
                awaitAll(fleet, raw, rev);
            }
            long[] rawLat = new long[changes];
            long[] allLat = new long[changes];
            long[] eachLat = new long[changes * managers];
            var os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = os.getProcessCpuTime();
            long switches0 = voluntarySwitches();
            Map<String, Long> threads0 = cpuByThreadKind();
            long t = System.nanoTime();
            for (int i = 0; i < changes; i++) {
                long rev = etcd.put(prefix + "settings/k" + (i % 20), Integer.toString(i));
                long acked = System.nanoTime();
                awaitAll(fleet, raw, rev);
                rawLat[i] = Math.max(0, raw.get(rev) - acked);
                long max = 0;
                for (int m = 0; m < managers; m++) {
                    long d = Math.max(0, fleet.get(m).publishedAt().get(rev) - acked);
                    eachLat[i * managers + m] = d;
                    max = Math.max(max, d);
                }
                allLat[i] = max;
            }
            double seconds = (System.nanoTime() - t) / 1e9;
            double cpuPerChange = (os.getProcessCpuTime() - cpu0) / 1e6 / changes;
            double switchesPerChange = (double) (voluntarySwitches() - switches0) / changes;
            Map<String, Long> threads1 = cpuByThreadKind();
            System.out.printf("%nPropagation: %d managers, %d changes one at a time, %.1f s%n", managers, changes,
                    seconds);
            System.out.println("  raw watch delivery (floor)      " + summary(rawLat));
            System.out.println("  published on all " + managers + " managers    " + summary(allLat));
            System.out.println("  published on one manager        " + summary(eachLat));
            System.out.printf("  p99 all / p99 raw = %.2f%n", pct(allLat, 99) / Math.max(1e-9, pct(rawLat, 99)));
            System.out.printf("  heap per manager (rough, after GC): %d KiB%n", heapPer / 1024);
            System.out.printf("  this JVM per change (all managers, the raw watch and the harness's polling): %.2f ms "
                    + "CPU, %.0f voluntary context switches%n", cpuPerChange, switchesPerChange);
            StringBuilder kinds = new StringBuilder("  CPU per change by thread kind (ms):");
            threads1.forEach((kind, nanos) -> kinds.append(String.format(" %s %.2f;", kind,
                    (nanos - threads0.getOrDefault(kind, 0L)) / 1e6 / changes)));
            System.out.println(kinds);
        } finally {
            watch.close();
            fleet.forEach(Member::close);
        }
    }

    private static void simulation(LocalEtcd etcd, int watchers, int changes) throws Exception {
        String prefix = "/bench/simulation/";
        for (int k = 0; k < 20; k++) {
            etcd.put(prefix + "settings/k" + k, "0");
        }
        long rssBefore = etcd.rssKib();
        List<Member> fleet = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < watchers; i++) {
            fleet.add(member(etcd, prefix, i));
        }
        double startSeconds = (System.nanoTime() - t0) / 1e9;
        // The watches start after each load; one change proves every one of them is established.
        long first = etcd.put(prefix + "settings/k0", "start");
        awaitAll(fleet, null, first);
        long rssWatching = etcd.rssKib();
        try {
            long cpu0 = etcd.cpuTicks();
            long[] allLat = new long[changes];
            long t = System.nanoTime();
            for (int i = 0; i < changes; i++) {
                long rev = etcd.put(prefix + "settings/k" + (i % 20), Integer.toString(i));
                long acked = System.nanoTime();
                awaitAll(fleet, null, rev);
                long max = 0;
                for (Member m : fleet) {
                    max = Math.max(max, m.publishedAt().get(rev) - acked);
                }
                allLat[i] = Math.max(0, max);
            }
            double seconds = (System.nanoTime() - t) / 1e9;
            long cpuTicks = etcd.cpuTicks() - cpu0;
            double cpuMsPerChange = cpuTicks * 10.0 / changes; // USER_HZ is 100 on Linux
            System.out.printf("%nSimulation: %d managers watching one etcd, started in %.1f s; %d changes in %.1f s%n",
                    watchers, startSeconds, changes, seconds);
            System.out.println("  published on all " + watchers + "          " + summary(allLat));
            System.out.printf("  etcd RSS: %d MiB before, %d MiB with %d watchers (%.1f KiB per watcher)%n",
                    rssBefore / 1024, rssWatching / 1024, watchers, (rssWatching - rssBefore) / (double) watchers);
            System.out.printf("  etcd CPU per change: %.1f ms (%.3f ms per watcher)%n",
                    cpuMsPerChange, cpuMsPerChange / watchers);
        } finally {
            fleet.forEach(Member::close);
        }
    }

    /** CPU time of the live threads, summed by name with the digits taken out (threads that ended are lost). */
    private static Map<String, Long> cpuByThreadKind() {
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<String, Long> out = new java.util.TreeMap<>();
        for (var info : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = mx.getThreadCpuTime(info.getThreadId());
            if (cpu > 0) {
                out.merge(info.getThreadName().replaceAll("[0-9]+", "N").replaceAll(" /.*", ""), cpu, Long::sum);
            }
        }
        return out;
    }

    /** The voluntary context switches of every thread of this JVM so far (threads that ended are not counted). */
    private static long voluntarySwitches() throws IOException {
        long sum = 0;
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches:")) {
                            sum += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                        }
                    }
                } catch (IOException e) {
                    // The thread ended meanwhile.
                }
            }
        }
        return sum;
    }

    private static void awaitAll(List<Member> fleet, Map<Long, Long> raw, long rev) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        for (Member m : fleet) {
            while (!m.publishedAt().containsKey(rev)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("revision " + rev + " not published within " + WAIT);
                }
                LockSupport.parkNanos(20_000);
            }
        }
        while (raw != null && !raw.containsKey(rev)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("revision " + rev + " not delivered by the raw watch within " + WAIT);
            }
            LockSupport.parkNanos(20_000);
        }
    }

    private static String summary(long[] nanos) {
        return String.format("p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %6.2f ms", pct(nanos, 50) / 1e6,
                pct(nanos, 90) / 1e6, pct(nanos, 99) / 1e6, pct(nanos, 100) / 1e6);
    }

    private static double pct(long[] values, double p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static String loadavg() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** A bare watch stream (no Lamina): when each revision's event arrives. */
    private static final class RawWatch implements AutoCloseable {
        private final InputStream in;
        private final Thread thread;

        private RawWatch(InputStream in, Thread thread) {
            this.in = in;
            this.thread = thread;
        }

        static RawWatch open(LocalEtcd etcd, String prefix, long from, Map<Long, Long> arrivals) throws Exception {
            byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
            byte[] end = p.clone();
            end[end.length - 1]++;
            String body = "{\"create_request\":{\"key\":\"" + LocalEtcd.b64(prefix) + "\",\"range_end\":\""
                    + java.util.Base64.getEncoder().encodeToString(end) + "\",\"start_revision\":\"" + from + "\"}}";
            HttpResponse<InputStream> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(etcd.endpoint() + "/v3/watch")).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            InputStream in = r.body();
            Thread t = new Thread(() -> {
                try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        long now = System.nanoTime();
                        int i = 0;
                        while ((i = line.indexOf("\"mod_revision\":\"", i)) >= 0) {
                            int s = i + "\"mod_revision\":\"".length();
                            arrivals.putIfAbsent(Long.parseLong(line.substring(s, line.indexOf('"', s))), now);
                            i = s;
                        }
                    }
                } catch (IOException e) {
                    // closed
                }
            }, "raw-watch");
            t.setDaemon(true);
            t.start();
            return new RawWatch(in, t);
        }

        @Override
        public void close() throws IOException, InterruptedException {
            in.close();
            thread.interrupt();
            thread.join(TimeUnit.SECONDS.toMillis(2));
        }
    }
}
