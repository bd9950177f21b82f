package dev.lamina.config.spi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lamina.config.testing.SharedSuites;

/**
 * Reads the peer-library vectors of {@code config-suites/durations-sizes} and applies Lamina's table of deliberate
 * differences, so that every vector runs and each difference is written down once, with its reason.
 */
final class PeerVectors {

    /** One vector as the file states it. */
    record Vector(String library, String input, String defaultUnit, Long theirs, String note) {

        String key() {
            return library + "|" + input + "|" + defaultUnit;
        }
    }

    /**
     * A vector where Lamina deliberately answers otherwise.
     *
     * @param library the library's key in the vector file
     * @param input   the input text
     * @param theirs  what the library answers ({@code null}: rejects)
     * @param ours    what Lamina answers ({@code null}: rejects)
     * @param why     the reason, also given in docs/conversion.md
     */
    record Difference(String library, String input, Long theirs, Long ours, String why) {

        String key() {
            return library + "|" + input + "|null";
        }
    }

    private PeerVectors() {
    }

    static List<Vector> read(String file, String expectedField) {
        Path path = SharedSuites.require("config-suites/durations-sizes/" + file);
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Vector> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> library : root.properties()) {
            if (!library.getValue().isArray()) {
                continue; // the "unit" explanation
            }
            for (JsonNode c : library.getValue()) {
                JsonNode expected = c.get(expectedField);
                out.add(new Vector(library.getKey(), c.get("input").asText(),
                        c.hasNonNull("default_unit") ? c.get("default_unit").asText() : null,
                        expected == null || expected.isNull() ? null : expected.asLong(),
                        c.hasNonNull("note") ? c.get("note").asText() : ""));
            }
        }
        return out;
    }

    static Map<String, Difference> index(List<Difference> differences) {
        return differences.stream().collect(Collectors.toMap(Difference::key, Function.identity()));
    }

    /** @return descriptions of table rows that match no vector or misstate the library's answer */
    static List<String> staleRows(List<Vector> vectors, List<Difference> differences) {
        Map<String, Vector> byKey = vectors.stream().collect(Collectors.toMap(Vector::key, Function.identity()));
        List<String> stale = new ArrayList<>();
        for (Difference d : differences) {
            Vector v = byKey.get(d.key());
            if (v == null || !Objects.equals(v.theirs(), d.theirs())) {
                stale.add(d.library() + " " + d.input());
            }
        }
        return stale;
    }
}
