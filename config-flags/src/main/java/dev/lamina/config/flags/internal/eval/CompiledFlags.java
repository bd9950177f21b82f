package dev.lamina.config.flags.internal.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;

/**
 * Everything compiled from one configuration snapshot. Immutable once constructed: every object reachable from
 * here is fully linked before the constructor returns, so publishing the instance (through a final or volatile
 * field) publishes all of it.
 */
public final class CompiledFlags {

    private final Map<String, CompiledFlag> flags;
    private final Map<String, CompiledExperiment> experiments;
    private final Counter notFound;
    private final int slots;

    /**
     * @param flags       linked flags by key, in declaration order
     * @param experiments experiments by key, in declaration order
     * @param notFound    the counter for unknown flags, or {@code null}
     */
    public CompiledFlags(Map<String, CompiledFlag> flags, Map<String, CompiledExperiment> experiments,
                         Counter notFound) {
        this.flags = Collections.unmodifiableMap(canonicalKeys(flags));
        this.experiments = Collections.unmodifiableMap(canonicalKeys(experiments));
        this.notFound = notFound;
        int n = 0;
        for (CompiledFlag f : this.flags.values()) {
            if (f != null) {
                n += f.assignSlots(n);
            }
        }
        this.slots = n;
    }

    /** @return the number of shared resolution slots of all flags together */
    public int slots() {
        return slots;
    }

    /**
     * Keys parsed from a file are fresh String instances, while callers mostly pass constants (interned): with
     * the canonical instance as key, the lookup's identity check hits and String.equals never runs.
     */
    private static <V> Map<String, V> canonicalKeys(Map<String, V> in) {
        Map<String, V> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(k.intern(), v));
        return out;
    }

    /** @param key a flag key @return the flag, or {@code null} */
    public CompiledFlag flag(String key) {
        return flags.get(key);
    }

    /** @param key an experiment key @return the experiment, or {@code null} */
    public CompiledExperiment experiment(String key) {
        return experiments.get(key);
    }

    /** @return the flags in declaration order */
    public Map<String, CompiledFlag> flags() {
        return flags;
    }

    /** @return the experiments in declaration order */
    public Map<String, CompiledExperiment> experiments() {
        return experiments;
    }

    /** Counts an evaluation of an unknown flag. */
    public void countNotFound() {
        if (notFound != null) {
            notFound.increment();
        }
    }
}
