package dev.lamina.config.overrides;

import java.time.Duration;
import java.util.Objects;

/**
 * The {@code api} section, typed; absent keys take the defaults host {@code 0.0.0.0}, port 8000, 4 workers, 30 s.
 *
 * @param host    {@code host}
 * @param port    {@code port}
 * @param workers {@code workers}
 * @param timeout {@code timeout}
 */
public record ApiConfig(String host, int port, int workers, Duration timeout) {

    /** Checks that nothing is {@code null}. */
    public ApiConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(timeout, "timeout");
    }
}
