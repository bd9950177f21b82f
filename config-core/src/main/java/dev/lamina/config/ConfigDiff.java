package dev.lamina.config;

import java.util.ArrayList;
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
            return node.map(n -> display(n) + " (" + n.origin().describe() + ")").orElse("(absent)");
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
        return diff(left, right, policy::isSecret);
    }

    private interface SecretTest {
        boolean isSecret(ConfigPath path);
    }

    private static List<Entry> diff(ConfigObject left, ConfigObject right, SecretTest secrets) {
        Map<ConfigPath, ConfigNode> before = Leaves.of(left);
        Map<ConfigPath, ConfigNode> after = Leaves.of(right);
        List<Entry> out = new ArrayList<>();
        after.forEach((path, node) -> {
            ConfigNode was = before.get(path);
            if (was == null || !Leaves.sameValue(was, node)) {
                out.add(entry(path, was, node, secrets));
            }
        });
        before.forEach((path, node) -> {
            if (!after.containsKey(path)) {
                out.add(entry(path, node, null, secrets));
            }
        });
        return List.copyOf(out);
    }

    private static Entry entry(ConfigPath path, ConfigNode left, ConfigNode right, SecretTest secrets) {
        boolean secret = secrets.isSecret(path) || encrypted(left) || encrypted(right);
        return new Entry(path, Optional.ofNullable(left), Optional.ofNullable(right), secret);
    }

    private static boolean encrypted(ConfigNode node) {
        return node instanceof ConfigScalar s && SecretPolicy.isEncrypted(s.text());
    }
}
