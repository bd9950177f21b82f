package dev.lamina.config;

import java.util.Objects;
import java.util.Optional;

/**
 * Something a load or reload decided that the user should know about although nothing failed: a selected override
 * file skipped because its conditions do not hold, a region named in two places with different values. The load
 * went ahead; the warning says what was left out and why, so that nothing is ignored silently.
 *
 * <p>Delivered to {@link ConfigChangeListener#onWarning(ConfigWarningEvent)} after each load or reload that
 * succeeds (also when its content was identical and no new version was published), once per warning, in the order
 * the layer providers raised them. Layer providers raise them with {@link LayerContext#warn(String, Origin)}.
 *
 * @param message what was decided and why ({@code Override docker (config/overrides/docker.yml) is selected but
 *                skipped: requires environment in [development, testing], loading production}); never a secret value
 * @param origin  the file (and line) concerned, when there is one
 */
public record ConfigWarningEvent(String message, Optional<Origin> origin) {

    /** Checks that no component is {@code null}. */
    public ConfigWarningEvent {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(origin, "origin");
    }
}
