package dev.lamina.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * A secret value: what {@link Configuration#getSecret(String)} returns and what a record component of this type is
 * bound to. It prints as {@value SecretPolicy#MASK} in {@code toString} (so logging a bound record never leaks it),
 * compares without timing leaks, and gives its plain value only through the explicit {@link #reveal()}.
 *
 * <p>Immutable and thread-safe. The value is held as a {@code String}, so it stays in memory as long as the
 * configuration does; this type guards against accidental printing, not against a heap dump.
 */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    /**
     * @param value the plain value
     * @return the secret
     * @throws NullPointerException if {@code value} is {@code null}
     */
    public static Secret of(String value) {
        return new Secret(Objects.requireNonNull(value, "value"));
    }

    /** @return the plain value: call it only where the value is used, never to log it */
    public String reveal() {
        return value;
    }

    /** @return {@code true} when the value is empty */
    public boolean isEmpty() {
        return value.isEmpty();
    }

    /**
     * Compares in time independent of where the values differ and of their lengths: both are hashed with SHA-256
     * and the digests compared with {@link MessageDigest#isEqual}.
     *
     * @param other another object
     * @return {@code true} for a {@code Secret} with the same value
     */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof Secret s)) {
            return false;
        }
        return MessageDigest.isEqual(digest(value), digest(s.value));
    }

    /**
     * Tests a candidate (a password typed by a user, a presented token) without timing leaks.
     *
     * @param candidate the text to compare with
     * @return {@code true} when it equals the secret
     */
    public boolean matches(String candidate) {
        return MessageDigest.isEqual(digest(value), digest(Objects.requireNonNull(candidate, "candidate")));
    }

    /** @return a constant: a hash of the value would leak information about it, and secrets are not map keys */
    @Override
    public int hashCode() {
        return 0x5ec7e7;
    }

    /** @return {@value SecretPolicy#MASK}, always */
    @Override
    public String toString() {
        return SecretPolicy.MASK;
    }

    private static byte[] digest(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
