package dev.lamina.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Options of the merge step: which list paths use a strategy other than {@link ListMergeStrategy#replace()}.
 *
 * <p>A path may use {@code *} as a segment to match any key or list index, for example
 * {@code services.*.endpoints}; an exact path wins over a pattern. Immutable and thread-safe.
 *
 * @param listStrategies the strategy per list path; copied; neither keys nor values may be {@code null}
 */
public record MergeOptions(Map<ConfigPath, ListMergeStrategy> listStrategies) {

    private static final MergeOptions DEFAULTS = new MergeOptions(Map.of());

    /**
     * Copies the map.
     *
     * @throws NullPointerException if the map, a key or a value is {@code null}
     */
    public MergeOptions {
        Objects.requireNonNull(listStrategies, "listStrategies");
        listStrategies = Map.copyOf(listStrategies);
    }

    /** @return options in which every list is replaced whole (RFC 7386) */
    public static MergeOptions defaults() {
        return DEFAULTS;
    }

    /**
     * @param path     a list path (may contain {@code *} segments)
     * @param strategy its strategy
     * @return a copy with the strategy for {@code path} set (replacing any previous one)
     */
    public MergeOptions withListStrategy(ConfigPath path, ListMergeStrategy strategy) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(strategy, "strategy");
        HashMap<ConfigPath, ListMergeStrategy> copy = new HashMap<>(listStrategies);
        copy.put(path, strategy);
        return new MergeOptions(copy);
    }
}
