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
     * manager's reload shares them by identity instead of comparing them (and their origins) one by one. A scalar is
     * reused only under the same origin text (endpoint, key, mod revision, note) and the same value text, which is
     * exactly what a fresh one would hold.
     *
     * @param prefix   the prefix
     * @param endpoint for origins
     * @param revision the revision read at
     * @param kvs      the key-values, sorted by key
     * @param limits   bounds
     * @param note     origin note, or {@code null}
     * @param previous the scalars built by the previous read, by origin text
     * @param built    receives the scalars of this read, by origin text (for the next read)
     * @return the layer
     * @throws ConfigParseException when a value is not UTF-8
     * @throws ConfigLimitException when a bound is exceeded
     */
    public static Layer tree(String prefix, URI endpoint, long revision, List<KeyValueData> kvs, ParseLimits limits,
                             String note, Map<String, ConfigScalar> previous, Map<String, ConfigScalar> built) {
        if (kvs.size() > limits.maxNodes()) {
            throw new ConfigLimitException(Origin.of(sourceName(prefix)), null, "the prefix holds " + kvs.size()
                    + " keys, more than maxNodes (" + limits.maxNodes() + "); fix: split the configuration or raise "
                    + "ParseLimits.maxNodes");
        }
        Node root = new Node();
        // Deeper keys first, so that a key that is both a value and a parent keeps its children (as environment
        // variables do), and the loser is named in a warning.
        List<KeyValueData> sorted = new ArrayList<>(kvs);
        sorted.sort((a, b) -> Integer.compare(depth(b.key()), depth(a.key())));
        for (KeyValueData kv : sorted) {
            String rel = kv.key().substring(prefix.length());
            String originText = originOf(endpoint, kv.key(), kv.modRevision(), note);
            ConfigScalar before = previous.get(originText);
            Origin origin = before != null ? before.origin() : Origin.of(originText);
            List<String> segments = new ArrayList<>();
            for (String s : rel.split("/")) {
                if (!s.isEmpty()) {
                    segments.add(s);
                }
            }
            if (segments.isEmpty()) {
                LOG.warn("Ignoring etcd key {}: it names the prefix itself, not a configuration path", kv.key());
                continue;
            }
            if (segments.size() > limits.maxDepth()) {
                throw new ConfigLimitException(origin, null, "key depth " + segments.size() + " exceeds maxDepth ("
                        + limits.maxDepth() + ")");
            }
            String text = kv.text().orElseThrow(() -> new ConfigParseException(origin, null,
                    "the value is not valid UTF-8; fix: store configuration values as UTF-8 text"));
            if (text.length() > limits.maxStringLength()) {
                throw new ConfigLimitException(origin, null, "value length " + text.length()
                        + " exceeds maxStringLength (" + limits.maxStringLength() + ")");
            }
            ConfigScalar scalar = before != null && before.text().equals(text) ? before
                    : new ConfigScalar(text, typeOf(text), origin);
            built.put(originText, scalar);
            root.put(segments, scalar, kv.key());
        }
        ConfigObject tree = root.build(Origin.of(sourceName(prefix)));
        return new Layer(sourceName(prefix), tree, LayerMetadata.of(LayerKind.REMOTE, "etcd " + prefix
                + " at revision " + revision + (note == null ? "" : " (" + note + ")")).withRevision(Long.toString(revision)));
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
