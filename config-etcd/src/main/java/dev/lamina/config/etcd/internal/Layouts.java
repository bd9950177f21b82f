package dev.lamina.config.etcd.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lamina.config.ConfigDocuments;
import dev.lamina.config.ConfigLimitException;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigParseException;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Format;
import dev.lamina.config.Layer;
import dev.lamina.config.LayerKind;
import dev.lamina.config.LayerMetadata;
import dev.lamina.config.Origin;
import dev.lamina.config.ParseLimits;
import dev.lamina.config.ScalarType;
import dev.lamina.config.etcd.internal.EtcdHttp.KeyValueData;
import dev.lamina.config.spi.ScalarText;

/**
 * Turns the key-values under a prefix into layers: one tree layer ({@code TREE}) or one layer per document key
 * ({@code DOCUMENTS}). Origins are {@code etcd://<endpoint>/<key>@<mod revision>} (plus the line and column inside a
 * document); the layers' metadata carries the revision the prefix was read at.
 */
public final class Layouts {

    private static final Logger LOG = LoggerFactory.getLogger(Layouts.class);

    private Layouts() {
    }

    /**
     * @param prefix the prefix
     * @return the name of the tree layer, also the source's name: {@code etcd:<prefix>}
     */
    public static String sourceName(String prefix) {
        return "etcd:" + prefix;
    }

    /**
     * @param endpoint the endpoint that served the read
     * @param key      the key
     * @param modRev   its mod revision
     * @param note     appended in parentheses (the last-known-good file), or {@code null}
     * @return the origin source text
     */
    public static String originOf(URI endpoint, String key, long modRev, String note) {
        String k = key.startsWith("/") ? key : "/" + key;
        return "etcd://" + endpoint.getAuthority() + k + "@" + modRev + (note == null ? "" : " (" + note + ")");
    }

    /**
     * One layer holding every key as a scalar.
     *
     * @param prefix   the prefix
     * @param endpoint for origins
     * @param revision the revision read at
     * @param kvs      the key-values, sorted by key
     * @param limits   bounds
     * @param note     origin note, or {@code null}
     * @return the layer
     * @throws ConfigParseException when a value is not UTF-8
     * @throws ConfigLimitException when a bound is exceeded
     */
    public static Layer tree(String prefix, URI endpoint, long revision, List<KeyValueData> kvs, ParseLimits limits,
                             String note) {
        return tree(prefix, endpoint, revision, kvs, limits, note, Map.of(), new HashMap<>());
    }

    /**
     * As {@link #tree(String, URI, long, List, ParseLimits, String)}, reusing the scalars of the previous read for
     * keys that did not change: a watch event changes one key, and the other values keep their instances, so the
     * manager's reload shares them by identity instead of comparing them (and their origins) one by one (see
     * {@link Built}).
     *
     * @param prefix   the prefix
     * @param endpoint for origins
     * @param revision the revision read at
     * @param kvs      the key-values, sorted by key
     * @param limits   bounds
     * @param note     origin note, or {@code null}
     * @param previous the entries built by the previous read, by key
     * @param built    receives the entries of this read, by key (for the next read)
     * @return the layer
     * @throws ConfigParseException when a value is not UTF-8
     * @throws ConfigLimitException when a bound is exceeded
     */
    public static Layer tree(String prefix, URI endpoint, long revision, List<KeyValueData> kvs, ParseLimits limits,
                             String note, Map<String, Built> previous, Map<String, Built> built) {
        if (kvs.size() > limits.maxNodes()) {
            throw new ConfigLimitException(Origin.of(sourceName(prefix)), null, "the prefix holds " + kvs.size()
                    + " keys, more than maxNodes (" + limits.maxNodes() + "); fix: split the configuration or raise "
                    + "ParseLimits.maxNodes");
        }
        String authority = endpoint.getAuthority();
        List<Built> entries = new ArrayList<>(kvs.size());
        for (KeyValueData kv : kvs) {
            Built before = previous.get(kv.key());
            Built entry = before != null && before.sameAs(kv, authority, note) ? before
                    : Built.of(prefix, endpoint, kv, note);
            if (entry == null) {
                continue;
            }
            if (entry.segments.size() > limits.maxDepth()) {
                throw new ConfigLimitException(entry.scalar.origin(), null, "key depth " + entry.segments.size()
                        + " exceeds maxDepth (" + limits.maxDepth() + ")");
            }
            if (entry.scalar.text().length() > limits.maxStringLength()) {
                throw new ConfigLimitException(entry.scalar.origin(), null, "value length "
                        + entry.scalar.text().length() + " exceeds maxStringLength (" + limits.maxStringLength() + ")");
            }
            built.put(kv.key(), entry);
            entries.add(entry);
        }
        // Deeper keys first, so that a key that is both a value and a parent keeps its children (as environment
        // variables do), and the loser is named in a warning. A stable sort: keys of one depth stay in key order.
        entries.sort(BY_DEPTH_DESCENDING);
        Node root = new Node();
        for (Built e : entries) {
            root.put(e.segments, e.scalar, e.key);
        }
        ConfigObject tree = root.build(Origin.of(sourceName(prefix)));
        return new Layer(sourceName(prefix), tree, LayerMetadata.of(LayerKind.REMOTE, "etcd " + prefix
                + " at revision " + revision + (note == null ? "" : " (" + note + ")")).withRevision(Long.toString(revision)));
    }

    private static final java.util.Comparator<Built> BY_DEPTH_DESCENDING =
            (a, b) -> Integer.compare(b.segments.size(), a.segments.size());

    /**
     * One key of the tree layout as the previous read built it: its path segments and scalar. A watch event changes
     * one key; the next read reuses the others' entries (no origin text, split or UTF-8 decoding per key and reload),
     * and their scalar instances, so the manager's reload shares them by identity instead of comparing them. An
     * entry is reused only for the same mod revision, value bytes, endpoint and note, which is exactly what a fresh
     * one would be built from.
     */
    public static final class Built {
        private final String key;
        private final long modRevision;
        private final byte[] value;
        private final String authority;
        private final String note;
        private final List<String> segments;
        private final ConfigScalar scalar;

        private Built(KeyValueData kv, String authority, String note, List<String> segments, ConfigScalar scalar) {
            this.key = kv.key();
            this.modRevision = kv.modRevision();
            this.value = kv.value();
            this.authority = authority;
            this.note = note;
            this.segments = segments;
            this.scalar = scalar;
        }

        /** @return the entry of {@code kv}, or {@code null} for a key naming the prefix itself (logged) */
        static Built of(String prefix, URI endpoint, KeyValueData kv, String note) {
            String rel = kv.key().substring(prefix.length());
            Origin origin = Origin.of(originOf(endpoint, kv.key(), kv.modRevision(), note));
            List<String> segments = new ArrayList<>();
            int start = 0;
            for (int i = 0; i <= rel.length(); i++) {
                if (i == rel.length() || rel.charAt(i) == '/') {
                    if (i > start) {
                        segments.add(rel.substring(start, i));
                    }
                    start = i + 1;
                }
            }
            if (segments.isEmpty()) {
                LOG.warn("Ignoring etcd key {}: it names the prefix itself, not a configuration path", kv.key());
                return null;
            }
            String text = kv.text().orElseThrow(() -> new ConfigParseException(origin, null,
                    "the value is not valid UTF-8; fix: store configuration values as UTF-8 text"));
            return new Built(kv, endpoint.getAuthority(), note, List.copyOf(segments),
                    new ConfigScalar(text, typeOf(text), origin));
        }

        boolean sameAs(KeyValueData kv, String authority, String note) {
            return modRevision == kv.modRevision() && this.authority.equals(authority)
                    && java.util.Objects.equals(this.note, note) && java.util.Arrays.equals(value, kv.value());
        }
    }

    /**
     * One layer per key, each a document.
     *
     * @param prefix   the prefix
     * @param endpoint for origins
     * @param revision the revision read at
     * @param kvs      the key-values, sorted by key
     * @param limits   bounds
     * @param note     origin note, or {@code null}
     * @return the layers in key order
     * @throws ConfigParseException when a document is malformed (the message names the key)
     */
    public static List<Layer> documents(String prefix, URI endpoint, long revision, List<KeyValueData> kvs,
                                        ParseLimits limits, String note) {
        List<Layer> layers = new ArrayList<>();
        for (KeyValueData kv : kvs) {
            String name = originOf(endpoint, kv.key(), kv.modRevision(), note);
            Optional<Format> f = Format.fromFileName(kv.key().substring(kv.key().lastIndexOf('/') + 1));
            Format format = f.orElse(Format.YAML);
            if (format == Format.ENV) {
                throw new ConfigParseException(Origin.of(name), null, "dotenv documents are not read from etcd; fix: "
                        + "store the layer as YAML, JSON, TOML, XML or properties");
            }
            ConfigObject root = ConfigDocuments.parse(name, format, kv.value(), limits);
            layers.add(new Layer("etcd:" + kv.key(), root, LayerMetadata.of(LayerKind.REMOTE, "etcd " + kv.key()
                    + " at revision " + revision + (note == null ? "" : " (" + note + ")")).withRevision(Long.toString(revision))));
        }
        return layers;
    }

    /**
     * etcd values are untyped text; they are typed as a plain YAML 1.2 scalar would be, for rendering only (the
     * getters read the text): a JSON number is a number, {@code true}/{@code false} a boolean, the rest a string.
     */
    static ScalarType typeOf(String text) {
        if ("true".equals(text) || "false".equals(text)) {
            return ScalarType.BOOLEAN;
        }
        if (!text.startsWith("+") && ScalarText.isNumber(text)) {
            return ScalarType.NUMBER;
        }
        return ScalarType.STRING;
    }

    private static int depth(String key) {
        int n = 0;
        for (int i = 0; i < key.length(); i++) {
            if (key.charAt(i) == '/') {
                n++;
            }
        }
        return n;
    }

    /** A mutable tree used while building. */
    private static final class Node {
        final Map<String, Object> children = new LinkedHashMap<>();
        final Map<String, String> keys = new LinkedHashMap<>();

        void put(List<String> segments, ConfigScalar value, String key) {
            Node n = this;
            for (int i = 0; i < segments.size() - 1; i++) {
                String s = segments.get(i);
                Object child = n.children.get(s);
                if (child instanceof ConfigScalar) {
                    LOG.warn("Ignoring etcd key {}: {} holds a value there", key, n.keys.get(s));
                    return;
                }
                if (child == null) {
                    child = new Node();
                    n.children.put(s, child);
                    n.keys.put(s, key);
                }
                n = (Node) child;
            }
            String last = segments.get(segments.size() - 1);
            Object existing = n.children.get(last);
            if (existing != null) {
                LOG.warn("Ignoring etcd key {}: it would set a value on a key that has nested keys from {}", key,
                        n.keys.get(last));
                return;
            }
            n.children.put(last, value);
            n.keys.put(last, key);
        }

        ConfigObject build(Origin origin) {
            Map<String, ConfigNode> entries = new java.util.TreeMap<>();
            children.forEach((k, v) -> entries.put(k, v instanceof Node n ? n.build(origin) : (ConfigNode) v));
            return new ConfigObject(new LinkedHashMap<>(entries), origin);
        }
    }
}
