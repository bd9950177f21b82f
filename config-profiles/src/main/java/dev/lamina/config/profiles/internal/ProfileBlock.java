package dev.lamina.config.profiles.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.lamina.config.ConfigException;
import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Origin;
import dev.lamina.config.ScalarType;
import dev.lamina.config.spi.Suggestions;

/**
 * A profile file's top-level {@code _profile:} block, read and removed from the tree: it is metadata, never part of
 * the configuration. What it {@code implies} for compliance is put back as {@code compliance.frameworks} (with the
 * origin of the {@code implies} entry), so that validation and {@code explain} see which profile declared a
 * framework.
 *
 * @param description what the profile is for, when written
 * @param parents     the profiles it extends, in order, each with where it was written
 * @param frameworks  the compliance frameworks it implies, upper case, in order
 * @param tree        the file's tree without the block, with the implied frameworks added
 */
public record ProfileBlock(Optional<String> description, List<Reference> parents, Set<String> frameworks,
                           ConfigObject tree) {

    /** The key of the block. */
    public static final String KEY = "_profile";

    private static final List<String> KEYS = List.of("description", "extends", "implies");
    private static final List<String> IMPLIES_KEYS = List.of("compliance");

    /**
     * A name written in a file.
     *
     * @param name   the name as written
     * @param origin where
     */
    public record Reference(String name, Origin origin) {
    }

    /**
     * @param root a parsed profile file
     * @return its block (empty values when it has none) and its configuration
     * @throws ConfigException if the block is malformed (names the file, line and column)
     */
    public static ProfileBlock read(ConfigObject root) {
        Optional<ConfigNode> node = root.get(KEY);
        if (node.isEmpty()) {
            return new ProfileBlock(Optional.empty(), List.of(), Set.of(), root);
        }
        if (!(node.get() instanceof ConfigObject block)) {
            throw new ConfigException(node.get().origin(), ConfigPath.of(KEY), "expected an object such as "
                    + "{description: ..., extends: [...], implies: {compliance: [...]}}, found a " + node.get().kindName());
        }
        for (Map.Entry<String, ConfigNode> e : block.entries().entrySet()) {
            if (!KEYS.contains(e.getKey())) {
                throw new ConfigException(e.getValue().origin(), ConfigPath.of(KEY, e.getKey()), "unknown key; "
                        + "recognised: " + String.join(", ", KEYS) + Suggestions.didYouMean(e.getKey(), KEYS));
            }
        }
        Optional<String> description = block.get("description").map(d -> text(d, ConfigPath.of(KEY, "description")));
        List<Reference> parents = block.get("extends").map(e -> names(e, ConfigPath.of(KEY, "extends")))
                .orElse(List.of());
        Set<String> frameworks = new LinkedHashSet<>();
        ConfigObject tree = without(root, KEY);
        Optional<ConfigNode> implies = block.get("implies");
        if (implies.isPresent()) {
            if (!(implies.get() instanceof ConfigObject imp)) {
                throw new ConfigException(implies.get().origin(), ConfigPath.of(KEY, "implies"),
                        "expected an object such as {compliance: [GDPR]}, found a " + implies.get().kindName());
            }
            for (Map.Entry<String, ConfigNode> e : imp.entries().entrySet()) {
                if (!IMPLIES_KEYS.contains(e.getKey())) {
                    throw new ConfigException(e.getValue().origin(), ConfigPath.of(KEY, "implies", e.getKey()),
                            "unknown key; recognised: compliance" + Suggestions.didYouMean(e.getKey(), IMPLIES_KEYS));
                }
            }
            Optional<ConfigNode> compliance = imp.get("compliance");
            if (compliance.isPresent()) {
                List<Reference> named = names(compliance.get(), ConfigPath.of(KEY, "implies", "compliance"));
                named.forEach(r -> frameworks.add(normaliseFramework(r.name())));
                tree = withFrameworks(tree, named, compliance.get().origin());
            }
        }
        return new ProfileBlock(description, List.copyOf(parents),
                java.util.Collections.unmodifiableSet(frameworks), tree);
    }

    /**
     * @param framework a framework as written ({@code uk-gdpr})
     * @return upper case, {@code -} and spaces as {@code _} ({@code UK_GDPR})
     */
    public static String normaliseFramework(String framework) {
        return framework.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace(' ', '_');
    }

    private static String text(ConfigNode node, ConfigPath path) {
        if (node instanceof ConfigScalar s && s.type() == ScalarType.STRING) {
            return s.text();
        }
        throw new ConfigException(node.origin(), path, "expected a string, found a " + node.kindName());
    }

    /** A single name or a list of names. */
    private static List<Reference> names(ConfigNode node, ConfigPath path) {
        List<Reference> out = new ArrayList<>();
        if (node instanceof ConfigScalar s) {
            out.add(new Reference(checkName(s, path), s.origin()));
        } else if (node instanceof ConfigList list) {
            for (int i = 0; i < list.items().size(); i++) {
                ConfigNode item = list.items().get(i);
                if (!(item instanceof ConfigScalar s)) {
                    throw new ConfigException(item.origin(), path.child(i), "expected a name, found a " + item.kindName());
                }
                out.add(new Reference(checkName(s, path.child(i)), s.origin()));
            }
        } else {
            throw new ConfigException(node.origin(), path, "expected a name or a list of names, found a "
                    + node.kindName());
        }
        return out;
    }

    private static String checkName(ConfigScalar s, ConfigPath path) {
        String name = s.text().trim();
        if (!Names.VALID.matcher(name).matches()) {
            throw new ConfigException(s.origin(), path, "invalid name: it must be " + Names.RULE);
        }
        return name;
    }

    private static ConfigObject without(ConfigObject root, String key) {
        Map<String, ConfigNode> entries = new LinkedHashMap<>(root.entries());
        entries.remove(key);
        return new ConfigObject(entries, root.origin());
    }

    /** Adds the implied frameworks to {@code compliance.frameworks}, after any the file lists itself. */
    private static ConfigObject withFrameworks(ConfigObject tree, List<Reference> named, Origin origin) {
        Map<String, ConfigNode> top = new LinkedHashMap<>(tree.entries());
        ConfigObject compliance = tree.get("compliance").filter(ConfigObject.class::isInstance)
                .map(ConfigObject.class::cast).orElse(ConfigObject.empty(origin));
        if (tree.get("compliance").isPresent() && !(tree.get("compliance").get() instanceof ConfigObject)) {
            throw new ConfigException(tree.get("compliance").get().origin(), ConfigPath.of("compliance"),
                    "expected an object such as {frameworks: [GDPR]}, found a " + tree.get("compliance").get().kindName());
        }
        List<ConfigNode> items = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Optional<ConfigNode> existing = compliance.get("frameworks");
        if (existing.isPresent() && existing.get() instanceof ConfigList list) {
            for (ConfigNode n : list.items()) {
                items.add(n);
                if (n instanceof ConfigScalar s) {
                    seen.add(normaliseFramework(s.text()));
                }
            }
        }
        for (Reference r : named) {
            if (seen.add(normaliseFramework(r.name()))) {
                items.add(ConfigScalar.string(r.name(), r.origin()));
            }
        }
        Map<String, ConfigNode> inner = new LinkedHashMap<>(compliance.entries());
        inner.put("frameworks", new ConfigList(items, existing.map(ConfigNode::origin).orElse(origin)));
        top.put("compliance", new ConfigObject(inner, compliance.origin()));
        return new ConfigObject(top, tree.origin());
    }
}
