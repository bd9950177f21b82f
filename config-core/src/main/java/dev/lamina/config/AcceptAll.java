package dev.lamina.config;

import java.util.List;

/**
 * The accept-everything defaults, {@link ConfigValidator#none()} and {@link AuthorizationPolicy#allowAll()}. A class
 * rather than two lambdas because every manager holds them: a lambda is a class spun at run time on first use,
 * which a cold start pays for (docs/performance.md, "Start-up"). Stateless; thread-safe.
 */
final class AcceptAll implements ConfigValidator, AuthorizationPolicy {

    static final AcceptAll INSTANCE = new AcceptAll();

    private AcceptAll() {
    }

    @Override
    public List<ValidationProblem> validate(Configuration candidate, String environment) {
        return List.of();
    }

    @Override
    public boolean isAllowed(Principal principal, ConfigPath path) {
        return true;
    }
}
