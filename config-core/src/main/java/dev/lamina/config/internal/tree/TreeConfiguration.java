package dev.lamina.config.internal.tree;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.lamina.config.ConfigBindException;
import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigMissingException;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Configuration;
import dev.lamina.config.DataSize;
import dev.lamina.config.Explanation;
import dev.lamina.config.Layer;
import dev.lamina.config.MergeOptions;
import dev.lamina.config.Origin;
import dev.lamina.config.SecretPolicy;
import dev.lamina.config.internal.bind.Binder;
import dev.lamina.config.internal.bind.Conversions;
import dev.lamina.config.internal.bind.ScalarSyntax;
import dev.lamina.config.spi.Suggestions;
import dev.lamina.config.internal.merge.ListStrategies;

/**
 * The {@link Configuration} over an immutable, merged and interpolated tree.
 *
 * <p>Every node is indexed at construction by its canonical path text ({@link ConfigPath#toString()}), so a
 * lookup written canonically ({@code server.port}, {@code brokers[0].host}) is one hash lookup, and converting
 * a scalar on the success path allocates nothing. Other spellings ({@code brokers.0.host}) are parsed first.
 * Sub-configurations from {@link #getConfig} share the layers, the binder and the secret policy, report full
 * paths in messages and explanations, and index their own subtree. Immutable and thread-safe.
 */
public final class TreeConfiguration implements Configuration {

    private final ConfigObject root;
    private final ConfigPath prefix;
    /**
     * Every node by canonical path, with the value of every scalar whose text reads as an {@code int} converted
     * once here so that {@link #getInt} on a canonical path is one probe (parsing the text on each call cost as
     * much as the lookup itself; see GetIntBenchmark in benchmarks/).
     */
    private final PathIndex index;
    private final Provenance provenance;

    /**
     * @param resolved     the merged and interpolated tree
     * @param merged       the merged tree before interpolation (explain shows values as written)
     * @param layers       the layers it was merged from, lowest precedence first
     * @param mergeOptions the merge options used
     * @param policy       which paths are secret
     * @param binder       the binder shared by configurations of one loader
     */
    public TreeConfiguration(ConfigObject resolved, ConfigObject merged, List<Layer> layers, MergeOptions mergeOptions,
                             SecretPolicy policy, Binder binder) {
        this(resolved, merged, layers, mergeOptions, policy, binder, Set.of());
    }

    /**
     * As the six-argument constructor, with paths a resolver or decoder marked secret.
     *
     * @param resolved     the merged and interpolated tree
     * @param merged       the merged tree before interpolation
     * @param layers       the layers, lowest precedence first
     * @param mergeOptions the merge options used
     * @param policy       which paths are secret by name
     * @param binder       the shared binder
     * @param markedSecret full paths whose value was marked secret during resolution
     */
    public TreeConfiguration(ConfigObject resolved, ConfigObject merged, List<Layer> layers, MergeOptions mergeOptions,
                             SecretPolicy policy, Binder binder, Set<ConfigPath> markedSecret) {
        this(resolved, ConfigPath.root(), provenance(merged, layers, mergeOptions, policy, binder, markedSecret,
                Provenance.encryptedPaths(merged)));
    }

    private static Provenance provenance(ConfigObject merged, List<Layer> layers, MergeOptions mergeOptions,
                                         SecretPolicy policy, Binder binder, Set<ConfigPath> markedSecret,
                                         Set<ConfigPath> envelopes) {
        Set<ConfigPath> secret = new java.util.HashSet<>(envelopes);
        secret.addAll(markedSecret);
        return new Provenance(layers, merged, new ListStrategies(mergeOptions), policy, binder, secret, envelopes);
    }

    /** @return the full paths whose merged value is an {@code ENC[...]} envelope */
    Set<ConfigPath> envelopePaths() {
        return provenance.envelopes();
    }

    private TreeConfiguration(ConfigObject root, ConfigPath prefix, Provenance provenance) {
        this.root = Objects.requireNonNull(root, "root");
        this.prefix = prefix;
        this.provenance = provenance;
        this.index = PathIndex.of(root);
    }

    private TreeConfiguration(ConfigObject root, Provenance provenance, TreeConfiguration previous) {
        this.root = root;
        this.prefix = ConfigPath.root();
        this.provenance = provenance;
        this.index = previous.index.following(previous.root, root);
    }

    /**
     * The configuration of {@code resolved}, sharing {@code previous}'s nodes wherever they are equal and building
     * the lookup index from {@code previous}'s by visiting only what is not shared: a reload that changes one
     * value re-indexes the path down to it, not the whole tree. The result is indistinguishable from
     * {@link #TreeConfiguration(ConfigObject, ConfigObject, List, MergeOptions, SecretPolicy, Binder)}.
     *
     * @param previous     the configuration this one replaces, or {@code null}
     * @param resolved     the merged and interpolated tree
     * @param merged       the merged tree before interpolation
     * @param layers       the layers, lowest precedence first
     * @param mergeOptions the merge options used
     * @param policy       which paths are secret
     * @param binder       the binder shared by configurations of one loader
     * @return the configuration
     */
    public static TreeConfiguration following(Configuration previous, ConfigObject resolved, ConfigObject merged,
                                              List<Layer> layers, MergeOptions mergeOptions, SecretPolicy policy,
                                              Binder binder) {
        return following(previous, resolved, merged, layers, mergeOptions, policy, binder, Set.of());
    }

    /**
     * As the seven-argument form, with paths a resolver or decoder marked secret.
     *
     * @param previous     the configuration this one replaces, or {@code null}
     * @param resolved     the merged and interpolated tree
     * @param merged       the merged tree before interpolation
     * @param layers       the layers, lowest precedence first
     * @param mergeOptions the merge options used
     * @param policy       which paths are secret by name
     * @param binder       the shared binder
     * @param markedSecret full paths whose value was marked secret during resolution
     * @return the configuration
     */
    public static TreeConfiguration following(Configuration previous, ConfigObject resolved, ConfigObject merged,
                                              List<Layer> layers, MergeOptions mergeOptions, SecretPolicy policy,
                                              Binder binder, Set<ConfigPath> markedSecret) {
        if (!(previous instanceof TreeConfiguration before) || !before.prefix.isRoot()) {
            return new TreeConfiguration(resolved, merged, layers, mergeOptions, policy, binder, markedSecret);
        }
        Provenance was = before.provenance;
        return new TreeConfiguration(Sharing.share(resolved, before.root),
                provenance(merged, layers, mergeOptions, policy, binder, markedSecret,
                        Provenance.encryptedPaths(merged, was.merged(), was.envelopes())), before);
    }

    /**
     * This configuration without its lookup index, for a history that keeps many versions: the trees are shared
     * between versions (see {@link Sharing}), while each version's index covers every path and would make the
     * history cost a whole configuration per version. {@link Detached#attach()} builds the index again.
     *
     * @return the detached form, or empty for a sub-configuration (whose root is not a version's root)
     */
    public Optional<Detached> detach() {
        return prefix.isRoot() ? Optional.of(new Detached(root, provenance)) : Optional.empty();
    }

    /**
     * A root configuration's tree and provenance without the lookup index. Immutable; thread-safe.
     */
    public static final class Detached {
        private final ConfigObject root;
        private final Provenance provenance;

        private Detached(ConfigObject root, Provenance provenance) {
            this.root = root;
            this.provenance = provenance;
        }

        /**
         * @return a configuration equal in content, provenance and behaviour to the one detached, with its index
         *         built again from the tree (a walk of the whole tree)
         */
        public TreeConfiguration attach() {
            return new TreeConfiguration(root, ConfigPath.root(), provenance);
        }
    }

    /** @return the merged tree before interpolation, which the next version's merged tree shares nodes with */
    ConfigObject mergedTree() {
        return provenance.merged();
    }

    /** @return {@code true} for a root configuration (not one from {@link #getConfig}) */
    boolean isRootConfiguration() {
        return prefix.isRoot();
    }

    /** @return the lookup index, canonical path text to node (for tests of the incremental build) */
    Map<String, ConfigNode> indexView() {
        return index.toMap();
    }

    /** @return the int view of the index (for tests of the incremental build) */
    Map<String, Integer> intsView() {
        return index.intsToMap();
    }

    // ------------------------------------------------------------------ lookup

    /** One hash lookup for canonical text; otherwise parse and retry with the canonical form. */
    private ConfigNode find(String path) {
        ConfigNode n = index.get(path);
        if (n != null) {
            return n;
        }
        String canonical = ConfigPath.parse(path).toString();
        return canonical.equals(path) ? null : index.get(canonical);
    }

    private ConfigNode require(String path) {
        ConfigNode n = find(path);
        if (n == null) {
            ConfigPath full = full(path);
            Optional<String> guess = Suggestions.closest(ConfigPath.parse(path).toString(), index.paths());
            throw new ConfigMissingException(null, full, "no value is set"
                    + guess.filter(g -> !g.isEmpty()).map(g -> " (did you mean " + Trees.concat(prefix, ConfigPath.parse(g)) + "?)").orElse("")
                    + " (fix: add it to a layer, or read it with a getOptional method)");
        }
        return n;
    }

    private ConfigPath full(String path) {
        return Trees.concat(prefix, ConfigPath.parse(path));
    }

    private boolean secretAt(String path, ConfigNode node) {
        return provenance.isSecretPath(full(path))
                || (node instanceof ConfigScalar s && SecretPolicy.isEncrypted(s.text()));
    }

    private boolean isSecretFull(ConfigPath full) {
        return provenance.isSecretPath(full);
    }

    @Override
    public ConfigObject root() {
        return root;
    }

    @Override
    public Optional<ConfigNode> node(String path) {
        return Optional.ofNullable(find(path));
    }

    @Override
    public boolean hasPath(String path) {
        ConfigNode n = find(path);
        return n != null && !(n instanceof ConfigNull);
    }

    // ------------------------------------------------------------------ getters

    @Override
    public String getString(String path) {
        ConfigNode n = index.get(path);
        if (n instanceof ConfigScalar s) {
            return s.text();
        }
        n = require(path);
        return Conversions.toText(n, full(path), secretAt(path, n));
    }

    @Override
    public int getInt(String path) {
        long v = index.intAt(path);
        if (v != PathIndex.NOT_AN_INT) {
            return (int) v;
        }
        // Another spelling of the path, or not an int: the general conversion decides (and names the problem).
        ConfigNode n = require(path);
        return Conversions.toInt(n, full(path), secretAt(path, n));
    }

    @Override
    public long getLong(String path) {
        ConfigNode n = index.get(path);
        if (n instanceof ConfigScalar s && ScalarSyntax.isLongText(s.text())) {
            return Long.parseLong(s.text());
        }
        n = require(path);
        return Conversions.toLong(n, full(path), secretAt(path, n));
    }

    @Override
    public double getDouble(String path) {
        ConfigNode n = require(path);
        return Conversions.toDouble(n, full(path), secretAt(path, n));
    }

    @Override
    public boolean getBoolean(String path) {
        ConfigNode n = index.get(path);
        if (n instanceof ConfigScalar s) {
            if (s.text().equalsIgnoreCase("true")) {
                return true;
            }
            if (s.text().equalsIgnoreCase("false")) {
                return false;
            }
        }
        n = require(path);
        return Conversions.toBoolean(n, full(path), secretAt(path, n));
    }

    @Override
    public Duration getDuration(String path) {
        ConfigNode n = require(path);
        return Conversions.toDuration(n, full(path), secretAt(path, n));
    }

    @Override
    public DataSize getSize(String path) {
        ConfigNode n = require(path);
        return Conversions.toSize(n, full(path), secretAt(path, n));
    }

    @Override
    public <E extends Enum<E>> E getEnum(String path, Class<E> type) {
        Objects.requireNonNull(type, "type");
        ConfigNode n = require(path);
        return Conversions.toEnum(n, type, full(path), secretAt(path, n));
    }

    @Override
    public <T> List<T> getList(String path, Class<T> elementType) {
        Objects.requireNonNull(elementType, "elementType");
        ConfigNode n = require(path);
        ConfigPath full = full(path);
        if (!(n instanceof ConfigList list)) {
            throw Conversions.typeError(n, full, secretAt(path, n), "a list", "write a list, such as [a, b]");
        }
        List<T> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            ConfigPath itemPath = full.child(i);
            out.add(convertElement(list.items().get(i), elementType, itemPath));
        }
        return Collections.unmodifiableList(out);
    }

    @SuppressWarnings("unchecked")
    private <T> T convertElement(ConfigNode item, Class<T> type, ConfigPath path) {
        boolean secret = isSecretFull(path) || (item instanceof ConfigScalar s && SecretPolicy.isEncrypted(s.text()));
        Object v;
        if (type == String.class) {
            v = Conversions.toText(item, path, secret);
        } else if (type == Integer.class || type == int.class) {
            v = Conversions.toInt(item, path, secret);
        } else if (type == Long.class || type == long.class) {
            v = Conversions.toLong(item, path, secret);
        } else if (type == Double.class || type == double.class) {
            v = Conversions.toDouble(item, path, secret);
        } else if (type == Boolean.class || type == boolean.class) {
            v = Conversions.toBoolean(item, path, secret);
        } else if (type == Duration.class) {
            v = Conversions.toDuration(item, path, secret);
        } else if (type == DataSize.class) {
            v = Conversions.toSize(item, path, secret);
        } else if (type.isEnum()) {
            v = toEnum(item, type, path, secret);
        } else {
            if (item instanceof ConfigNull) {
                throw Conversions.typeError(item, path, secret, "an object (" + type.getSimpleName() + ")",
                        "write an object");
            }
            v = provenance.binder().bind(item, path, type, this::isSecretFull);
        }
        return (T) v;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object toEnum(ConfigNode item, Class<?> type, ConfigPath path, boolean secret) {
        return Conversions.toEnum(item, (Class<? extends Enum>) type, path, secret);
    }

    @Override
    public Optional<String> getOptionalString(String path) {
        return optional(path, Conversions::toText);
    }

    @Override
    public Optional<Integer> getOptionalInt(String path) {
        return optional(path, Conversions::toInt);
    }

    @Override
    public Optional<Long> getOptionalLong(String path) {
        return optional(path, Conversions::toLong);
    }

    @Override
    public Optional<Double> getOptionalDouble(String path) {
        return optional(path, Conversions::toDouble);
    }

    @Override
    public Optional<Boolean> getOptionalBoolean(String path) {
        return optional(path, Conversions::toBoolean);
    }

    @Override
    public Optional<Duration> getOptionalDuration(String path) {
        return optional(path, Conversions::toDuration);
    }

    @Override
    public Optional<DataSize> getOptionalSize(String path) {
        return optional(path, Conversions::toSize);
    }

    @Override
    public <E extends Enum<E>> Optional<E> getOptionalEnum(String path, Class<E> type) {
        Objects.requireNonNull(type, "type");
        return optional(path, (n, p, secret) -> Conversions.toEnum(n, type, p, secret));
    }

    private static boolean present(ConfigNode n) {
        return n != null && !(n instanceof ConfigNull);
    }

    /** A conversion as every {@code getOptional…} applies it: node, full path, whether the path is secret. */
    @FunctionalInterface
    private interface Converter<T> {
        T convert(ConfigNode node, ConfigPath path, boolean secret);
    }

    private <T> Optional<T> optional(String path, Converter<T> converter) {
        ConfigNode n = find(path);
        return present(n) ? Optional.of(converter.convert(n, full(path), secretAt(path, n))) : Optional.empty();
    }

    // ------------------------------------------------------------------ binding, views, explain

    @Override
    public <T> T bind(String path, Class<T> type) {
        Objects.requireNonNull(type, "type");
        ConfigNode n = require(path);
        ConfigPath full = full(path);
        if (n instanceof ConfigNull) {
            throw new ConfigBindException(n.origin(), full, "expected an object (" + type.getSimpleName()
                    + "), found null (fix: set a value)");
        }
        return provenance.binder().bind(n, full, type, this::isSecretFull);
    }

    @Override
    public Configuration getConfig(String path) {
        ConfigNode n = require(path);
        ConfigPath full = full(path);
        if (!(n instanceof ConfigObject object)) {
            throw Conversions.typeError(n, full, secretAt(path, n), "an object", "point at an object, such as server");
        }
        return full.equals(prefix) ? this : new TreeConfiguration(object, full, provenance);
    }

    @Override
    public Optional<Origin> origin(String path) {
        return Optional.ofNullable(find(path)).map(ConfigNode::origin);
    }

    /**
     * {@inheritDoc}
     *
     * <p>On a sub-configuration the explanation's path is the full path from the configuration's root.
     */
    @Override
    public Explanation explain(String path) {
        return Explainer.explain(full(path), provenance, find(path));
    }

    @Override
    public List<ConfigPath> leafPaths() {
        return Trees.leafPaths(root);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Numbers unwrap to {@code Long} when written as integers within {@code long} range, else to
     * {@code Double} when a double holds the written value exactly, else to {@code BigDecimal}, so that no
     * digit is silently lost.
     */
    @SuppressWarnings("unchecked")
    @Override
    public Map<String, Object> unwrapped() {
        return (Map<String, Object>) Trees.unwrap(root);
    }

    @Override
    public boolean isSecret(String path) {
        return secretAt(path, find(path));
    }

    @Override
    public boolean isSecretByValue(String path) {
        ConfigNode node = find(path);
        return provenance.isSecretByValue(full(path))
                || (node instanceof ConfigScalar s && SecretPolicy.isEncrypted(s.text()));
    }

    @Override
    public SecretPolicy secretPolicy() {
        return provenance.policy();
    }

    @Override
    public List<Layer> layers() {
        return provenance.layers();
    }

    /** @return the tree as compact JSON with every secret value shown as {@value SecretPolicy#MASK} */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Configuration");
        if (!prefix.isRoot()) {
            sb.append('(').append(prefix).append(')');
        }
        Trees.render(root, prefix, this::isSecretFull, sb);
        return sb.toString();
    }
}
