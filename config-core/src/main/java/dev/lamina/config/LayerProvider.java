package dev.lamina.config;

import java.util.List;

/**
 * Contributes layers to every load and reload of a {@code ConfigurationManager}, above the environment's files
 * and below environment variables and runtime updates. The profiles and overrides modules implement it, so the
 * manager can use them without depending on them.
 *
 * <p>Called on the thread that loads (the caller of {@code loadEnvironmentConfig}, or the reload thread);
 * implementations must be thread-safe. A provider that throws a {@link ConfigException} fails the load: on a
 * reload the last good snapshot stays in force.
 */
@FunctionalInterface
public interface LayerProvider {

    /**
     * @param environment the environment being loaded ({@code staging}, …)
     * @param limits      the bounds any parsing must enforce
     * @return the layers to add, lowest precedence first; empty for none; never {@code null}
     * @throws ConfigException when the layers cannot be produced; the message names the source
     */
    List<Layer> layers(String environment, ParseLimits limits);
}
