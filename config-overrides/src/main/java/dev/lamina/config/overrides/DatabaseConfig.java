package dev.lamina.config.overrides;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code database} section, typed. The password is deliberately not here: read it with
 * {@code config.getString("database.password")} where it is needed, so that it is not carried around in a value that
 * may be logged.
 *
 * @param host the host
 * @param port the port
 * @param name the database name, when set
 * @param user the user, when set
 * @param pool the connection pool
 */
public record DatabaseConfig(String host, int port, Optional<String> name, Optional<String> user, Pool pool) {

    /** Checks that nothing is {@code null}. */
    public DatabaseConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(pool, "pool");
    }

    /**
     * A connection pool ({@code database.pool}); absent keys take the product's defaults: 10, 100, 30 s, 3600 s.
     *
     * @param minSize        {@code min_size}
     * @param maxSize        {@code max_size}
     * @param timeout        {@code timeout}
     * @param recycleTimeout {@code recycle_timeout}
     */
    public record Pool(int minSize, int maxSize, Duration timeout, Duration recycleTimeout) {
        /** Checks that nothing is {@code null}. */
        public Pool {
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(recycleTimeout, "recycleTimeout");
        }
    }
}
