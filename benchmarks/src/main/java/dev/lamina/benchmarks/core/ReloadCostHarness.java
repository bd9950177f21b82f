package dev.lamina.benchmarks.core;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;

import dev.lamina.config.ConfigurationManager;
import dev.lamina.config.ConfigurationOptions;

/**
 * What one {@code ConfigurationManager.reload()} of the example configuration costs, in figures a busy machine
 * distorts less than JMH's wall time: process CPU time per reload (every thread: the caller and the file-read
 * helper), bytes allocated by the calling thread, and voluntary context switches of the whole process (a hand-over
 * to a helper thread costs two), beside the wall time's median and 90th percentile. The files are left to settle
 * first (modification and status-change times older than 3.5 s, as for files nobody is editing), then
 * {@code new} rewrites {@code staging.yaml} with a never-seen value before each reload (outside the timing), and
 * {@code unchanged} reloads with nothing changed.
 *
 * <pre>
 * java -Djava.io.tmpdir=/dev/shm -cp benchmarks/target/benchmarks.jar \
 *     dev.lamina.benchmarks.core.ReloadCostHarness [new|unchanged] [reloads=20000]
 * </pre>
 *
 * Run two builds alternated (A B A B) to compare them; record {@code /proc/loadavg}, which the harness prints.
 */
public final class ReloadCostHarness {

    private ReloadCostHarness() {
    }

    /**
     * @param args mode ({@code new} or {@code unchanged}) and the number of measured reloads
     * @throws Exception on a failure
     */
    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "new";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        Path dir = ExampleConfig.copyToTemporaryDirectory();
        try {
            run(dir, mode, n);
        } finally {
            ExampleConfig.deleteRecursively(dir);
        }
    }

    private static void run(Path dir, String mode, int n) throws Exception {
        dev.lamina.benchmarks.SettledFiles.await(java.util.List.of(dir));
        Path staging = dir.resolve(ExampleConfig.ENVIRONMENT + ".yaml");
        String text = Files.readString(staging, StandardCharsets.UTF_8);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (ConfigurationManager manager = new ConfigurationManager(ConfigurationOptions.builder().directory(dir)
                .environment(Map.of()).build())) {
            manager.loadEnvironmentConfig(ExampleConfig.ENVIRONMENT);
            int edit = 1_000_000;
            // Warm-up as long as the measurement: the JIT needs it.
            for (int i = 0; i < n; i++) {
                if (mode.equals("new")) {
                    Files.writeString(staging, text.replace("max_workers: 16", "max_workers: " + edit++));
                }
                manager.reload();
            }
            long[] wall = new long[n];
            long cpu0 = os.getProcessCpuTime();
            long bytes0 = threads.getCurrentThreadAllocatedBytes();
            long switches0 = voluntarySwitches();
            long writes = 0;
            for (int i = 0; i < n; i++) {
                if (mode.equals("new")) {
                    long w = System.nanoTime();
                    Files.writeString(staging, text.replace("max_workers: 16", "max_workers: " + edit++));
                    writes += System.nanoTime() - w;
                }
                long t = System.nanoTime();
                manager.reload();
                wall[i] = System.nanoTime() - t;
            }
            long cpu = os.getProcessCpuTime() - cpu0;
            long bytes = threads.getCurrentThreadAllocatedBytes() - bytes0;
            long switches = voluntarySwitches() - switches0;
            Arrays.sort(wall);
            System.out.printf("%s: %d reloads, wall median %.1f us, p90 %.1f us, min %.1f us; process CPU %.1f us/op "
                            + "(includes the edit's write, %.1f us/op wall); %d B/op on the calling thread; "
                            + "%.2f voluntary context switches/op; loadavg %s%n",
                    mode, n, wall[n / 2] / 1e3, wall[n * 9 / 10] / 1e3, wall[0] / 1e3, cpu / 1e3 / n, writes / 1e3 / n,
                    bytes / n, (double) switches / n, loadavg());
        }
    }

    private static long voluntarySwitches() throws IOException {
        long sum = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                try {
                    for (String line : Files.readAllLines(t.resolve("status"))) {
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

    private static String loadavg() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
