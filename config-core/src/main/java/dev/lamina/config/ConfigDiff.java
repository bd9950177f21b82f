package dev.lamina.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import dev.lamina.config.internal.runtime.Leaves;

/**
 * The leaves that differ between two configurations, ignoring origins: what {@code configctl diff} prints and
 * what a {@link ConfigurationManager} turns into {@link ConfigChangeEvent}s, history and audit records (one
 * implementation for all of them).
 *
 * <p>A leaf is a scalar, an explicit null, or an empty object or list. Two leaves are equal when they are of the
 * same kind and, for scalars, have the same {@link ScalarType} and written text: {@code 40} and {@code "40"}
 * differ, a comment or a key moved to another line does not.
 *
 * <pre>{@code
 * for (ConfigDiff.Entry e : ConfigDiff.between(staging, production)) {
 *     System.out.println(e.path() + ": " + e.leftText().orElse("(absent)") + " -> " + e.rightText().orElse("(absent)"));
 * }
 * }</pre>
 *
 * <p>Stateless; the methods are thread-safe and the results immutable.
 */
public final class ConfigDiff {

    private ConfigDiff() {
    }

    /**
     * One leaf that differs.
     *
     * @param path   the leaf's path
     * @param left   the leaf on the left, with its origin; empty when only the right has it
     * @param right  the leaf on the right, with its origin; empty when only the left has it
     * @param secret {@code true} when either side treats the path as secret or either value is an {@code ENC[...]}
     *               envelope: show it only through {@link #leftText()} and {@link #rightText()}
     */
    public record Entry(ConfigPath path, Optional<ConfigNode> left, Optional<ConfigNode> right, boolean secret) {

        /**
         * Checks the components.
         *
         * @throws NullPointerException     if a component is {@code null}
         * @throws IllegalArgumentException if both sides are empty
         */
        public Entry {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
            if (left.isEmpty() && right.isEmpty()) {
                throw new IllegalArgumentException(path + ": a difference needs at least one side");
            }
        }

        /**
         * @return the left value's text as written ({@code null}, <code>{}</code>, {@code []} for those leaves),
         *         {@value SecretPolicy#MASK} for a secret; empty when absent
         */
        public Optional<String> leftText() {
            return left.map(this::display);
        }

        /** @return the right value's text, as {@link #leftText()} describes; empty when absent */
        public Optional<String> rightText() {
            return right.map(this::display);
        }

        /** @return {@code true} when only the right side has the path */
        public boolean isAdded() {
            return left.isEmpty();
        }

        /** @return {@code true} when only the left side has the path */
        public boolean isRemoved() {
            return right.isEmpty();
        }

        /** @return the path and both sides' texts and origins; a secret's values as {@value SecretPolicy#MASK} */
        @Override
        public String toString() {
            return "Entry[path=" + path + ", left=" + side(left) + ", right=" + side(right) + ", secret=" + secret
                    + "]";
        }

        private String side(Optional<ConfigNode> node) {
            // An entry built by hand may say "not secret" for a secret-looking path: its text still masks it.
            return node.map(n -> SecretPolicy.DEFAULT.display(path, display(n)) + " (" + n.origin().describe() + ")")
                    .orElse("(absent)");
        }

        private String display(ConfigNode leaf) {
            return secret ? SecretPolicy.MASK : Leaves.text(leaf);
        }
    }

    /**
     * Compares two configurations. Secrecy is decided by both: a path either side's {@link Configuration#isSecret}
     * reports, or whose value on either side is an {@code ENC[...]} envelope, is secret.
     *
     * @param left  the first configuration (for a change: the old one)
     * @param right the second configuration (for a change: the new one)
     * @return the differing leaves: changed and added ones in the right's document order, then removed ones in the
     *         left's; empty when the trees are equal
     * @throws NullPointerException if an argument is {@code null}
     */
    public static List<Entry> between(Configuration left, Configuration right) {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        return diff(left.root(), right.root(), path -> {
            String p = path.toString();
            return left.isSecret(p) || right.isSecret(p);
        });
    }

    /**
     * Compares two trees. Secrecy is decided by the policy and by {@code ENC[...]} envelopes.
     *
     * @param left   the first tree (for a change: the old one)
     * @param right  the second tree (for a change: the new one)
     * @param policy which paths are secret
     * @return the differing leaves, ordered as by {@link #between(Configuration, Configuration)}
     * @throws NullPointerException if an argument is {@code null}
     */
    public static List<Entry> between(ConfigObject left, ConfigObject right, SecretPolicy policy) {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        Objects.requireNonNull(policy, "policy");
        return diff(left, right, new PolicyTest(policy));
    }

    private interface SecretTest {
        boolean isSecret(ConfigPath path);
    }

    /** A policy as a test; a class, not a method reference: every publish diffs, the first on a cold start. */
    private static final class PolicyTest implements SecretTest {
        private final SecretPolicy policy;

        PolicyTest(SecretPolicy policy) {
            this.policy = policy;
        }

        @Override
        public boolean isSecret(ConfigPath path) {
            return policy.isSecret(path);
        }
    }

    private static List<Entry> diff(ConfigObject left, ConfigObject right, SecretTest secrets) {
        if (left == right) {
            return List.of();
        }
        // Two walks over both trees at once, in the order the result promises: the right's document order for
        // changed and added leaves, then the left's for removed ones. A subtree shared by reference (a manager's
        // next snapshot shares every unchanged subtree with the one it replaces) is skipped whole, and a path is
        // only built for a leaf that differs.
        Walk walk = new Walk(secrets);
        walk.changedAndAdded(left, right);
        walk.removed(left, right);
        return List.copyOf(walk.out);
    }

    /**
     * The state of one diff: the current path as a stack of segments, and the entries found. Segment semantics are
     * those of {@link ConfigPath}: an object key {@code "0"} and list index 0 name the same path, so a container
     * is looked up by segment text whatever its kind.
     */
    private static final class Walk {
        private final SecretTest secrets;
        private final List<Entry> out = new ArrayList<>();
        private String[] stack = new String[16];
        private int depth;

        Walk(SecretTest secrets) {
            this.secrets = secrets;
        }

        /** Children of the root only: the root itself is never a leaf, even when empty. */
        void changedAndAdded(ConfigObject left, ConfigObject right) {
            for (Map.Entry<String, ConfigNode> e : right.entries().entrySet()) {
                push(e.getKey());
                changedAndAdded(left.entries().get(e.getKey()), e.getValue());
                depth--;
            }
        }

        void removed(ConfigObject left, ConfigObject right) {
            for (Map.Entry<String, ConfigNode> e : left.entries().entrySet()) {
                push(e.getKey());
                removed(e.getValue(), right.entries().get(e.getKey()));
                depth--;
            }
        }

        /** Emits every leaf under {@code right} that {@code left} (possibly {@code null}) lacks or has otherwise. */
        private void changedAndAdded(ConfigNode left, ConfigNode right) {
            if (left == right) {
                return;
            }
            if (right instanceof ConfigObject o && !o.isEmpty()) {
                for (Map.Entry<String, ConfigNode> e : o.entries().entrySet()) {
                    push(e.getKey());
                    changedAndAdded(child(left, e.getKey()), e.getValue());
                    depth--;
                }
            } else if (right instanceof ConfigList l && l.size() > 0) {
                List<ConfigNode> items = l.items();
                for (int i = 0; i < items.size(); i++) {
                    String seg = Integer.toString(i);
                    push(seg);
                    changedAndAdded(child(left, seg), items.get(i));
                    depth--;
                }
            } else {
                ConfigNode was = isLeaf(left) ? left : null;
                if (was == null || !Leaves.sameValue(was, right)) {
                    out.add(entry(path(), was, right, secrets));
                }
            }
        }

        /** Emits every leaf under {@code left} at whose path {@code right} (possibly {@code null}) has no leaf. */
        private void removed(ConfigNode left, ConfigNode right) {
            if (left == right) {
                return;
            }
            if (left instanceof ConfigObject o && !o.isEmpty()) {
                for (Map.Entry<String, ConfigNode> e : o.entries().entrySet()) {
                    push(e.getKey());
                    removed(e.getValue(), child(right, e.getKey()));
                    depth--;
                }
            } else if (left instanceof ConfigList l && l.size() > 0) {
                List<ConfigNode> items = l.items();
                for (int i = 0; i < items.size(); i++) {
                    String seg = Integer.toString(i);
                    push(seg);
                    removed(items.get(i), child(right, seg));
                    depth--;
                }
            } else if (!isLeaf(right)) {
                out.add(entry(path(), left, null, secrets));
            }
        }

        private void push(String segment) {
            if (depth == stack.length) {
                stack = Arrays.copyOf(stack, depth * 2);
            }
            stack[depth++] = segment;
        }

        private ConfigPath path() {
            return ConfigPath.of(Arrays.asList(stack).subList(0, depth));
        }
    }

    /** @return {@code true} for a scalar, a null, or an empty object or list; {@code false} for {@code null} */
    private static boolean isLeaf(ConfigNode node) {
        if (node instanceof ConfigObject o) {
            return o.isEmpty();
        }
        if (node instanceof ConfigList l) {
            return l.size() == 0;
        }
        return node != null;
    }

    /** The child a path segment names in a non-empty container, or {@code null}. */
    private static ConfigNode child(ConfigNode node, String segment) {
        if (node instanceof ConfigObject o) {
            return o.entries().get(segment);
        }
        if (node instanceof ConfigList l) {
            int i = indexOf(segment);
            return i >= 0 && i < l.size() ? l.items().get(i) : null;
        }
        return null;
    }

    /** The index whose {@link Integer#toString} is exactly {@code segment}, or -1 (no sign, no leading zero). */
    private static int indexOf(String segment) {
        int n = segment.length();
        if (n == 0 || n > 9 || (n > 1 && segment.charAt(0) == '0')) {
            return -1;
        }
        int v = 0;
        for (int i = 0; i < n; i++) {
            char c = segment.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static Entry entry(ConfigPath path, ConfigNode left, ConfigNode right, SecretTest secrets) {
        boolean secret = secrets.isSecret(path) || encrypted(left) || encrypted(right);
        return new Entry(path, Optional.ofNullable(left), Optional.ofNullable(right), secret);
    }

    private static boolean encrypted(ConfigNode node) {
        return node instanceof ConfigScalar s && SecretPolicy.isEncrypted(s.text());
    }
}
