package dev.lamina.config;

/**
 * Transforms whole scalar values during resolution, before interpolation: an encrypted envelope
 * ({@code ENC[v1,AES256_GCM,…]}) becomes its plaintext, marked secret. Registered with
 * {@link ConfigurationOptions.Builder#addDecoder(ValueDecoder)}; the first decoder that
 * {@linkplain #accepts(String) accepts} a scalar decodes it, and the result is not interpolated further.
 *
 * <p>Implementations must be thread-safe. {@link #accepts} is called for every string scalar of every load and
 * must be cheap (a prefix test).
 */
public interface ValueDecoder {

    /**
     * @param text a string scalar as written
     * @return {@code true} when this decoder handles it
     */
    boolean accepts(String text);

    /**
     * @param text    a scalar this decoder accepted
     * @param context the scalar's path in the merged tree (use it as authenticated data) and origin
     * @return the decoded value, usually {@linkplain ResolvedValue#secret(String) secret}
     * @throws ConfigResolveException when the value cannot be decoded; the message names the path and the reason
     *                                and never the text, the plaintext or a key
     */
    ResolvedValue decode(String text, ValueContext context);
}
