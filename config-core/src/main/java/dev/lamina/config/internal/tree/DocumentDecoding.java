package dev.lamina.config.internal.tree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.ConfigSourceException;
import dev.lamina.config.ConfigurationOptions;
import dev.lamina.config.DocumentDecoder;
import dev.lamina.config.Keyring;
import dev.lamina.config.Layer;
import dev.lamina.config.Origin;
import dev.lamina.config.ValueDecoder;
import dev.lamina.config.internal.resolve.ResolveSettings;
import dev.lamina.config.internal.secret.Envelope;
import dev.lamina.config.internal.secret.EnvelopeDecoder;
import dev.lamina.config.spi.ConfigTrees;

/**
 * The encrypted inputs of the pipeline: whole documents decoded before the merge (SOPS files through a
 * {@link DocumentDecoder}; refused when none is registered) and the envelope decoder added after the user's
 * decoders when a keyring is configured or {@code CONFIG_ENCRYPTION_KEY} is set. Immutable; thread-safe.
 */
final class DocumentDecoding {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentDecoding.class);

    private final List<DocumentDecoder> decoders;

    DocumentDecoding(List<DocumentDecoder> decoders) {
        this.decoders = List.copyOf(decoders);
    }

    /**
     * @param options the options
     * @return the user's decoders, then an envelope decoder for the options' keyring or the environment's
     *         {@code CONFIG_ENCRYPTION_KEY}, when either is there
     * @throws dev.lamina.config.ConfigSecretException when {@code CONFIG_ENCRYPTION_KEY} is malformed
     */
    static List<ValueDecoder> withEnvelopeDecoder(ConfigurationOptions options) {
        Optional<Keyring> keyring = options.keyring();
        if (keyring.isEmpty()) {
            keyring = Keyring.fromEnvironment(options.environmentLookup());
        }
        if (keyring.isEmpty()) {
            return options.decoders();
        }
        List<ValueDecoder> all = new ArrayList<>(options.decoders());
        all.add(keyring.get().decoder());
        return all;
    }

    /**
     * @param layers    the layers as read
     * @param decrypted receives the paths decoders decrypted that are not located scalars
     * @param origins   receives the origins of the scalars decoders decrypted
     * @return the layers with every encrypted document decoded
     * @throws dev.lamina.config.ConfigException when a document cannot be decoded, or is a SOPS file and no decoder
     *                                           is registered
     */
    List<Layer> decode(List<Layer> layers, Set<ConfigPath> decrypted, Set<Origin> origins) {
        List<Layer> out = null;
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            Layer decoded = decode(layer, decrypted, origins);
            if (decoded != layer && out == null) {
                out = new ArrayList<>(layers.subList(0, i));
            }
            if (out != null) {
                out.add(decoded);
            }
        }
        return out == null ? List.copyOf(layers) : List.copyOf(out);
    }

    private Layer decode(Layer layer, Set<ConfigPath> decrypted, Set<Origin> origins) {
        for (DocumentDecoder d : decoders) {
            if (d.accepts(layer.root())) {
                DocumentDecoder.Decoded result = d.decode(layer);
                for (ConfigPath p : result.secretPaths()) {
                    // A located scalar is found again after the merge by its origin (its index may change there).
                    ConfigNode n = ConfigTrees.find(result.root(), p).orElse(null);
                    if (n instanceof ConfigScalar s && s.origin() != null && !s.origin().source().isEmpty()) {
                        origins.add(s.origin());
                    } else {
                        decrypted.add(p);
                    }
                }
                return layer.withRoot(result.root());
            }
        }
        if (isSops(layer.root())) {
            throw new ConfigSourceException(layer.root().origin(), null, "this file is encrypted with SOPS (it has a "
                    + "top-level 'sops' block with 'mac' and 'version') and no SOPS decoder is registered (fix: add the "
                    + "config-sops module and ConfigurationOptions.Builder.addDocumentDecoder(SopsDecoder...); "
                    + "configctl reads SOPS_AGE_KEY_FILE or SOPS_AGE_KEY)");
        }
        return layer;
    }

    /**
     * The paths a document decoder reports are paths in its layer's own tree; with an appended or merged-by-key list
     * a value sits at another index after the merge. Finds the merged path of every decrypted scalar by its origin
     * (file, line, column).
     *
     * @param decrypted own paths of decrypted values that are not located scalars (marked as they are)
     * @param origins   the origins of the decrypted scalars
     * @param merged    the merged tree
     * @return the paths to mark secret
     */
    static Set<ConfigPath> mergedDecryptedPaths(Set<ConfigPath> decrypted, Set<Origin> origins, ConfigObject merged) {
        if (origins.isEmpty()) {
            return decrypted;
        }
        Set<ConfigPath> out = new HashSet<>(decrypted);
        collectByOrigin(merged, new ArrayList<>(), origins, out);
        return out;
    }

    private static void collectByOrigin(ConfigNode node, List<String> trail, Set<Origin> origins,
                                        Set<ConfigPath> out) {
        if (node instanceof ConfigObject o) {
            for (Map.Entry<String, ConfigNode> e : o.entries().entrySet()) {
                trail.add(e.getKey());
                collectByOrigin(e.getValue(), trail, origins, out);
                trail.remove(trail.size() - 1);
            }
        } else if (node instanceof ConfigList l) {
            for (int i = 0; i < l.size(); i++) {
                trail.add(Integer.toString(i));
                collectByOrigin(l.items().get(i), trail, origins, out);
                trail.remove(trail.size() - 1);
            }
        } else if (node instanceof ConfigScalar s && origins.contains(s.origin())) {
            out.add(ConfigPath.of(trail));
        }
    }

    /**
     * Binds the envelope decoder to each envelope's path in its own layer's tree (the authenticated path, which
     * {@code configctl encrypt} and rotation use), found at resolution by the value's origin.
     *
     * @param settings the resolve settings
     * @param layers   the decoded layers, before the merge
     * @return the settings, with the envelope decoder bound when any envelope is written in a layer
     */
    private static boolean hasEnvelopeDecoder(List<ValueDecoder> decoders) {
        for (ValueDecoder d : decoders) { // a loop, not a stream: this runs on every cold start
            if (d instanceof EnvelopeDecoder) {
                return true;
            }
        }
        return false;
    }

    static ResolveSettings bindOwnPaths(ResolveSettings settings, List<Layer> layers) {
        if (!hasEnvelopeDecoder(settings.decoders())) {
            return settings;
        }
        Map<Origin, ConfigPath> own = new HashMap<>();
        Set<Origin> ambiguous = new HashSet<>();
        for (Layer layer : layers) {
            collectEnvelopes(layer.root(), new ArrayList<>(), own, ambiguous);
        }
        ambiguous.forEach(own::remove); // two layers with one source name: the merged path decides, as before
        if (own.isEmpty()) {
            return settings;
        }
        List<ValueDecoder> bound = new ArrayList<>();
        for (ValueDecoder d : settings.decoders()) {
            bound.add(d instanceof EnvelopeDecoder e ? e.withOwnPaths(own) : d);
        }
        return settings.withDecoders(bound);
    }

    private static void collectEnvelopes(ConfigNode node, List<String> trail, Map<Origin, ConfigPath> own,
                                         Set<Origin> ambiguous) {
        if (node instanceof ConfigObject o) {
            for (Map.Entry<String, ConfigNode> e : o.entries().entrySet()) {
                trail.add(e.getKey());
                collectEnvelopes(e.getValue(), trail, own, ambiguous);
                trail.remove(trail.size() - 1);
            }
        } else if (node instanceof ConfigList l) {
            for (int i = 0; i < l.size(); i++) {
                trail.add(Integer.toString(i));
                collectEnvelopes(l.items().get(i), trail, own, ambiguous);
                trail.remove(trail.size() - 1);
            }
        } else if (node instanceof ConfigScalar s && s.origin() != null && Envelope.looksLikeEnvelope(s.text())) {
            ConfigPath path = ConfigPath.of(trail);
            ConfigPath before = own.putIfAbsent(s.origin(), path);
            if (before != null && !before.equals(path)) {
                ambiguous.add(s.origin());
            }
        }
    }

    /**
     * @param root a parsed document
     * @return {@code true} when it carries SOPS metadata: a top-level {@code sops} object with {@code mac} and
     *         {@code version}
     */
    static boolean isSops(ConfigObject root) {
        ConfigNode sops = root.entries().get("sops");
        return sops instanceof ConfigObject o && o.entries().containsKey("mac") && o.entries().containsKey("version");
    }

    /**
     * Logs one warning naming the paths of envelopes left encrypted because no decoder took them (no keyring).
     *
     * @param envelopes the paths whose merged value is an {@code ENC[...]} value (found by the configuration, which
     *                  skips what it shares with the previous version: no walk of the whole tree here)
     * @param tree      the resolved tree
     * @param settings  the resolve settings
     */
    static void warnAboutEncryptedValues(Set<ConfigPath> envelopes, ConfigObject tree, ResolveSettings settings) {
        if (envelopes.isEmpty()) {
            return;
        }
        for (ValueDecoder d : settings.decoders()) {
            if (d instanceof EnvelopeDecoder) {
                return;
            }
        }
        List<String> paths = new ArrayList<>();
        for (ConfigPath p : envelopes) {
            ConfigNode node = ConfigTrees.find(tree, p).orElse(null);
            if (node instanceof ConfigScalar s && Envelope.looksLikeEnvelope(s.text())) {
                paths.add(p.toString());
            }
        }
        java.util.Collections.sort(paths);
        if (!paths.isEmpty()) {
            LOG.warn("{} encrypted value(s) left encrypted because no key is configured: {} (fix: set {} or "
                    + "ConfigurationOptions.Builder.keyring(...); configctl takes --key-file)", paths.size(),
                    paths.size() > 10 ? paths.subList(0, 10) + "..." : paths, Keyring.ENVIRONMENT_VARIABLE);
        }
    }
}
