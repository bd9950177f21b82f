package dev.lamina.benchmarks.scale;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A generated configuration directory of a given number of leaves, shaped like real ones: {@code base.yaml} holds
 * every leaf in sections of 100 services with 10 settings each (a mix of ints, strings, booleans and durations, four
 * levels deep), and {@code production.yaml} overrides one leaf per thousand. Deterministic: the same size gives the
 * same bytes.
 */
final class GeneratedConfig {

    /** The int every getInt benchmark reads; present at every size. */
    static final String PROBE = "section_0.service_0.port";

    private GeneratedConfig() {
    }

    /**
     * @param leaves how many leaves {@code base.yaml} holds (a multiple of 1,000)
     * @return a new temporary directory; delete it with {@link #delete}
     */
    static Path write(int leaves) {
        try {
            Path dir = Files.createTempDirectory("lamina-scale-" + leaves);
            int services = leaves / 10;
            try (BufferedWriter base = Files.newBufferedWriter(dir.resolve("base.yaml"), StandardCharsets.UTF_8);
                 BufferedWriter prod = Files.newBufferedWriter(dir.resolve("production.yaml"), StandardCharsets.UTF_8)) {
                for (int s = 0; s < services; s++) {
                    if (s % 100 == 0) {
                        base.write("section_" + (s / 100) + ":\n");
                    }
                    base.write("  service_" + s + ":\n");
                    base.write("    port: " + (8000 + s % 1000) + "\n");
                    base.write("    host: host-" + s + ".internal\n");
                    base.write("    enabled: " + (s % 3 != 0) + "\n");
                    base.write("    timeout: " + (1 + s % 60) + "s\n");
                    base.write("    retries: " + (s % 7) + "\n");
                    base.write("    pool:\n");
                    base.write("      min: " + (s % 10) + "\n");
                    base.write("      max: " + (10 + s % 90) + "\n");
                    base.write("      name: pool-" + s + "\n");
                    base.write("    weight: 0." + (s % 100) + "\n");
                    base.write("    region: region-" + (s % 12) + "\n");
                }
                for (int s = 0; s < services; s += 100) {
                    prod.write("section_" + (s / 100) + ":\n  service_" + s + ":\n    retries: 9\n");
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Rewrites {@code production.yaml} with one leaf changed to {@code value}.
     *
     * @param dir   the directory
     * @param value the new value of {@code section_0.service_0.retries}
     */
    static void changeOneLeaf(Path dir, int value) {
        try {
            Path prod = dir.resolve("production.yaml");
            String text = Files.readString(prod);
            int at = text.indexOf("retries: ");
            int end = text.indexOf('\n', at);
            Files.writeString(prod, text.substring(0, at) + "retries: " + value + text.substring(end));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param dir a directory from {@link #write}
     * @return options for a manager on it, with parse limits raised for a trusted 1M-leaf file (the defaults stop
     *         at 100,000 nodes and 10 MiB per document)
     */
    static dev.lamina.config.ConfigurationOptions.Builder options(Path dir) {
        return dev.lamina.config.ConfigurationOptions.builder().directory(dir)
                .parseLimits(dev.lamina.config.ParseLimits.DEFAULTS.withMaxNodes(20_000_000)
                        .withMaxDocumentBytes(1L << 30));
    }

    /** @param dir a directory from {@link #write} */
    static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
