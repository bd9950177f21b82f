package dev.lamina.config.flags.internal.dynamic;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReferenceArray;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;

import dev.lamina.config.ConfigLoader;
import dev.lamina.config.Configuration;
import dev.lamina.config.flags.internal.eval.CompiledExperiment;

/**
 * What the dynamic manager keeps per experiment and snapshot: the compiled experiment, its variant names, the
 * exposure counters (registered up front so that counting allocates nothing) and the per-variant merged
 * configurations, each computed once per snapshot on first use.
 */
public final class ExperimentRuntime {

    /** The aggregated exposure counter (tags {@code experiment}, {@code variant}; never a per-user tag). */
    public static final String EXPOSURES = "lamina.experiments.exposures";

    private final String key;
    private final CompiledExperiment compiled;
    private final String[] names;
    private final Counter[] exposures;
    private final AtomicReferenceArray<Configuration> merged;

    /**
     * @param key       the experiment key
     * @param compiled  the compiled experiment
     * @param names     its variant names, in split order (at least one)
     * @param exposures one counter per variant, or {@code null} for no metrics
     */
    public ExperimentRuntime(String key, CompiledExperiment compiled, List<String> names, List<Counter> exposures) {
        this.key = Objects.requireNonNull(key, "key");
        this.compiled = Objects.requireNonNull(compiled, "compiled");
        this.names = names.toArray(String[]::new);
        this.exposures = exposures == null ? null : exposures.toArray(Counter[]::new);
        this.merged = new AtomicReferenceArray<>(this.names.length);
    }

    /** @return the key */
    public String key() {
        return key;
    }

    /** @return the compiled experiment */
    public CompiledExperiment compiled() {
        return compiled;
    }

    /** @return the first variant of the split (conventionally the control) */
    public String control() {
        return names[0];
    }

    /** @param index a variant index @return its name */
    public String name(int index) {
        return names[index];
    }

    /** @param index a variant index that was just assigned; counts the exposure without allocating */
    public void countExposure(int index) {
        if (exposures != null) {
            exposures[index].increment();
        }
    }

    /** @return the exposure meters, for removal when the manager closes (empty without metrics) */
    public List<Meter> meters() {
        return exposures == null ? List.of() : List.of(exposures);
    }

    /**
     * @param index  a variant index
     * @param base   the snapshot's configuration
     * @param loader the loader that merges
     * @return the base configuration with the variant's configuration merged over it, computed once per variant
     */
    public Configuration mergedConfiguration(int index, Configuration base, ConfigLoader loader) {
        Configuration c = merged.get(index);
        if (c == null) {
            Configuration computed = VariantMerge.merge(base, compiled.configuration(index),
                    "experiments." + key + ".configurations." + names[index], loader);
            // Two threads may both compute it; either result is the same, keep the first.
            merged.compareAndSet(index, null, computed);
            c = merged.get(index);
        }
        return c;
    }
}
