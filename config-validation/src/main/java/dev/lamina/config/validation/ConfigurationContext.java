package dev.lamina.config.validation;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who a configuration is for (the product's {@code ConfigurationContext(scope, tenant_id, environment,
 * security_level, compliance_frameworks)}): validation of a tenant's view runs the compliance frameworks the tenant
 * declares and holds it to the tenant's security level.
 *
 * <pre>{@code
 * ConfigurationContext acme = ConfigurationContext.tenant("acme", "production", SecurityLevel.HIGH, Set.of("HIPAA"));
 * ValidationReport report = engine.validateConfig(manager.forTenant("acme"), acme);
 * }</pre>
 *
 * @param scope                what the configuration is for
 * @param tenantId             the tenant, for {@link Scope#TENANT}; empty otherwise
 * @param environment          the environment
 * @param securityLevel        how strictly the security pack applies
 * @param complianceFrameworks the frameworks declared for this scope ({@code GDPR}, {@code HIPAA}, …)
 */
public record ConfigurationContext(Scope scope, Optional<String> tenantId, String environment,
                                   SecurityLevel securityLevel, Set<String> complianceFrameworks) {

    /** What a configuration is for. */
    public enum Scope {
        /** The whole service in one environment. */
        ENVIRONMENT,
        /** One tenant's view. */
        TENANT
    }

    /**
     * Checks the components.
     *
     * @throws NullPointerException     if a component is {@code null}
     * @throws IllegalArgumentException if a tenant scope has no tenant id, another scope has one, or the
     *                                  environment is blank
     */
    public ConfigurationContext {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(securityLevel, "securityLevel");
        complianceFrameworks = Set.copyOf(complianceFrameworks);
        if (environment.isBlank()) {
            throw new IllegalArgumentException("environment must not be blank");
        }
        if ((scope == Scope.TENANT) != tenantId.isPresent()) {
            throw new IllegalArgumentException(scope == Scope.TENANT ? "a TENANT context needs a tenant id"
                    : "only a TENANT context has a tenant id");
        }
        tenantId.ifPresent(id -> {
            if (id.isBlank()) {
                throw new IllegalArgumentException("tenant id must not be blank");
            }
        });
    }

    /**
     * @param tenantId      the tenant
     * @param environment   the environment
     * @param securityLevel the tenant's security level
     * @param frameworks    the tenant's compliance frameworks
     * @return a tenant context
     */
    public static ConfigurationContext tenant(String tenantId, String environment, SecurityLevel securityLevel,
                                              Set<String> frameworks) {
        return new ConfigurationContext(Scope.TENANT, Optional.of(tenantId), environment, securityLevel, frameworks);
    }

    /**
     * @param environment the environment
     * @return an environment context with the standard security level and no frameworks of its own
     */
    public static ConfigurationContext environment(String environment) {
        return new ConfigurationContext(Scope.ENVIRONMENT, Optional.empty(), environment, SecurityLevel.STANDARD,
                Set.of());
    }
}
