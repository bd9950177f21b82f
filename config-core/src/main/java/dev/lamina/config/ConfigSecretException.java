package dev.lamina.config;

/**
 * A key, an encrypted value or a signature could not be used: a key file open to others, a malformed key, an
 * envelope that does not decrypt, a signature that does not verify. The message names the file or path and the
 * key id, and never a plaintext, a ciphertext or a key.
 */
public class ConfigSecretException extends ConfigException {

    private static final long serialVersionUID = 1L;

    /**
     * @param origin where, or {@code null}
     * @param path   which config path, or {@code null}
     * @param reason what is wrong and how to fix it; never a secret
     */
    public ConfigSecretException(Origin origin, ConfigPath path, String reason) {
        super(origin, path, reason);
    }
}
