package dev.lamina.config;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Decides which paths hold secrets, so that their values are masked as {@value #MASK} in {@code toString},
 * explain output, events, diffs, exports and messages.
 *
 * <p>A path is secret when any of its segments matches the pattern (case-insensitive, searched, not
 * anchored). The default pattern matches {@code password}, {@code passwd}, {@code secret}, {@code token},
 * {@code api_key}/{@code api-key}/{@code apikey}, {@code private_key}, {@code credentials}; values written as
 * encrypted envelopes are secret wherever they are.
 *
 * @param keyPattern the pattern tested against every key segment
 */
public record SecretPolicy(Pattern keyPattern) {

    /** What a secret value is shown as. */
    public static final String MASK = "***";

    /** The default policy described above. */
    public static final SecretPolicy DEFAULT = new SecretPolicy(Pattern.compile(
            "passw(or)?d|secret|token|api[_-]?key|private[_-]?key|credential",
            Pattern.CASE_INSENSITIVE));

    /** Checks that the pattern is not {@code null}. */
    public SecretPolicy {
        Objects.requireNonNull(keyPattern, "keyPattern");
    }

    /**
     * A policy from a regular expression, matched case-insensitively against each key segment.
     *
     * @param regex the expression
     * @return the policy
     * @throws java.util.regex.PatternSyntaxException if the expression is invalid
     */
    public static SecretPolicy matching(String regex) {
        return new SecretPolicy(Pattern.compile(regex, Pattern.CASE_INSENSITIVE));
    }

    /**
     * @param path a config path
     * @return {@code true} when a segment of the path names a secret
     */
    public boolean isSecret(ConfigPath path) {
        for (String segment : path.segments()) {
            if (keyPattern.matcher(segment).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param path  a config path
     * @param value the value at that path, as text
     * @return {@value #MASK} when the path is secret or the value is an encrypted envelope, else the value
     */
    public String display(ConfigPath path, String value) {
        return isSecret(path) || isEncrypted(value) ? MASK : value;
    }

    /**
     * @param value a scalar's text
     * @return {@code true} when the text is an {@code ENC[...]} envelope
     */
    public static boolean isEncrypted(String value) {
        return value != null && value.startsWith("ENC[") && value.endsWith("]");
    }
}
