package dev.lamina.config;

import java.util.List;

/**
 * Contributes layers to every load and reload of a {@code ConfigurationManager}, above the environment's files
 * and below added sources, environment variables and runtime updates. The profiles and overrides modules
 * implement it, so the manager can use them without depending on them.
 *
 * <p>Providers are applied in ascending {@link #position()} (registration order among equal positions); each
 * sees, through {@link LayerContext#below()}, what the layers under it produce.
 *
 * <p>Called on the thread that loads (the caller of {@code loadEnvironmentConfig}, or the reload thread);
 * implementations must be thread-safe. A provider that throws a {@link ConfigException} fails the load: on a
 * reload the last good snapshot stays in force.
 */
@FunctionalInterface
public interface LayerProvider {

    /** The position of deployment and user profiles. */
    int PROFILES = 100;
    /** The position of geographic profiles: above deployment tuning, so compliance wins. */
    int REGION = 200;
    /** The position of override files. */
    int OVERRIDES = 300;
    /** The position of a provider that does not say. */
    int DEFAULT = 500;

    /**
     * @param context the environment, limits, the configuration below, and file helpers
     * @return the layers to add, lowest precedence first; empty for none; never {@code null}
     * @throws ConfigException when the layers cannot be produced; the message names the source
     */
    List<Layer> layers(LayerContext context);

    /** @return where this provider's layers sit among providers (see the constants); {@link #DEFAULT} */
    default int position() {
        return DEFAULT;
    }
}
