package dev.lamina.config.profiles;

import java.util.Locale;

/**
 * The built-in deployment profiles. Each is a data file shipped in this module; {@code docs/profiles.md} lists the
 * keys each one sets.
 */
public enum DeploymentProfile {
    /** Throughput first: cache TTL 3600 s, 32 worker threads, aggressive pooling, anomaly detection tuned for volume. */
    HIGH_VOLUME,
    /** Response time first: 15 s timeouts, batch size 500, premium users first. */
    LOW_LATENCY,
    /** Model quality first: sample size 50,000, more ensemble models, stricter thresholds, extended features. */
    HIGH_ACCURACY,
    /** Spend first: fewer resources, longer cache times, batch processing, memory optimised. */
    COST_OPTIMIZED;

    /** @return the name in files and on the command line: lower case with {@code -} ({@code high-volume}) */
    public String profileName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
