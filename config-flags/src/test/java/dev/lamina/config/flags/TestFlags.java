package dev.lamina.config.flags;

import java.util.Locale;

/** Typed keys for the tests' flag files, declared as an application declares its own. */
enum TestFlags implements FlagKey {
    ENHANCED_ANOMALY_DETECTION,
    EXPERIMENTAL_ML_MODELS,
    ADVANCED_AUDIO_ANALYTICS;

    private final String key = name().toLowerCase(Locale.ROOT);

    @Override
    public String key() {
        return key;
    }
}
