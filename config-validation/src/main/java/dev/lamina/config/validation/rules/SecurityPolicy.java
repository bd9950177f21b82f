package dev.lamina.config.validation.rules;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Thresholds of the security pack. Immutable; start from {@link #DEFAULTS} and use the {@code with…} methods.
 *
 * @param encryptionAlgorithms    allowed encryption algorithms (compared ignoring case, {@code -}, {@code _} and spaces)
 * @param jwtAlgorithms           allowed JWT signing algorithms
 * @param minPasswordLength       the least {@code min_length} a password policy may require
 * @param minCharacterClasses     the least number of character classes (upper, lower, digit, special) it may require
 * @param minTokenLifetime        the shortest JWT lifetime accepted
 * @param maxAccessTokenLifetime  the longest JWT access-token lifetime accepted
 * @param maxRefreshTokenLifetime the longest JWT refresh-token lifetime accepted
 */
public record SecurityPolicy(Set<String> encryptionAlgorithms, Set<String> jwtAlgorithms, int minPasswordLength,
                             int minCharacterClasses, Duration minTokenLifetime, Duration maxAccessTokenLifetime,
                             Duration maxRefreshTokenLifetime) {

    /** The documented defaults (see {@code docs/rule-packs.md}). */
    public static final SecurityPolicy DEFAULTS = new SecurityPolicy(
            Set.of("AES-256-GCM", "AES-192-GCM", "AES-128-GCM", "AES-256-GCM-SIV", "ChaCha20-Poly1305",
                    "XChaCha20-Poly1305"),
            Set.of("HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "PS256",
                    "PS384", "PS512", "EdDSA"),
            12, 3, Duration.ofMinutes(1), Duration.ofHours(24), Duration.ofDays(90));

    /**
     * Checks the components.
     *
     * @throws NullPointerException     if a component is {@code null}
     * @throws IllegalArgumentException if a list is empty, a number is out of range or the lifetimes are not ordered
     */
    public SecurityPolicy {
        encryptionAlgorithms = Set.copyOf(encryptionAlgorithms);
        jwtAlgorithms = Set.copyOf(jwtAlgorithms);
        Objects.requireNonNull(minTokenLifetime, "minTokenLifetime");
        Objects.requireNonNull(maxAccessTokenLifetime, "maxAccessTokenLifetime");
        Objects.requireNonNull(maxRefreshTokenLifetime, "maxRefreshTokenLifetime");
        if (encryptionAlgorithms.isEmpty() || jwtAlgorithms.isEmpty()) {
            throw new IllegalArgumentException("algorithm allow-lists must not be empty");
        }
        if (minPasswordLength < 1 || minCharacterClasses < 0 || minCharacterClasses > 4) {
            throw new IllegalArgumentException("minPasswordLength must be >= 1 and minCharacterClasses in 0..4");
        }
        if (minTokenLifetime.isNegative() || minTokenLifetime.compareTo(maxAccessTokenLifetime) > 0
                || minTokenLifetime.compareTo(maxRefreshTokenLifetime) > 0) {
            throw new IllegalArgumentException("token lifetimes must satisfy 0 <= min <= max");
        }
    }

    /**
     * @param algorithms the allowed encryption algorithms
     * @return a copy with them
     */
    public SecurityPolicy withEncryptionAlgorithms(Set<String> algorithms) {
        return new SecurityPolicy(algorithms, jwtAlgorithms, minPasswordLength, minCharacterClasses,
                minTokenLifetime, maxAccessTokenLifetime, maxRefreshTokenLifetime);
    }

    /**
     * @param length  the least password length
     * @param classes the least number of character classes
     * @return a copy with them
     */
    public SecurityPolicy withPasswordPolicy(int length, int classes) {
        return new SecurityPolicy(encryptionAlgorithms, jwtAlgorithms, length, classes, minTokenLifetime,
                maxAccessTokenLifetime, maxRefreshTokenLifetime);
    }

    /**
     * @param min        shortest token lifetime
     * @param maxAccess  longest access-token lifetime
     * @param maxRefresh longest refresh-token lifetime
     * @return a copy with them
     */
    public SecurityPolicy withTokenLifetimes(Duration min, Duration maxAccess, Duration maxRefresh) {
        return new SecurityPolicy(encryptionAlgorithms, jwtAlgorithms, minPasswordLength, minCharacterClasses, min,
                maxAccess, maxRefresh);
    }
}
