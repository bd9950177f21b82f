package dev.lamina.config.internal.tree;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Layer;
import dev.lamina.config.SecretPolicy;
import dev.lamina.config.internal.bind.Binder;
import dev.lamina.config.internal.merge.ListStrategies;

/**
 * What a configuration and every sub-configuration taken from it share: the layers it was merged from, the
 * merged tree before interpolation (for explain), the list strategies used, the secret policy, the binder, and
 * the paths whose written value was an encrypted envelope or whose value a resolver or decoder marked secret
 * (secret even after decryption). Immutable.
 *
 * @param layers     the layers, lowest precedence first
 * @param merged     the merged tree before interpolation
 * @param strategies the list strategies of the merge
 * @param policy     the secret policy
 * @param binder     the shared binder
 * @param encrypted  full paths whose merged value is an {@code ENC[...]} envelope, or whose value was marked secret
 * @param envelopes  full paths whose merged value is an {@code ENC[...]} envelope (a subset of {@code encrypted}),
 *                   kept so that the next version's scan can skip the subtrees it shares with this one
 */
record Provenance(List<Layer> layers, ConfigObject merged, ListStrategies strategies, SecretPolicy policy,
                  Binder binder, Set<ConfigPath> encrypted, Set<ConfigPath> envelopes) {

    Provenance {
        layers = List.copyOf(layers);
        Objects.requireNonNull(merged, "merged");
        Objects.requireNonNull(strategies, "strategies");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(binder, "binder");
        encrypted = Set.copyOf(encrypted);
        envelopes = Set.copyOf(envelopes);
    }

    /**
     * @param tree a tree
     * @return the full paths of every scalar written as an encrypted envelope
     */
    static Set<ConfigPath> encryptedPaths(ConfigNode tree) {
        Set<ConfigPath> out = new HashSet<>();
        collectEncrypted(tree, new ArrayList<>(), out);
        return out;
    }

    /**
     * As {@link #encryptedPaths(ConfigNode)}, skipping every subtree {@code tree} shares (by reference) with the
     * previous version's tree, whose envelopes are known: a reload that changes one value of a million scans the
     * path down to it (issue 11: a one-leaf reload walked the whole tree for envelopes, twice).
     *
     * @param tree              the merged tree
     * @param previousTree      the previous version's merged tree
     * @param previousEnvelopes the envelopes found in it
     * @return the full paths of every scalar written as an encrypted envelope
     */
    static Set<ConfigPath> encryptedPaths(ConfigNode tree, ConfigNode previousTree, Set<ConfigPath> previousEnvelopes) {
        Set<ConfigPath> out = new HashSet<>();
        collectChanged(tree, previousTree, new ArrayList<>(), previousEnvelopes, out);
        return out;
    }

    private static void collectChanged(ConfigNode node, ConfigNode before, List<String> trail,
                                       Set<ConfigPath> previousEnvelopes, Set<ConfigPath> out) {
        if (node == before) {
            if (!previousEnvelopes.isEmpty()) {
                ConfigPath at = ConfigPath.of(trail);
                for (ConfigPath p : previousEnvelopes) { // few, if any: envelopes are rare
                    if (p.startsWith(at)) {
                        out.add(p);
                    }
                }
            }
            return;
        }
        if (node instanceof ConfigObject o && before instanceof ConfigObject b) {
            for (Map.Entry<String, ConfigNode> e : o.entries().entrySet()) {
                trail.add(e.getKey());
                ConfigNode was = b.entries().get(e.getKey());
                if (was == null) {
                    collectEncrypted(e.getValue(), trail, out);
                } else {
                    collectChanged(e.getValue(), was, trail, previousEnvelopes, out);
                }
                trail.remove(trail.size() - 1);
            }
        } else if (node instanceof ConfigList l && before instanceof ConfigList b) {
            for (int i = 0; i < l.size(); i++) {
                trail.add(Integer.toString(i));
                if (i < b.size()) {
                    collectChanged(l.items().get(i), b.items().get(i), trail, previousEnvelopes, out);
                } else {
                    collectEncrypted(l.items().get(i), trail, out);
                }
                trail.remove(trail.size() - 1);
            }
        } else {
            collectEncrypted(node, trail, out);
        }
    }

    /** {@code trail} holds the segments down to {@code node}; a path is built only for an encrypted value (rare). */
    private static void collectEncrypted(ConfigNode node, List<String> trail, Set<ConfigPath> out) {
        if (node instanceof ConfigObject o) {
            for (Map.Entry<String, ConfigNode> e : o.entries().entrySet()) {
                trail.add(e.getKey());
                collectEncrypted(e.getValue(), trail, out);
                trail.remove(trail.size() - 1);
            }
        } else if (node instanceof ConfigList l) {
            for (int i = 0; i < l.size(); i++) {
                trail.add(Integer.toString(i));
                collectEncrypted(l.items().get(i), trail, out);
                trail.remove(trail.size() - 1);
            }
        } else if (node instanceof ConfigScalar s && SecretPolicy.isEncrypted(s.text())) {
            out.add(ConfigPath.of(trail));
        }
    }

    /**
     * @param full a full path
     * @return {@code true} when the policy names it secret, its written value was encrypted or it was marked secret
     */
    boolean isSecretPath(ConfigPath full) {
        return policy.isSecret(full) || encrypted.contains(full);
    }

    /**
     * @param full a full path
     * @return {@code true} when its written value was encrypted or it was marked secret (whatever the policy says)
     */
    boolean isSecretByValue(ConfigPath full) {
        return encrypted.contains(full);
    }
}
