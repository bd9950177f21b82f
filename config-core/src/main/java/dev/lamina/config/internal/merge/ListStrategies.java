package dev.lamina.config.internal.merge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.lamina.config.ConfigPath;
import dev.lamina.config.ListMergeStrategy;
import dev.lamina.config.MergeOptions;

/**
 * Finds the list strategy for a path: an exact declaration first, then the first declared pattern with
 * {@code *} segments that matches, else {@link ListMergeStrategy#replace()}. Immutable and thread-safe.
 */
public final class ListStrategies {

    private static final String WILDCARD = "*";

    private final Map<ConfigPath, ListMergeStrategy> exact = new HashMap<>();
    private final List<Map.Entry<ConfigPath, ListMergeStrategy>> patterns = new ArrayList<>();

    /** @param options the merge options to index */
    public ListStrategies(MergeOptions options) {
        // Loops, not streams and lambdas, here and below: every manager builds this at start (cold-start cost).
        for (Map.Entry<ConfigPath, ListMergeStrategy> e : new TreeMap<>(options.listStrategies()).entrySet()) {
            if (e.getKey().segments().contains(WILDCARD)) {
                patterns.add(Map.entry(e.getKey(), e.getValue()));
            } else {
                exact.put(e.getKey(), e.getValue());
            }
        }
    }

    /** @return {@code true} when every list is replaced, so callers may skip path bookkeeping */
    public boolean allReplace() {
        for (ListMergeStrategy s : exact.values()) {
            if (!(s instanceof ListMergeStrategy.Replace)) {
                return false;
            }
        }
        for (Map.Entry<ConfigPath, ListMergeStrategy> e : patterns) {
            if (!(e.getValue() instanceof ListMergeStrategy.Replace)) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param path a list's path
     * @return the strategy declared for it, or {@code replace}
     */
    public ListMergeStrategy strategyFor(ConfigPath path) {
        ListMergeStrategy s = exact.get(path);
        if (s != null) {
            return s;
        }
        for (Map.Entry<ConfigPath, ListMergeStrategy> e : patterns) {
            if (matches(e.getKey(), path)) {
                return e.getValue();
            }
        }
        return ListMergeStrategy.replace();
    }

    private static boolean matches(ConfigPath pattern, ConfigPath path) {
        List<String> p = pattern.segments();
        List<String> s = path.segments();
        if (p.size() != s.size()) {
            return false;
        }
        for (int i = 0; i < p.size(); i++) {
            if (!p.get(i).equals(WILDCARD) && !p.get(i).equals(s.get(i))) {
                return false;
            }
        }
        return true;
    }
}
