package dev.lamina.config.internal.source;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;

import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Origin;
import dev.lamina.config.ParseLimits;
import dev.lamina.config.internal.parse.Failures;
import dev.lamina.config.internal.parse.PathTree;

/**
 * Turns named flat entries (environment variables, system properties) into a tree, deterministically: deeper paths
 * are placed first, then names in ascending order. So when two names map to the same path the one that sorts first
 * wins (upper case sorts before lower case: {@code LAMINA_SERVER_PORT} beats {@code LAMINA_server_port}), and when a
 * path is both a value and a parent the nested entries win. Every entry that loses is skipped with a warning naming
 * both entries, never their values.
 */
final class FlatEntries {

    /** One entry: the name it came from (for origins and warnings), its path and its value. */
    record Entry(String name, List<String> segments, String value) {
    }

    private FlatEntries() {
    }

    static ConfigObject build(String sourceName, String originPrefix, List<Entry> entries, ParseLimits limits,
                              Logger log) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingInt((Entry e) -> e.segments().size()).reversed()
                .thenComparing(Entry::name));
        if (sorted.size() > limits.maxNodes()) {
            throw Failures.limit(Origin.of(sourceName), null, "number of entries (" + sorted.size() + ")", "maxNodes",
                    limits.maxNodes());
        }
        PathTree tree = new PathTree(Origin.of(sourceName));
        for (Entry e : sorted) {
            Origin origin = Origin.of(originPrefix + e.name());
            if (e.segments().size() > limits.maxDepth()) {
                throw Failures.limit(origin, null, "nesting depth (" + e.segments().size() + ")", "maxDepth",
                        limits.maxDepth());
            }
            if (e.value().length() > limits.maxStringLength()) {
                throw Failures.limit(origin, null, "string length (" + e.value().length() + " characters)",
                        "maxStringLength", limits.maxStringLength());
            }
            Optional<PathTree.Conflict> conflict = tree.put(e.segments(), ConfigScalar.string(e.value(), origin));
            conflict.ifPresent(c -> log.warn("Ignoring {}: {} {} (from {})", e.name(), switch (c.kind()) {
                case DUPLICATE -> "maps to the same key as";
                case ABOVE_ENTRIES -> "would set a value on a key that has nested keys from";
                case BELOW_VALUE -> "would nest keys under a value set by";
            }, c.existing(), c.origin().source()));
        }
        return tree.build();
    }
}
