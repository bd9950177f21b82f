package dev.lamina.config.internal.tree;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Objects;

import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.Configuration;
import dev.lamina.config.Layer;
import dev.lamina.config.Origin;
import dev.lamina.config.ConfigurationOptions;
import dev.lamina.config.internal.bind.Binder;
import dev.lamina.config.internal.merge.TreeMerger;
import dev.lamina.config.internal.resolve.ResolveSettings;
import dev.lamina.config.internal.resolve.TreeResolver;
import dev.lamina.config.internal.source.FileReads;

/**
 * Merge, resolve and index: what {@link dev.lamina.config.ConfigLoader#fromLayers} does, shared with the manager,
 * which also hands over the configuration being replaced so that unchanged subtrees are shared with it (see
 * {@link TreeConfiguration#following}). Immutable; thread-safe.
 */
public final class LayerPipeline {

    private final ConfigurationOptions options;
    private final TreeMerger merger;
    private final ResolveSettings resolveSettings;
    private final Binder binder;
    private final DocumentDecoding documents;

    /** @param options the options (merge options, resolvers, decoders, environment lookup, directory, secrets) */
    public LayerPipeline(ConfigurationOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.merger = new TreeMerger(options.mergeOptions());
        this.documents = new DocumentDecoding(options.documentDecoders());
        this.resolveSettings = new ResolveSettings(options.environmentLookup(), options.resolvers(),
                DocumentDecoding.withEnvelopeDecoder(options), options.directory(), options.secretPolicy(), options.fileRoots(),
                options.parseLimits().maxStringLength(), new FileReads(options.readTimeout()));
        this.binder = new Binder(options.bindingKeyNaming());
    }

    /**
     * @param layers   the layers, lowest precedence first
     * @param previous the configuration the result replaces, or {@code null}; only sharing depends on it
     * @return the merged, resolved and indexed configuration
     * @throws dev.lamina.config.ConfigException when the merge or an interpolation fails
     */
    public Configuration build(List<Layer> layers, Configuration previous) {
        return build(layers, previous, "");
    }

    /**
     * @param layers          the layers, lowest precedence first
     * @param previous        the configuration the result replaces, or {@code null}
     * @param environmentName the environment being loaded (resolvers and decoders see it); may be empty
     * @return the merged, resolved and indexed configuration
     * @throws dev.lamina.config.ConfigException when the merge, a decoder or an interpolation fails
     */
    public Configuration build(List<Layer> layers, Configuration previous, String environmentName) {
        Set<ConfigPath> decrypted = new HashSet<>();
        Set<Origin> decryptedOrigins = new HashSet<>();
        List<Layer> copy = documents.decode(layers, decrypted, decryptedOrigins);
        ConfigObject merged = merger.merge(copy);
        if (previous instanceof TreeConfiguration before && before.isRootConfiguration()) {
            // The merge builds new objects on every path any layer touches; reusing the previous merged tree's
            // equal subtrees keeps explain's tree shared between versions, and since resolution returns a subtree
            // without templates as it is, the resolved tree then shares with the previous one almost for free.
            merged = Sharing.share(merged, before.mergedTree());
        }
        TreeResolver.Result resolved = TreeResolver.resolveMarking(merged,
                DocumentDecoding.bindOwnPaths(resolveSettings, copy), environmentName);
        Set<ConfigPath> secrets = resolved.secrets();
        if (!decrypted.isEmpty() || !decryptedOrigins.isEmpty()) {
            secrets = new HashSet<>(secrets);
            secrets.addAll(DocumentDecoding.mergedDecryptedPaths(decrypted, decryptedOrigins, merged));
        }
        TreeConfiguration built = TreeConfiguration.following(previous, resolved.tree(), merged, copy,
                options.mergeOptions(), options.secretPolicy(), binder, secrets);
        DocumentDecoding.warnAboutEncryptedValues(built.envelopePaths(), resolved.tree(), resolveSettings);
        return built;
    }
}
