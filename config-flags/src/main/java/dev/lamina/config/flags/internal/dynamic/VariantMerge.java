package dev.lamina.config.flags.internal.dynamic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigLoader;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Configuration;
import dev.lamina.config.Layer;
import dev.lamina.config.ScalarType;
import dev.lamina.config.SecretPolicy;

/**
 * Merges a variant's configuration over a snapshot's configuration through core's public merge
 * ({@link ConfigLoader#fromLayers}): objects key by key, scalars and lists replaced, {@code null} removes.
 */
public final class VariantMerge {

    private VariantMerge() {
    }

    /**
     * @param base    the snapshot's (already resolved) configuration
     * @param variant the variant's configuration (already resolved with the snapshot)
     * @param name    the variant layer's name, for explain
     * @param loader  the loader
     * @return the merged configuration
     */
    public static Configuration merge(Configuration base, ConfigObject variant, String name, ConfigLoader loader) {
        // Both trees are already interpolated; fromLayers interpolates again, so '$' is escaped as '$$' to make
        // that second pass give back exactly the text the snapshot holds.
        return secretsOf(base, loader).fromLayers(List.of(new Layer("configuration", escape(base.root())),
                new Layer(name, escape(variant))));
    }

    /**
     * The merged tree holds the snapshot's values already decrypted and resolved, so the snapshot's knowledge of
     * what is secret (its policy, and the values it decrypted or a resolver marked) is carried over as declared
     * paths: the user's configuration masks exactly what the snapshot masks.
     */
    private static ConfigLoader secretsOf(Configuration base, ConfigLoader loader) {
        SecretPolicy policy = base.secretPolicy();
        List<String> marked = new java.util.ArrayList<>();
        for (ConfigPath p : base.leafPaths()) {
            if (!policy.isSecret(p) && base.isSecret(p.toString())) {
                marked.add(p.toString());
            }
        }
        SecretPolicy carried = marked.isEmpty() ? policy : policy.withPaths(marked);
        return carried.equals(loader.options().secretPolicy()) ? loader
                : new ConfigLoader(loader.options().toBuilder().secretPolicy(carried).build());
    }

    static ConfigObject escape(ConfigObject o) {
        Map<String, ConfigNode> entries = new LinkedHashMap<>();
        boolean changed = false;
        for (Map.Entry<String, ConfigNode> e : o.entries().entrySet()) {
            ConfigNode n = escapeNode(e.getValue());
            changed |= n != e.getValue();
            entries.put(e.getKey(), n);
        }
        return changed ? new ConfigObject(entries, o.origin()) : o;
    }

    private static ConfigNode escapeNode(ConfigNode n) {
        if (n instanceof ConfigObject o) {
            return escape(o);
        }
        if (n instanceof ConfigList l) {
            boolean changed = false;
            List<ConfigNode> items = new java.util.ArrayList<>(l.items().size());
            for (ConfigNode i : l.items()) {
                ConfigNode e = escapeNode(i);
                changed |= e != i;
                items.add(e);
            }
            return changed ? new ConfigList(items, l.origin()) : l;
        }
        if (n instanceof ConfigScalar s && s.type() == ScalarType.STRING && s.text().indexOf('$') >= 0) {
            return new ConfigScalar(s.text().replace("$", "$$"), ScalarType.STRING, s.origin());
        }
        return n;
    }
}
