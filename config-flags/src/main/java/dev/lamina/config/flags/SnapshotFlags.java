package dev.lamina.config.flags;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.lamina.config.ConfigException;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.Snapshot;
import dev.lamina.config.flags.internal.dynamic.ExperimentRuntime;
import dev.lamina.config.flags.internal.dynamic.StatusSummaries;

/**
 * Everything {@link DynamicConfigurationManager} needs to evaluate for one published snapshot: the evaluator (the
 * snapshot's own, or the previous one when its definitions were refused, then {@link #failure} is set), the
 * experiments' runtimes and, lazily, the flags' statuses. Immutable apart from that lazily built cache.
 */
final class SnapshotFlags {

    final Snapshot snapshot;
    final long definitionsVersion;
    final FlagEvaluator evaluator;
    final Map<String, ExperimentRuntime> experiments;
    final ConfigException failure;
    private final Optional<ConfigNode> flagsNode;
    private final Optional<ConfigNode> experimentsNode;
    private final ConfigObject definitionsRoot;
    private volatile Map<String, FlagStatus> statuses;

    private SnapshotFlags(Snapshot snapshot, long definitionsVersion, FlagEvaluator evaluator,
                          Map<String, ExperimentRuntime> experiments, Optional<ConfigNode> flagsNode,
                          Optional<ConfigNode> experimentsNode, ConfigObject definitionsRoot, ConfigException failure) {
        this.snapshot = snapshot;
        this.definitionsVersion = definitionsVersion;
        this.evaluator = evaluator;
        this.experiments = experiments;
        this.flagsNode = flagsNode;
        this.experimentsNode = experimentsNode;
        this.definitionsRoot = definitionsRoot;
        this.failure = failure;
    }

    /**
     * @param snapshot the snapshot to answer for
     * @param prev     the state in force, or {@code null} at construction (then a refusal throws)
     * @param clock    the clock
     * @param registry the registry, or {@code null}
     * @param meters   collects the exposure counters registered, for removal on close
     * @return the state for {@code snapshot}
     * @throws RuntimeException (a {@link FlagDefinitionException}) only when {@code prev} is {@code null}
     */
    static SnapshotFlags compile(Snapshot snapshot, SnapshotFlags prev, Clock clock, MeterRegistry registry,
                                 Set<Meter> meters) {
        ConfigObject root = snapshot.configuration().root();
        Optional<ConfigNode> flags = child(root, "feature_flags");
        Optional<ConfigNode> experiments = child(root, "experiments");
        if (prev != null && prev.failure == null && flags.equals(prev.flagsNode)
                && experiments.equals(prev.experimentsNode)) {
            // Definitions unchanged (another key changed): keep the evaluator and its definitions' version; the
            // runtimes are new because their merged configurations are built on this snapshot's configuration.
            return new SnapshotFlags(snapshot, prev.definitionsVersion, prev.evaluator,
                    runtimes(prev.evaluator, registry, meters), flags, experiments, root, null);
        }
        try {
            FlagEvaluator evaluator = FlagDefinitions.compile(root, clock, registry);
            return new SnapshotFlags(snapshot, snapshot.version(), evaluator, runtimes(evaluator, registry, meters),
                    flags, experiments, root, null);
        } catch (RuntimeException e) {
            if (prev == null) {
                throw e;
            }
            // A FlagDefinitionException names every problem; anything else is a bug, still never thrown to readers.
            ConfigException failure = e instanceof ConfigException c ? c : new ConfigException(null, null,
                    "flag definitions failed to compile unexpectedly (" + e.getClass().getName() + ")", e);
            return new SnapshotFlags(snapshot, prev.definitionsVersion, prev.evaluator,
                    runtimes(prev.evaluator, registry, meters), prev.flagsNode, prev.experimentsNode,
                    prev.definitionsRoot, failure);
        }
    }

    private static Map<String, ExperimentRuntime> runtimes(FlagEvaluator evaluator, MeterRegistry registry,
                                                           Set<Meter> meters) {
        Map<String, ExperimentRuntime> out = new HashMap<>();
        evaluator.compiled().experiments().forEach((key, compiled) -> {
            List<String> names = new ArrayList<>(compiled.summary().basisPoints().keySet());
            List<Counter> counters = null;
            if (registry != null) {
                counters = new ArrayList<>();
                for (String n : names) {
                    Counter c = Counter.builder(ExperimentRuntime.EXPOSURES).description("users assigned to a variant")
                            .tag("experiment", key).tag("variant", n).register(registry);
                    counters.add(c);
                    meters.add(c);
                }
            }
            out.put(key, new ExperimentRuntime(key, compiled, names, counters));
        });
        return out;
    }

    /** @return the defined flags' statuses, in declaration order (built on first use) */
    Map<String, FlagStatus> statuses() {
        Map<String, FlagStatus> s = statuses;
        if (s == null) {
            s = StatusSummaries.of(evaluator.flags(), definitionsRoot);
            statuses = s;
        }
        return s;
    }

    /**
     * @param prev the state before
     * @param next the state after
     * @return one event per flag added, removed, or whose definition differs
     */
    static List<FlagChangeEvent> changes(SnapshotFlags prev, SnapshotFlags next) {
        Map<String, FlagStatus> before = prev.statuses();
        Map<String, FlagStatus> after = next.statuses();
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        Snapshot s = next.snapshot;
        String source = s.change().action().name().toLowerCase(Locale.ROOT) + " by " + s.change().who() + ": "
                + s.change().why();
        List<FlagChangeEvent> out = new ArrayList<>();
        for (String k : keys) {
            FlagStatus o = before.get(k);
            FlagStatus n = after.get(k);
            if (o == null || n == null || o.differsFrom(n)) {
                out.add(new FlagChangeEvent(k, Optional.ofNullable(o), Optional.ofNullable(n), source, s.version()));
            }
        }
        return out;
    }

    static Optional<ConfigNode> child(ConfigObject root, String... keys) {
        ConfigNode n = root;
        for (String k : keys) {
            if (!(n instanceof ConfigObject o) || (n = o.entries().get(k)) == null) {
                return Optional.empty();
            }
        }
        return Optional.of(n);
    }
}
