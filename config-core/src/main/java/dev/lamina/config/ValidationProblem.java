package dev.lamina.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One finding of a {@link ConfigValidator}: where, what, and whether it blocks publication.
 *
 * @param path         the config path concerned ({@link ConfigPath#root()} for the whole configuration)
 * @param origin       where the offending value was written, when known
 * @param message      what is wrong; never contains a secret value
 * @param suggestedFix what to do about it, when the validator knows
 * @param blocking     {@code true} when the configuration must not be published (errors and critical findings)
 */
public record ValidationProblem(ConfigPath path, Optional<Origin> origin, String message,
                                Optional<String> suggestedFix, boolean blocking) {

    /** Checks that no component is {@code null}. */
    public ValidationProblem {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(suggestedFix, "suggestedFix");
    }

    /** @return {@code origin path: message (fix: …)}, the form used in logs and error events */
    public String describe() {
        String base = ConfigException.format(origin.orElse(null), path, message);
        return suggestedFix.map(f -> base + " (fix: " + f + ")").orElse(base);
    }
}
