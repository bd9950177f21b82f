package dev.lamina.examples;

import java.util.Locale;

import dev.lamina.config.flags.FlagKey;

/**
 * The music-streaming demo service's feature flags: the example domain, kept out of the library so that a
 * generic user of {@code config-flags} never sees it. Their keys are the lower snake case of the constant names,
 * as written under {@code feature_flags:} ({@code ENHANCED_ANOMALY_DETECTION} is
 * {@code enhanced_anomaly_detection}). An application declares its own flags the same way: an enum that
 * implements {@link FlagKey}.
 */
public enum StreamingFlags implements FlagKey {
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
