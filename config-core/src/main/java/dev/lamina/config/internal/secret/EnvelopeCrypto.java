package dev.lamina.config.internal.secret;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with a fresh random 12-byte nonce per encryption and the config path as additional authenticated
 * data. Stateless apart from the shared {@link SecureRandom}, which is thread-safe.
 */
public final class EnvelopeCrypto {

    /** Length of a key in bytes. */
    public static final int KEY_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private EnvelopeCrypto() {
    }

    /** Authentication failed: tampered data, IV or tag, another path, or another key. */
    public static final class AuthenticationException extends Exception {
        private static final long serialVersionUID = 1L;

        AuthenticationException() {
            super(null, null, false, false);
        }
    }

    /** @return 32 fresh random bytes */
    public static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /**
     * @param keyId     the key id written into the envelope
     * @param key       the 32-byte key
     * @param path      the canonical config path (the authenticated data)
     * @param plaintext the value
     * @return the envelope
     */
    public static Envelope encrypt(String keyId, byte[] key, String path, String plaintext) {
        byte[] iv = new byte[Envelope.IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
            cipher.updateAAD(path.getBytes(StandardCharsets.UTF_8));
            byte[] out = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            int split = out.length - Envelope.TAG_BYTES;
            return new Envelope(keyId, iv, Arrays.copyOfRange(out, 0, split), Arrays.copyOfRange(out, split, out.length));
        } catch (GeneralSecurityException e) {
            // AES/GCM is mandatory in every JDK: this is a broken runtime, and the message holds no secret.
            throw new IllegalStateException("AES/GCM is not available: " + e.getClass().getName());
        }
    }

    /**
     * @param envelope the envelope
     * @param key      the key its id names
     * @param path     the canonical config path the value is read at
     * @return the plaintext
     * @throws AuthenticationException when the tag does not verify
     */
    public static String decrypt(Envelope envelope, byte[] key, String path) throws AuthenticationException {
        byte[] in = new byte[envelope.ciphertext().length + envelope.tag().length];
        System.arraycopy(envelope.ciphertext(), 0, in, 0, envelope.ciphertext().length);
        System.arraycopy(envelope.tag(), 0, in, envelope.ciphertext().length, envelope.tag().length);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, envelope.iv()));
            cipher.updateAAD(path.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(in);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new AuthenticationException();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is not available: " + e.getClass().getName());
        }
    }
}
