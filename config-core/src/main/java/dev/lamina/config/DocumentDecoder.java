package dev.lamina.config;

import java.util.Objects;
import java.util.Set;

/**
 * Transforms a whole parsed document before it is merged: a file encrypted by SOPS (recognised by its top-level
 * {@code sops:} metadata) becomes its decrypted tree, without the metadata. Registered with
 * {@link ConfigurationOptions.Builder#addDocumentDecoder(DocumentDecoder)}; the first decoder that
 * {@linkplain #accepts(ConfigObject) accepts} a layer's tree decodes it. The {@code config-sops} module provides
 * one; core only recognises SOPS files and refuses them when no decoder is registered, so that ciphertext is never
 * served as a value.
 *
 * <p>Implementations must be thread-safe; they run on every load and reload.
 */
public interface DocumentDecoder {

    /**
     * @param root a layer's tree as parsed
     * @return {@code true} when this decoder handles it; cheap (a look at the top-level keys)
     */
    boolean accepts(ConfigObject root);

    /**
     * @param layer the layer whose tree was accepted
     * @return the decoded tree and the paths (in the layer's own tree) whose values were decrypted
     * @throws ConfigException when the document cannot be decoded; never with a plaintext or key in the message
     */
    Decoded decode(Layer layer);

    /**
     * A decoded document.
     *
     * @param root        the plaintext tree
     * @param secretPaths paths whose values were decrypted: secret in the configuration
     */
    record Decoded(ConfigObject root, Set<ConfigPath> secretPaths) {
        /** Copies the set. */
        public Decoded {
            Objects.requireNonNull(root, "root");
            secretPaths = Set.copyOf(secretPaths);
        }

        /** @return the tree and the count of secret paths, never a value */
        @Override
        public String toString() {
            return "Decoded[secretPaths=" + secretPaths.size() + "]";
        }
    }
}
