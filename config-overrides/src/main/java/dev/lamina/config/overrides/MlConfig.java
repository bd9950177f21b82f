package dev.lamina.config.overrides;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code ml} section (model serving), typed; absent keys take batch size 32 and a 5 s timeout.
 *
 * @param servingUrl   {@code serving_url}, when set
 * @param modelVersion {@code model_version}, when set
 * @param batchSize    {@code batch_size}
 * @param timeout      {@code timeout}
 */
public record MlConfig(Optional<String> servingUrl, Optional<String> modelVersion, int batchSize, Duration timeout) {

    /** Checks that nothing is {@code null}. */
    public MlConfig {
        Objects.requireNonNull(servingUrl, "servingUrl");
        Objects.requireNonNull(modelVersion, "modelVersion");
        Objects.requireNonNull(timeout, "timeout");
    }
}
