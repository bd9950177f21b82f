package dev.lamina.config.flags;

import java.util.Locale;

/**
 * The feature flags the product ships with. Their keys are the lower snake case of the constant names,
 * as written under {@code feature_flags:} ({@code ENHANCED_ANOMALY_DETECTION} is
 * {@code enhanced_anomaly_detection}). Applications add their own flags with enums of their own that implement
 * {@link FlagKey}.
 */
public enum FeatureFlags implements FlagKey {
    /** Advanced anomaly detection on listening data. */
    ENHANCED_ANOMALY_DETECTION,
    /** Experimental machine-learning models for recommendations. */
    EXPERIMENTAL_ML_MODELS,
    /** Advanced audio analytics. */
    ADVANCED_AUDIO_ANALYTICS;

    private final String key = name().toLowerCase(Locale.ROOT);

    /** @return the lower snake case of the constant's name */
    @Override
    public String key() {
        return key;
    }
}
