package dev.lamina.benchmarks.scale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Draws the scale chart of docs/performance.md from {@link ScaleBenchmark}'s JMH JSON ({@code -rf json}) and
 * {@link ScaleMemory}'s output: a Markdown table (load, one-leaf reload, getInt, retained heap, history ratio per
 * size, with the ratio to linear growth) and text bars of load time and heap against size. Run by
 * {@code benchmarks/scale/chart.sh}, which also runs both measurements.
 */
public final class ScaleChart {

    private ScaleChart() {
    }

    /**
     * @param args the JMH JSON file and the ScaleMemory JSON file
     * @throws IOException if a file cannot be read
     */
    public static void main(String[] args) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<Integer, Map<String, Double>> rows = new TreeMap<>();
        for (JsonNode run : json.readTree(Files.readString(Path.of(args[0])))) {
            String name = run.path("benchmark").asText();
            String method = name.substring(name.lastIndexOf('.') + 1);
            int leaves = run.path("params").path("leaves").asInt();
            double score = run.path("primaryMetric").path("score").asDouble();
            String unit = run.path("primaryMetric").path("scoreUnit").asText();
            double ms = unit.startsWith("ns") ? score / 1e6 : unit.startsWith("us") ? score / 1e3 : score;
            rows.computeIfAbsent(leaves, k -> new TreeMap<>()).put(method, ms);
        }
        for (JsonNode m : json.readTree(Files.readString(Path.of(args[1])))) {
            Map<String, Double> row = rows.computeIfAbsent(m.path("leaves").asInt(), k -> new TreeMap<>());
            row.put("heapMB", m.path("retainedBytes").asDouble() / 1e6);
            row.put("historyRatio", m.path("historyRatio").asDouble());
            row.put("fileEditsRatio", m.path("fileEditsRatio").asDouble(Double.NaN));
        }
        System.out.println("| leaves | full load (ms) | load per 10k leaves (ms) | one-leaf reload (ms, % of load) "
                + "| getInt (ns) | retained heap (MB, per 100k) | 100 versions / one | then 30 edits of base.yaml / one |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|");
        double maxLoad = 0;
        double maxHeap = 0;
        for (Map.Entry<Integer, Map<String, Double>> e : rows.entrySet()) {
            Map<String, Double> r = e.getValue();
            double per100k = 100_000.0 / e.getKey();
            double load = r.getOrDefault("fullLoad", Double.NaN);
            double reload = r.getOrDefault("reloadOneLeaf", Double.NaN);
            double heap = r.getOrDefault("heapMB", Double.NaN);
            maxLoad = Math.max(maxLoad, Double.isNaN(load) ? 0 : load);
            maxHeap = Math.max(maxHeap, Double.isNaN(heap) ? 0 : heap);
            System.out.printf(Locale.ROOT, "| %,d | %.1f | %.2f | %.2f (%.0f %%) | %.1f | %.1f (%.1f) | %.2fx | %.2fx |%n",
                    e.getKey(), load, load * 10_000 / e.getKey(), reload, 100 * reload / load,
                    r.getOrDefault("getInt", Double.NaN) * 1e6, heap, heap * per100k,
                    r.getOrDefault("historyRatio", Double.NaN), r.getOrDefault("fileEditsRatio", Double.NaN));
        }
        System.out.println();
        System.out.println("```");
        for (Map.Entry<Integer, Map<String, Double>> e : rows.entrySet()) {
            Map<String, Double> r = e.getValue();
            System.out.printf(Locale.ROOT, "%,10d leaves  load %-40s %8.1f ms%n", e.getKey(),
                    bar(r.getOrDefault("fullLoad", 0.0), maxLoad), r.getOrDefault("fullLoad", 0.0));
            System.out.printf(Locale.ROOT, "%17s  heap %-40s %8.1f MB%n", "",
                    bar(r.getOrDefault("heapMB", 0.0), maxHeap), r.getOrDefault("heapMB", 0.0));
        }
        System.out.println("```");
    }

    private static String bar(double value, double max) {
        int n = max <= 0 ? 0 : (int) Math.round(40 * value / max);
        return "#".repeat(Math.max(n, value > 0 ? 1 : 0));
    }
}
