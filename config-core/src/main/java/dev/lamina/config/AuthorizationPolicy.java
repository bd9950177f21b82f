package dev.lamina.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.lamina.config.internal.runtime.PathPattern;

/**
 * Decides whether a {@link Principal} may change a config path at run time ({@code updateConfig},
 * {@code rollback}, {@code setActiveConfig}). A refused change throws {@link ConfigAccessDeniedException} and is
 * recorded in the audit log; nothing is published.
 *
 * <p>Implementations must be thread-safe and fast: the manager calls them once per changed path.
 */
@FunctionalInterface
public interface AuthorizationPolicy {

    /**
     * @param principal who asks; {@link Principal#anonymous()} when the update named no one
     * @param path      a path the change would set or remove
     * @return {@code true} when the principal may change the path
     */
    boolean isAllowed(Principal principal, ConfigPath path);

    /** @return the default policy: every principal may change every path */
    static AuthorizationPolicy allowAll() {
        return AcceptAll.INSTANCE;
    }

    /**
     * A role-based policy: a principal may change a path when one of its roles has a pattern matching it.
     * Patterns are config paths whose segments may be {@code *} (exactly one segment) or, as the last
     * segment, {@code **} (one or more segments): {@code anomaly_detection.*} allows
     * {@code anomaly_detection.threshold} but not {@code anomaly_detection.model.name};
     * {@code feature_flags.**} allows everything below {@code feature_flags}; {@code **} allows everything.
     * A pattern without wildcards allows exactly that path and everything below it. A principal without a
     * listed role (such as {@link Principal#anonymous()}) may change nothing.
     *
     * @param allowedByRole role name to the patterns it may change; copied
     * @return the policy
     * @throws NullPointerException     if the map, a role or a pattern is {@code null}
     * @throws IllegalArgumentException if a pattern is malformed (for example {@code **} not last)
     */
    static AuthorizationPolicy roles(Map<String, List<String>> allowedByRole) {
        Map<String, List<PathPattern>> compiled = new LinkedHashMap<>();
        allowedByRole.forEach((role, patterns) -> compiled.put(Objects.requireNonNull(role, "role"),
                patterns.stream().map(PathPattern::compile).toList()));
        Map<String, List<PathPattern>> frozen = Map.copyOf(compiled);
        return (principal, path) -> {
            for (String role : principal.roles()) {
                for (PathPattern p : frozen.getOrDefault(role, List.of())) {
                    if (p.matches(path)) {
                        return true;
                    }
                }
            }
            return false;
        };
    }
}
