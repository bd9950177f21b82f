package dev.lamina.config.internal.secret;

import java.util.Map;
import java.util.Set;

import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigResolveException;
import dev.lamina.config.Origin;
import dev.lamina.config.ResolvedValue;
import dev.lamina.config.ValueContext;
import dev.lamina.config.ValueDecoder;

/**
 * Decrypts {@code ENC[v1,AES256_GCM,...]} envelopes during resolution, with the scalar's config path as the
 * authenticated data; the result is secret. Accepts any {@code ENC[v<digit>...}, so that an envelope of an
 * unknown version fails loudly instead of being served encrypted. Thread-safe.
 */
public final class EnvelopeDecoder implements ValueDecoder {

    /** The keys a decoder may use. */
    public interface Keys {
        /**
         * @param keyId a key id
         * @return the 32-byte key, or {@code null}
         */
        byte[] key(String keyId);

        /** @return every key id, for messages */
        Set<String> ids();
    }

    /** Why an envelope could not be decrypted; the message names the key id and the reason, never a value. */
    public static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message, null, false, false);
        }
    }

    private final Keys keys;
    private final Map<Origin, ConfigPath> ownPaths;

    /** @param keys the keys */
    public EnvelopeDecoder(Keys keys) {
        this(keys, Map.of());
    }

    private EnvelopeDecoder(Keys keys, Map<Origin, ConfigPath> ownPaths) {
        this.keys = keys;
        this.ownPaths = Map.copyOf(ownPaths);
    }

    /**
     * The authenticated path of a value is its path in its file's own tree, which differs from its merged path when
     * a list was appended or merged by key; values are found by origin (file, line, column).
     *
     * @param ownPaths each envelope's origin and its path in its own layer's tree
     * @return a decoder with the same keys that decrypts those values at their own paths
     */
    public EnvelopeDecoder withOwnPaths(Map<Origin, ConfigPath> ownPaths) {
        return new EnvelopeDecoder(keys, ownPaths);
    }

    @Override
    public boolean accepts(String text) {
        return Envelope.looksLikeEnvelope(text);
    }

    @Override
    public ResolvedValue decode(String text, ValueContext context) {
        try {
            return ResolvedValue.secret(decrypt(keys, ownPaths.getOrDefault(context.origin(), context.path()), text));
        } catch (Failure e) {
            throw new ConfigResolveException(context.origin(), context.path(), e.getMessage());
        }
    }

    /**
     * @param keys     the keys
     * @param path     where the value is read
     * @param envelope the envelope text
     * @return the plaintext
     * @throws Failure naming the reason
     */
    public static String decrypt(Keys keys, ConfigPath path, String envelope) throws Failure {
        Envelope parsed;
        try {
            parsed = Envelope.parse(envelope);
        } catch (Envelope.MalformedException e) {
            throw new Failure(e.getMessage());
        }
        byte[] key = keys.key(parsed.keyId());
        if (key == null) {
            throw new Failure("cannot decrypt: unknown key id '" + parsed.keyId() + "' (the keyring holds "
                    + keys.ids() + "; fix: add that key to the key file or CONFIG_ENCRYPTION_KEY)");
        }
        try {
            return EnvelopeCrypto.decrypt(parsed, key, path.toString());
        } catch (EnvelopeCrypto.AuthenticationException e) {
            throw new Failure("cannot decrypt with key id '" + parsed.keyId() + "': authentication failed (the data, "
                    + "IV or tag was changed, the value was encrypted for another path than " + path
                    + ", or key '" + parsed.keyId() + "' is not the key it was encrypted with; fix: encrypt it again "
                    + "for this path with configctl encrypt --path " + path + ")");
        }
    }

    @Override
    public String toString() {
        return "EnvelopeDecoder" + keys.ids();
    }
}
