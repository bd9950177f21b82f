package dev.lamina.config;

import java.util.Objects;
import java.util.Set;

/**
 * Who asks for a runtime change, as seen by the {@link AuthorizationPolicy} and recorded in the history and
 * the audit log.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name  a name for people to read ({@code alice}, {@code deploy-bot}); never blank
 * @param roles the roles the principal holds, copied; may be empty
 */
public record Principal(String name, Set<String> roles) {

    private static final Principal ANONYMOUS = new Principal("anonymous", Set.of());
    private static final Principal SYSTEM = new Principal("system", Set.of());

    /**
     * Checks and copies the components.
     *
     * @throws NullPointerException     if the name, the set or a role is {@code null}
     * @throws IllegalArgumentException if the name is blank
     */
    public Principal {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("principal name must not be blank");
        }
        roles = Set.copyOf(roles);
    }

    /**
     * @param name  the principal's name
     * @param roles its roles
     * @return a principal
     */
    public static Principal of(String name, String... roles) {
        return new Principal(name, Set.of(roles));
    }

    /** @return the principal used when an update names none: {@code anonymous}, without roles */
    public static Principal anonymous() {
        return ANONYMOUS;
    }

    /** @return the principal recorded for changes the manager makes itself (loads and file reloads) */
    public static Principal system() {
        return SYSTEM;
    }
}
