package dev.lamina.config.validation.internal.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Predicate;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Configuration;
import dev.lamina.config.validation.ValidationResult;
import dev.lamina.config.validation.internal.schema.Secrets;
import dev.lamina.config.validation.internal.tree.Trees;
import dev.lamina.config.validation.internal.tree.Values;

/**
 * One rule's view of one configuration: finds nodes by normalised key name and records failures with the node's
 * origin. Values are quoted through {@link #show}, which masks secret paths.
 */
public final class Scan {

    /** A node and its path. */
    public record Hit(ConfigPath path, ConfigNode node) {

        /** @return the normalised last key ({@code minReplicas} and {@code min-replicas} give {@code min_replicas}) */
        public String key() {
            return normalise(path.last());
        }

        /** @return the node as an object, when it is one */
        public Optional<ConfigObject> object() {
            return node instanceof ConfigObject o ? Optional.of(o) : Optional.empty();
        }

        /**
         * @param names normalised key names, in order of preference
         * @return the first child of this object stored under one of the names
         */
        public Optional<Hit> child(String... names) {
            if (node instanceof ConfigObject o) {
                for (String name : names) {
                    for (Map.Entry<String, ConfigNode> e : o.entries().entrySet()) {
                        if (normalise(e.getKey()).equals(name)) {
                            return Optional.of(new Hit(path.child(e.getKey()), e.getValue()));
                        }
                    }
                }
            }
            return Optional.empty();
        }

        /** @return the children of an object or list, with their paths */
        public List<Hit> children() {
            List<Hit> out = new ArrayList<>();
            if (node instanceof ConfigObject o) {
                o.entries().forEach((k, v) -> out.add(new Hit(path.child(k), v)));
            } else if (node instanceof ConfigList l) {
                for (int i = 0; i < l.size(); i++) {
                    out.add(new Hit(path.child(i), l.items().get(i)));
                }
            }
            return out;
        }

        /** @return {@code true} when some segment of the path, normalised, contains the text */
        public boolean pathMentions(String text) {
            return path.segments().stream().anyMatch(s -> normalise(s).contains(text));
        }

        /** @return the number held, see {@link Values#number} */
        public OptionalDouble number() {
            return Values.number(node);
        }

        /** @return the boolean held, see {@link Values#bool} */
        public Optional<Boolean> bool() {
            return Values.bool(node);
        }
    }

    private final TreeRule rule;
    private final Configuration config;
    private final ConfigObject root;
    private final List<ValidationResult> out;
    private List<Hit> all;

    Scan(TreeRule rule, Configuration config, ConfigObject root, List<ValidationResult> out) {
        this.rule = rule;
        this.config = config;
        this.root = root;
        this.out = out;
    }

    /**
     * @param key a key as written
     * @return lower case, camelCase split with {@code _}, {@code -} and spaces as {@code _}
     */
    public static String normalise(String key) {
        StringBuilder sb = new StringBuilder(key.length() + 4);
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && Character.isLowerCase(key.charAt(i - 1))) {
                sb.append('_');
            }
            sb.append(c == '-' || c == ' ' ? '_' : Character.toLowerCase(c));
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** @return the root, as a hit */
    public Hit root() {
        return new Hit(ConfigPath.root(), root);
    }

    /** @return every node of the tree, parents first, in document order */
    public List<Hit> all() {
        if (all == null) {
            List<Hit> hits = new ArrayList<>();
            Trees.walk(root, (p, n) -> hits.add(new Hit(p, n)));
            all = hits;
        }
        return all;
    }

    /**
     * @param keyTest a test on the normalised last key
     * @return every node stored under a matching key
     */
    public List<Hit> byKey(Predicate<String> keyTest) {
        return all().stream().filter(h -> !h.path().isRoot() && keyTest.test(h.key())).toList();
    }

    /**
     * @param names normalised key names
     * @return every node stored under one of the names
     */
    public List<Hit> byKey(String... names) {
        List<String> list = List.of(names);
        return byKey(list::contains);
    }

    /**
     * @param path a path
     * @return {@code true} when the path is secret for this configuration (its values must not be quoted)
     */
    public boolean isSecret(ConfigPath path) {
        return Secrets.isSecret(config, path);
    }

    /**
     * @param hit a scalar
     * @return its text in quotes, or a description when the path is secret
     */
    public String show(Hit hit) {
        if (isSecret(hit.path())) {
            return "(secret value)";
        }
        return hit.node() instanceof ConfigScalar s ? "'" + s.text() + "'" : hit.node().kindName();
    }

    /**
     * Records a failure at a node.
     *
     * @param at      the node concerned
     * @param message what is wrong; values only through {@link #show}
     * @param fix     what to do, or {@code null}
     */
    public void fail(Hit at, String message, String fix) {
        out.add(ValidationResult.failure(rule.id(), rule.severity(), at.path(), at.node().origin(), message, fix));
    }

    /**
     * Records a failure about something missing at a path.
     *
     * @param path    the path that should exist (the origin of its nearest existing parent is used)
     * @param message what is missing
     * @param fix     what to do, or {@code null}
     */
    public void failMissing(ConfigPath path, String message, String fix) {
        out.add(ValidationResult.failure(rule.id(), rule.severity(), path, Trees.nearestOrigin(root, path), message,
                fix));
    }
}
