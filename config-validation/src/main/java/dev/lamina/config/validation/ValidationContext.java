package dev.lamina.config.validation;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.lamina.config.ConfigObject;
import dev.lamina.config.Layer;

/**
 * What a rule may know about the validation run besides the configuration itself.
 *
 * <p>Compliance applies where it is declared: a framework's rules run only when the framework is in
 * {@link #complianceFrameworks()}. The engine adds the frameworks the configuration declares
 * ({@code compliance: {frameworks: [GDPR]}} in any layer, which is also how a geographic profile or a tenant overlay
 * declares them) to those the caller requested here ({@link #requestFrameworks}, a {@link ConfigurationContext}, the
 * CLI's {@code --packs}); with none, no compliance rule runs.
 *
 * <p>Immutable and thread-safe; the {@code with…} methods return modified copies.
 *
 * @param configName           the name the caller gave the configuration ({@code staging_config}); never blank
 * @param environment          the environment it is for ({@code production}), in lower case, when known; rules
 *                             {@linkplain ValidationRule#environments() scoped} to environments only run when it
 *                             is known and matches
 * @param complianceFrameworks the compliance frameworks in force ({@code GDPR}, {@code SOX}, {@code HIPAA},
 *                             {@code ISO27001}, …), normalised with {@link #normaliseFramework}; empty means none
 * @param writtenLayers        the layers as written, before interpolation, lowest precedence first, when the
 *                             caller has them (empty when not); rules that care how a value was written (a literal
 *                             secret against {@code ${DB_PASSWORD}}) read these instead of the resolved tree, in
 *                             which an interpolated value looks like a literal
 * @param frameworkReasons     for each framework in force, why ({@code requested with --packs compliance},
 *                             {@code declared in staging.yaml:3:16}); the report shows them
 * @param tenantId             the tenant whose view is validated, when it is one
 * @param securityLevel        how strictly the security pack applies
 */
public record ValidationContext(String configName, Optional<String> environment, Set<String> complianceFrameworks,
                                List<Layer> writtenLayers, Map<String, String> frameworkReasons,
                                Optional<String> tenantId, SecurityLevel securityLevel) {

    /** The environment names {@link #isProduction()} recognises. */
    public static final Set<String> PRODUCTION_NAMES = Set.of("production", "prod", "prd", "live");

    private static final String REQUESTED = "requested by the caller";

    /**
     * Normalises and checks the components. Every framework in force gets a reason ("requested by the caller" when
     * none is given).
     *
     * @throws NullPointerException     if a component is {@code null}
     * @throws IllegalArgumentException if the config name or environment is blank
     */
    public ValidationContext {
        Objects.requireNonNull(configName, "configName");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(complianceFrameworks, "complianceFrameworks");
        Objects.requireNonNull(frameworkReasons, "frameworkReasons");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(securityLevel, "securityLevel");
        writtenLayers = List.copyOf(writtenLayers);
        if (configName.isBlank()) {
            throw new IllegalArgumentException("config name must not be blank");
        }
        if (environment.isPresent() && environment.get().isBlank()) {
            throw new IllegalArgumentException("environment must not be blank");
        }
        environment = environment.map(e -> e.trim().toLowerCase(Locale.ROOT));
        Map<String, String> reasons = new LinkedHashMap<>();
        frameworkReasons.forEach((f, r) -> reasons.put(normaliseFramework(f), r));
        for (String f : complianceFrameworks) {
            reasons.putIfAbsent(normaliseFramework(f), REQUESTED);
        }
        reasons.keySet().retainAll(complianceFrameworks.stream().map(ValidationContext::normaliseFramework).toList());
        complianceFrameworks = Set.copyOf(reasons.keySet());
        frameworkReasons = Collections.unmodifiableMap(reasons);
    }

    /**
     * The context without reasons, tenant or security level (those default to none, none and
     * {@link SecurityLevel#STANDARD}).
     *
     * @param configName           the configuration's name
     * @param environment          the environment, when known
     * @param complianceFrameworks the frameworks in force
     * @param writtenLayers        the layers as written
     */
    public ValidationContext(String configName, Optional<String> environment, Set<String> complianceFrameworks,
                             List<Layer> writtenLayers) {
        this(configName, environment, complianceFrameworks, writtenLayers, Map.of(), Optional.empty(),
                SecurityLevel.STANDARD);
    }

    /**
     * A context with no environment: environment-scoped rules are skipped.
     *
     * @param configName the configuration's name
     * @return the context
     */
    public static ValidationContext of(String configName) {
        return new ValidationContext(configName, Optional.empty(), Set.of(), List.of());
    }

    /**
     * @param configName  the configuration's name
     * @param environment the environment ({@code production}, {@code staging}, …)
     * @return the context
     */
    public static ValidationContext forEnvironment(String configName, String environment) {
        return new ValidationContext(configName, Optional.of(environment), Set.of(), List.of());
    }

    /**
     * @param configName the configuration's name
     * @param context    who the configuration is for: its environment, tenant, security level and frameworks
     * @return the context
     */
    public static ValidationContext forContext(String configName, ConfigurationContext context) {
        String reason = context.tenantId().map(t -> "declared by tenant " + t)
                .orElse("declared by the configuration context");
        return forEnvironment(configName, context.environment())
                .requestFrameworks(reason, context.complianceFrameworks())
                .withTenant(context.tenantId().orElse(null), context.securityLevel());
    }

    /**
     * @param environment the environment
     * @return a copy with that environment
     */
    public ValidationContext withEnvironment(String environment) {
        return new ValidationContext(configName, Optional.of(environment), complianceFrameworks, writtenLayers,
                frameworkReasons, tenantId, securityLevel);
    }

    /**
     * @param frameworks the compliance frameworks in force, for example {@code "GDPR", "SOX"}, replacing any
     * @return a copy in which these frameworks' rules run (besides those the configuration declares)
     */
    public ValidationContext withComplianceFrameworks(String... frameworks) {
        return new ValidationContext(configName, environment, Set.of(frameworks), writtenLayers, Map.of(), tenantId,
                securityLevel);
    }

    /**
     * @param reason     why they apply, for the report ({@code requested with --packs compliance})
     * @param frameworks frameworks to add to those in force
     * @return a copy with them in force
     */
    public ValidationContext requestFrameworks(String reason, Collection<String> frameworks) {
        Objects.requireNonNull(reason, "reason");
        Map<String, String> reasons = new LinkedHashMap<>(frameworkReasons);
        java.util.Set<String> all = new java.util.LinkedHashSet<>(complianceFrameworks);
        for (String f : frameworks) {
            reasons.putIfAbsent(normaliseFramework(f), reason);
            all.add(normaliseFramework(f));
        }
        return new ValidationContext(configName, environment, all, writtenLayers, reasons, tenantId, securityLevel);
    }

    /**
     * @param tenant the tenant id, or {@code null} for none
     * @param level  the security level
     * @return a copy for that tenant and level
     */
    public ValidationContext withTenant(String tenant, SecurityLevel level) {
        return new ValidationContext(configName, environment, complianceFrameworks, writtenLayers, frameworkReasons,
                Optional.ofNullable(tenant), level);
    }

    /**
     * @param layers the layers as written (parsed, not interpolated), lowest precedence first
     * @return a copy carrying them
     */
    public ValidationContext withWrittenLayers(List<Layer> layers) {
        return new ValidationContext(configName, environment, complianceFrameworks, layers, frameworkReasons,
                tenantId, securityLevel);
    }

    /**
     * @param tree a tree as written (for example one parsed file, or the merged tree before interpolation)
     * @return a copy carrying it as the only written layer
     */
    public ValidationContext withWrittenTree(ConfigObject tree) {
        return withWrittenLayers(List.of(new Layer(tree.origin().source(), tree)));
    }

    /**
     * @param names environment names, compared case-insensitively
     * @return {@code true} when the environment is known and is one of them
     */
    public boolean isEnvironment(Set<String> names) {
        return environment.map(e -> names.stream().anyMatch(n -> n.equalsIgnoreCase(e))).orElse(false);
    }

    /** @return {@code true} when the environment is one of {@link #PRODUCTION_NAMES} */
    public boolean isProduction() {
        return isEnvironment(PRODUCTION_NAMES);
    }

    /**
     * @param framework a framework name ({@code GDPR}, {@code iso 27001}, …)
     * @return {@code true} when it is in force (declared or requested); never when none is
     */
    public boolean frameworkInForce(String framework) {
        return complianceFrameworks.contains(normaliseFramework(framework));
    }

    /**
     * @return the components, with each written layer shown by name only: layers hold values, which may be secret
     */
    @Override
    public String toString() {
        return "ValidationContext[configName=" + configName + ", environment=" + environment.orElse("<unknown>")
                + ", complianceFrameworks=" + frameworkReasons + ", tenant=" + tenantId.orElse("<none>")
                + ", securityLevel=" + securityLevel + ", writtenLayers="
                + writtenLayers.stream().map(Layer::name).toList() + "]";
    }

    /**
     * @param framework a framework name as a user may write it
     * @return the canonical form: upper case without spaces, dashes or underscores ({@code ISO27001})
     */
    public static String normaliseFramework(String framework) {
        return framework.toUpperCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
    }
}
