package dev.lamina.config.flags;

/**
 * A typed name for a feature flag, usually implemented by an application's enum so that flag names are
 * checked by the compiler:
 *
 * <pre>{@code
 * enum MyFlags implements FlagKey {
 *     BETA_SOCIAL_FEATURES;
 *     public String key() { return name().toLowerCase(java.util.Locale.ROOT); }
 * }
 * }</pre>
 *
 * <p>Implementations should return the same string on every call (ideally a constant), since the evaluator
 * looks the flag up by it on every evaluation.
 */
public interface FlagKey {

    /** @return the flag's key as written under {@code feature_flags:}; never {@code null} */
    String key();

    /**
     * The value an evaluation by this key returns when no definition declares the flag (reason
     * {@link Reason#FLAG_NOT_FOUND}); {@code false} unless the key says otherwise.
     *
     * @return the default
     */
    default boolean defaultEnabled() {
        return false;
    }
}
