package dev.lamina.config.validation.internal.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Predicate;

import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Configuration;
import dev.lamina.config.spi.ConfigTrees;
import dev.lamina.config.validation.Severity;
import dev.lamina.config.validation.ValidationResult;
import dev.lamina.config.validation.internal.schema.Secrets;
import dev.lamina.config.validation.internal.tree.Values;

/**
 * One rule's view of one configuration: finds nodes by normalised key name and records failures with the node's
 * origin. Values are quoted through {@link #show}, which masks secret paths.
 */
public final class Scan {

    /**
     * A node with its path, normalised key and normalised path segments. Built by {@link TreeIndex}; immutable once
     * linked.
     */
    public static final class Hit {

        private final ConfigPath path;
        private final ConfigNode node;
        private final String key;
        private final String ownerKey;
        private final List<String> segments;
        private List<Hit> children = List.of();
        private Map<String, Hit> byKey = Map.of();

        Hit(ConfigPath path, ConfigNode node, String key, String ownerKey, List<String> segments) {
            this.path = path;
            this.node = node;
            this.key = key;
            this.ownerKey = ownerKey;
            this.segments = segments;
        }

        void link(List<Hit> children, Map<String, Hit> byKey) {
            this.children = List.copyOf(children);
            this.byKey = Map.copyOf(byKey);
        }

        /** @return the path */
        public ConfigPath path() {
            return path;
        }

        /** @return the node */
        public ConfigNode node() {
            return node;
        }

        /** @return the normalised last key ({@code minReplicas} and {@code min-replicas} give {@code min_replicas}) */
        public String key() {
            return key;
        }

        /** @return the normalised key the value is stored under: for a list item, the list's key ({@code ""} at the root) */
        public String ownerKey() {
            return ownerKey;
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
            for (String name : names) {
                Hit h = byKey.get(name);
                if (h != null) {
                    return Optional.of(h);
                }
            }
            return Optional.empty();
        }

        /** @return the children of an object or list */
        public List<Hit> children() {
            return children;
        }

        /**
         * @param text a normalised fragment
         * @return {@code true} when some segment of the path, normalised, contains the text
         */
        public boolean pathMentions(String text) {
            for (String s : segments) {
                if (s.contains(text)) {
                    return true;
                }
            }
            return false;
        }

        /** @return the number held, see {@link Values#number} */
        public OptionalDouble number() {
            return Values.number(node);
        }

        /** @return the boolean held, see {@link Values#bool} */
        public Optional<Boolean> bool() {
            return Values.bool(node);
        }

        @Override
        public String toString() {
            return path.toString();
        }
    }

    private final TreeRule rule;
    private final Configuration config;
    private final TreeIndex index;
    private final List<ValidationResult> out;

    Scan(TreeRule rule, Configuration config, TreeIndex index, List<ValidationResult> out) {
        this.rule = rule;
        this.config = config;
        this.index = index;
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
        return index.rootHit();
    }

    /** @return every node of the tree, parents first, in document order */
    public List<Hit> all() {
        return index.all();
    }

    /**
     * @param keyTest a test on the normalised last key
     * @return every node stored under a matching key
     */
    public List<Hit> byKey(Predicate<String> keyTest) {
        List<Hit> out = new ArrayList<>();
        for (Hit h : index.all()) {
            if (!h.path().isRoot() && keyTest.test(h.key())) {
                out.add(h);
            }
        }
        return out;
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
     * @param path a path
     * @return {@code true} when the value was written encrypted (an envelope or a SOPS value) or marked secret by a
     *         resolver or decoder: {@link Configuration#isSecretByValue(String)}
     */
    public boolean isSecretByValue(ConfigPath path) {
        return config.isSecretByValue(path.toString());
    }

    /**
     * @param path a path
     * @return {@code true} when the configuration's {@link dev.lamina.config.SecretPolicy} names or declares the path
     *         secret: the half of {@link #isSecret} that says a value must never be written in plain text
     */
    public boolean mustNotBePlainText(ConfigPath path) {
        return config.secretPolicy().isSecret(path);
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
        fail(at, rule.severity(), message, fix);
    }

    /**
     * Records a failure at a node with a severity other than the rule's (when the rule is less certain than usual).
     *
     * @param at       the node concerned
     * @param severity the severity
     * @param message  what is wrong; values only through {@link #show}
     * @param fix      what to do, or {@code null}
     */
    public void fail(Hit at, Severity severity, String message, String fix) {
        out.add(ValidationResult.failure(rule.id(), severity, at.path(), at.node().origin(), message, fix));
    }

    /**
     * Records a failure about something missing at a path.
     *
     * @param path    the path that should exist (the origin of its nearest existing parent is used)
     * @param message what is missing
     * @param fix     what to do, or {@code null}
     */
    public void failMissing(ConfigPath path, String message, String fix) {
        out.add(ValidationResult.failure(rule.id(), rule.severity(), path, ConfigTrees.nearestOrigin(index.root(), path), message,
                fix));
    }
}
