package dev.lamina.config.internal.tree;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Explanation;
import dev.lamina.config.Explanation.Candidate;
import dev.lamina.config.Layer;
import dev.lamina.config.LayerKind;
import dev.lamina.config.LayerMetadata;
import dev.lamina.config.ListMergeStrategy;
import dev.lamina.config.Origin;
import dev.lamina.config.SecretPolicy;
import dev.lamina.config.spi.Suggestions;

/**
 * Explains a path by replaying the merge for it over the layers: each layer either does not mention the path,
 * sets it (a value or an object that merges), deletes it with a null (at the path or an ancestor), or replaces
 * an ancestor with a scalar or list, which discards what the lower layers had below. Stateless.
 */
final class Explainer {

    private Explainer() {
    }

    /** A layer's effect on the path during the replay. */
    private enum Effect { NONE, VALUE, DELETE, BLOCK }

    /**
     * @param effect   what the layer does to the path
     * @param node     the value, the deleting null, or the blocking scalar/list
     * @param at       where that node is
     * @param list     the outermost list the path passes through in this layer, or {@code null}: that layer
     *                 replaces the lower layers' list whole, so nothing lower survives below it
     * @param listPath the path of that list
     */
    private record Step(Effect effect, ConfigNode node, ConfigPath at, ConfigNode list, ConfigPath listPath) {
    }

    /**
     * @param full     the full path
     * @param p        the shared provenance
     * @param resolved the node in force after interpolation, or {@code null} when absent
     * @return the explanation
     */
    static Explanation explain(ConfigPath full, Provenance p, ConfigNode resolved) {
        boolean secret = p.isSecretPath(full);
        Optional<String> value = Optional.ofNullable(resolved).map(n -> display(n, full, secret, p.policy()));
        Optional<ConfigPath> combinedList = combinedListOnTheWay(full, p);
        if (combinedList.isPresent() && resolved != null) {
            return explainThroughCombinedList(full, p, value, combinedList.get(), secret);
        }

        List<Candidate> candidates = new ArrayList<>();
        int winner = -1;
        boolean winnerIsObject = false;
        int objectsInForce = 0;       // objects merged at this path since the last reset
        int previous = -1;            // candidate the winner overrode; -2: it follows a reset
        int lastValue = -1;           // the most recent non-deleting candidate
        ConfigPath replacedList = null; // set when the winner's layer replaced a list on the way
        Step lastReset = null;        // the delete or replacement that last discarded everything below
        String lastResetLayer = null;
        for (Layer layer : p.layers()) {
            Step step = walk(layer.root(), full);
            if (step.list() != null) {
                winner = -1;
                objectsInForce = 0;
            }
            switch (step.effect()) {
                case NONE -> {
                    if (step.list() != null) {
                        lastReset = new Step(Effect.BLOCK, step.list(), step.listPath(), null, null);
                        lastResetLayer = layer.name();
                    }
                }
                case VALUE -> {
                    boolean merges = step.node() instanceof ConfigObject && winner >= 0 && winnerIsObject;
                    replacedList = null;
                    if (winner >= 0) {
                        previous = winner;
                    } else if (step.list() != null && lastValue >= 0) {
                        previous = lastValue;
                        replacedList = step.listPath();
                    } else {
                        previous = lastReset != null ? -2 : -1;
                    }
                    objectsInForce = merges ? objectsInForce + 1 : (step.node() instanceof ConfigObject ? 1 : 0);
                    candidates.add(new Candidate(layer.name(), step.node().origin(),
                            display(step.node(), full, secret, p.policy()), false, false, layer.metadata()));
                    winner = candidates.size() - 1;
                    lastValue = winner;
                    winnerIsObject = step.node() instanceof ConfigObject;
                }
                case DELETE, BLOCK -> {
                    if (step.effect() == Effect.DELETE) {
                        candidates.add(new Candidate(layer.name(), step.node().origin(), "null", false, true,
                                layer.metadata()));
                    }
                    winner = -1;
                    objectsInForce = 0;
                    lastReset = step;
                    lastResetLayer = layer.name();
                }
                default -> throw new IllegalStateException("unknown effect " + step.effect());
            }
        }

        if (resolved == null || winner < 0) {
            return new Explanation(full, value, candidates, absentReason(full, p, lastReset, lastResetLayer, candidates));
        }
        Candidate w = candidates.get(winner);
        candidates.set(winner, new Candidate(w.layer(), w.origin(), w.displayValue(), true, false, w.metadata()));
        String reason;
        if (objectsInForce > 1) {
            reason = "objects from " + objectsInForce + " layers are merged key by key; " + w.describe()
                    + " is the highest (later layer wins for each key)";
        } else if (previous >= 0) {
            reason = w.describe() + " overrides " + candidates.get(previous).describe() + " (later layer wins"
                    + (replacedList == null ? "" : "; the list " + replacedList + " is replaced whole") + ")";
        } else if (previous == -2 && lastReset != null) {
            reason = w.describe() + " sets it again after " + describeReset(lastReset, lastResetLayer)
                    + " (later layer wins)";
        } else if (w.metadata().kind() != LayerKind.FILE) {
            reason = "set by " + w.describe();
        } else {
            // The origin usually starts with the layer's file name: say it once.
            String origin = w.origin().toString();
            reason = "set only in " + (origin.startsWith(w.layer()) ? origin : w.layer() + " at " + origin);
        }
        return new Explanation(full, value, candidates, reason);
    }

    private static String absentReason(ConfigPath full, Provenance p, Step lastReset, String layer,
                                       List<Candidate> candidates) {
        if (lastReset != null && lastReset.effect() == Effect.DELETE) {
            return "deleted by null in " + layer + " at " + lastReset.node().origin()
                    + (lastReset.at().equals(full) ? "" : " (on the enclosing key " + lastReset.at() + ")");
        }
        if (lastReset != null && !candidates.isEmpty()) {
            return describeReset(lastReset, layer) + " (later layer wins), so nothing is set here";
        }
        List<String> known = new ArrayList<>();
        collectPaths(p.merged(), ConfigPath.root(), known);
        Optional<String> closest = Suggestions.closest(full.toString(), known);
        return "not set in any layer" + closest.map(c -> "; closest existing key: " + c).orElse("");
    }

    private static String describeReset(Step reset, String layer) {
        if (reset.effect() == Effect.DELETE) {
            return "the null at " + reset.node().origin() + " in " + layer + " deleted it";
        }
        return reset.node().origin() + " in " + layer + " replaced " + reset.at() + " with "
                + (reset.node() instanceof ConfigList ? "a list" : "a " + reset.node().kindName());
    }

    /** Replays one layer's tree along the path. */
    private static Step walk(ConfigObject root, ConfigPath full) {
        ConfigNode n = root;
        List<String> segs = full.segments();
        ConfigNode list = null;
        ConfigPath listPath = null;
        for (int i = 0; i < segs.size(); i++) {
            String s = segs.get(i);
            if (n instanceof ConfigObject o) {
                ConfigNode child = o.entries().get(s);
                if (child == null) {
                    return new Step(Effect.NONE, null, null, list, listPath);
                }
                if (child instanceof ConfigNull) {
                    return new Step(Effect.DELETE, child, ConfigPath.of(segs.subList(0, i + 1)), list, listPath);
                }
                n = child;
            } else if (n instanceof ConfigList l) {
                ConfigPath here = ConfigPath.of(segs.subList(0, i));
                int idx = Trees.index(s);
                if (idx < 0 || idx >= l.size()) {
                    // This layer's outermost list on the way replaces the lower ones whole and has no such item.
                    return list == null ? new Step(Effect.BLOCK, l, here, null, null)
                            : new Step(Effect.BLOCK, list, listPath, null, null);
                }
                if (list == null) {
                    list = l;
                    listPath = here;
                }
                n = l.items().get(idx);
            } else {
                return new Step(Effect.BLOCK, n, ConfigPath.of(segs.subList(0, i)), null, null);
            }
        }
        return new Step(Effect.VALUE, n, full, list, listPath);
    }

    /** Finds a list on the way to the path that was appended or merged by key, where index replay is wrong. */
    private static Optional<ConfigPath> combinedListOnTheWay(ConfigPath full, Provenance p) {
        List<String> segs = full.segments();
        for (int i = 0; i < segs.size(); i++) {
            ConfigPath prefix = ConfigPath.of(segs.subList(0, i));
            if (Trees.find(p.merged(), prefix.segments()) instanceof ConfigList
                    && !(p.strategies().strategyFor(prefix) instanceof ListMergeStrategy.Replace)) {
                return Optional.of(prefix);
            }
        }
        return Optional.empty();
    }

    private static Explanation explainThroughCombinedList(ConfigPath full, Provenance p, Optional<String> value,
                                                          ConfigPath list, boolean secret) {
        ConfigNode merged = Trees.find(p.merged(), full.segments());
        String layerName = merged == null ? "merged" : merged.origin().source();
        LayerMetadata metadata = null;
        if (merged != null) {
            for (Layer layer : p.layers()) {
                if (contains(layer.root(), merged)) {
                    layerName = layer.name();
                    metadata = layer.metadata();
                }
            }
        }
        if (metadata == null) {
            metadata = LayerMetadata.of(LayerKind.FILE, layerName);
        }
        Origin origin = merged == null ? Origin.UNKNOWN : merged.origin();
        List<Candidate> candidates = List.of(new Candidate(layerName, origin,
                merged == null ? "null" : display(merged, full, secret, p.policy()), true, false, metadata));
        return new Explanation(full, value, candidates, origin + " supplies it; the list at " + list
                + " combines the layers' items (" + p.strategies().strategyFor(list) + ")");
    }

    /** Identity search: merged trees share unchanged nodes with their layers. */
    private static boolean contains(ConfigNode tree, ConfigNode target) {
        if (tree == target) {
            return true;
        }
        if (tree instanceof ConfigObject o) {
            for (ConfigNode c : o.entries().values()) {
                if (contains(c, target)) {
                    return true;
                }
            }
        } else if (tree instanceof ConfigList l) {
            for (ConfigNode c : l.items()) {
                if (contains(c, target)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void collectPaths(ConfigNode node, ConfigPath path, List<String> out) {
        if (!path.isRoot()) {
            out.add(path.toString());
        }
        if (node instanceof ConfigObject o) {
            for (Map.Entry<String, ConfigNode> e : o.entries().entrySet()) {
                collectPaths(e.getValue(), path.child(e.getKey()), out);
            }
        } else if (node instanceof ConfigList l) {
            for (int i = 0; i < l.size(); i++) {
                collectPaths(l.items().get(i), path.child(i), out);
            }
        }
    }

    /**
     * @param node   a node
     * @param full   its full path
     * @param secret whether the path is secret (by policy or because its written value was encrypted)
     * @param policy the secret policy, which also masks encrypted envelopes
     * @return what explain shows for it
     */
    static String display(ConfigNode node, ConfigPath full, boolean secret, SecretPolicy policy) {
        if (node instanceof ConfigObject) {
            return "object";
        }
        if (node instanceof ConfigList) {
            return "list";
        }
        if (node instanceof ConfigNull) {
            return "null";
        }
        String text = ((ConfigScalar) node).text();
        return secret ? SecretPolicy.MASK : policy.display(full, text);
    }
}
