package dev.lamina.config.flags;

/**
 * An OpenFeature-style call path over a {@link FlagEvaluator}: typed getters returning a
 * {@link ProviderEvaluation}. It follows the shape of an OpenFeature provider so that wrapping it in one is a few
 * lines, without Lamina depending on the OpenFeature SDK.
 *
 * <pre>{@code
 * FlagProvider provider = dynamic.provider();          // follows reloads; or FlagProvider.of(evaluator)
 * ProviderEvaluation<Boolean> on = provider.getBooleanValue("beta_social_features", false, ctx);
 * ProviderEvaluation<String> colour = provider.getStringValue("player_colour", "#000", ctx);
 * }</pre>
 *
 * <p>Never throws on evaluation: an unknown flag gives the default with {@link ProviderEvaluation.ErrorCode#FLAG_NOT_FOUND},
 * a {@code null} context the default with {@link ProviderEvaluation.ErrorCode#INVALID_CONTEXT}.
 * {@link #getBooleanValue} allocates nothing (its results are pre-built); {@link #getStringValue} allocates only when it
 * returns the caller's default. Thread-safe when {@link #evaluator()} is.
 */
@FunctionalInterface
public interface FlagProvider {

    /** @return the evaluator in force; never {@code null} */
    FlagEvaluator evaluator();

    /**
     * @param evaluator a fixed evaluator
     * @return a provider over it
     * @throws NullPointerException if {@code evaluator} is {@code null}
     */
    static FlagProvider of(FlagEvaluator evaluator) {
        java.util.Objects.requireNonNull(evaluator, "evaluator");
        return () -> evaluator;
    }

    /**
     * @param flag         the flag key
     * @param defaultValue the value for an unknown flag or a {@code null} context
     * @param ctx          the context
     * @return whether the flag is on, with the reason; never {@code null}
     */
    default ProviderEvaluation<Boolean> getBooleanValue(String flag, boolean defaultValue, EvaluationContext ctx) {
        return evaluator().booleanEvaluation(flag, defaultValue, ctx);
    }

    /**
     * The string a multivariate flag yields: the chosen variant's payload value when it has a payload, else the
     * variant's name. When the flag is off, the caller's default with the reason; when it is on but declares no
     * variants, the default with {@link ProviderEvaluation.ErrorCode#TYPE_MISMATCH}.
     *
     * @param flag         the flag key
     * @param defaultValue the value when no variant applies; not {@code null}
     * @param ctx          the context
     * @return the value, variant and reason; never {@code null}
     * @throws NullPointerException if {@code defaultValue} is {@code null}
     */
    default ProviderEvaluation<String> getStringValue(String flag, String defaultValue, EvaluationContext ctx) {
        return evaluator().stringEvaluation(flag, java.util.Objects.requireNonNull(defaultValue, "defaultValue"), ctx);
    }
}
