package dev.lamina.benchmarks.scale;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.lamina.config.Configuration;
import dev.lamina.config.ConfigurationManager;
import dev.lamina.config.ConfigurationOptions;

/**
 * Retained heap at 10k, 100k and 1M leaves ({@link GeneratedConfig}): the heap a loaded manager keeps (after full
 * GCs, against the heap before loading), and the heap it keeps after 100 runtime updates that each change one leaf
 * (history of 100 versions, which structural sharing should keep near one version's size), and after 30 more
 * reloads that each change one leaf of the large file itself (which must share with its previous parse). Prints one
 * JSON object
 * per size, read by {@code benchmarks/scale/chart.sh} (via {@link ScaleChart}). Targets (issue 11): at most 50 MB per 100k leaves; 100
 * versions at most 1.3x one.
 *
 * <p>{@code java -Xmx4g -cp benchmarks/target/benchmarks.jar dev.lamina.benchmarks.scale.ScaleMemory}
 */
public final class ScaleMemory {

    private ScaleMemory() {
    }

    /**
     * @param args sizes to measure (default 10000 100000 1000000)
     */
    public static void main(String[] args) {
        List<Integer> sizes = new ArrayList<>();
        for (String a : args) {
            sizes.add(Integer.parseInt(a));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(10_000, 100_000, 1_000_000);
        }
        System.out.println("[");
        for (int i = 0; i < sizes.size(); i++) {
            System.out.println(measure(sizes.get(i)) + (i + 1 < sizes.size() ? "," : ""));
        }
        System.out.println("]");
    }

    private static String measure(int leaves) {
        Path dir = GeneratedConfig.write(leaves);
        try {
            long before = usedAfterGc();
            try (ConfigurationManager manager = new ConfigurationManager(
                    GeneratedConfig.options(dir).historySize(101).build())) {
                manager.loadEnvironmentConfig("production");
                long one = usedAfterGc() - before;
                for (int v = 0; v < 100; v++) {
                    manager.updateConfig("section_0.service_" + (v * 10) + ".retries", 1000 + v);
                }
                long hundred = usedAfterGc() - before;
                // Read through the manager: holding version 1's configuration here would keep its lookup index
                // alive beside the current one's, which is the caller's retention, not the history's.
                Configuration current = manager.current().configuration();
                if (current.getInt(GeneratedConfig.PROBE) < 0 || manager.history().size() < 100) {
                    throw new IllegalStateException("history not kept");
                }
                long edited = afterFileEdits(manager, dir, leaves) - before;
                return String.format(Locale.ROOT, "  {\"leaves\": %d, \"retainedBytes\": %d,"
                        + " \"retainedBytesWith100Versions\": %d, \"bytesPer100kLeaves\": %d,"
                        + " \"historyRatio\": %.3f, \"retainedBytesAfter30FileEdits\": %d,"
                        + " \"fileEditsRatio\": %.3f}", leaves, one, hundred, one * 100_000L / leaves,
                        (double) hundred / one, edited, (double) edited / one);
            }
        } finally {
            GeneratedConfig.delete(dir);
        }
    }

    /**
     * 30 more versions, each a reload after one leaf of the large file ({@code base.yaml}) changed: the re-parsed
     * file must share its unchanged subtrees with its previous parse, or every version keeps a whole layer tree.
     *
     * @return the heap used after full GCs
     */
    private static long afterFileEdits(ConfigurationManager manager, Path dir, int leaves) {
        try {
            Path base = dir.resolve("base.yaml");
            for (int i = 0; i < 30; i++) {
                String text = Files.readString(base);
                int at = text.indexOf("retries: ", text.indexOf("service_" + (i * 37 % (leaves / 10)) + ":"));
                int end = text.indexOf('\n', at);
                Files.writeString(base, text.substring(0, at) + "retries: " + (100 + i) + text.substring(end));
                manager.reload();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return usedAfterGc();
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
