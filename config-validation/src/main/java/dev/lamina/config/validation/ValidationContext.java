package dev.lamina.config.validation;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import java.util.List;

import dev.lamina.config.ConfigObject;
import dev.lamina.config.Layer;

/**
 * What a rule may know about the validation run besides the configuration itself.
 *
 * <p>Immutable and thread-safe; the {@code with…} methods return modified copies.
 *
 * @param configName           the name the caller gave the configuration ({@code staging_config}); never blank
 * @param environment          the environment it is for ({@code production}), in lower case, when known; rules
 *                             {@linkplain ValidationRule#environments() scoped} to environments only run when it
 *                             is known and matches
 * @param complianceFrameworks the compliance frameworks in force ({@code GDPR}, {@code SOX}, {@code HIPAA},
 *                             {@code ISO27001}), in upper case; empty means every framework whose rules were added
 * @param writtenLayers        the layers as written, before interpolation, lowest precedence first, when the
 *                             caller has them (empty when not); rules that care how a value was written (a literal
 *                             secret against {@code ${DB_PASSWORD}}) read these instead of the resolved tree, in
 *                             which an interpolated value looks like a literal
 */
public record ValidationContext(String configName, Optional<String> environment, Set<String> complianceFrameworks,
                                List<Layer> writtenLayers) {

    /** The environment names {@link #isProduction()} recognises. */
    public static final Set<String> PRODUCTION_NAMES = Set.of("production", "prod", "prd", "live");

    /**
     * Normalises and checks the components.
     *
     * @throws NullPointerException     if a component is {@code null}
     * @throws IllegalArgumentException if the config name or environment is blank
     */
    public ValidationContext {
        Objects.requireNonNull(configName, "configName");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(complianceFrameworks, "complianceFrameworks");
        writtenLayers = List.copyOf(writtenLayers);
        if (configName.isBlank()) {
            throw new IllegalArgumentException("config name must not be blank");
        }
        if (environment.isPresent() && environment.get().isBlank()) {
            throw new IllegalArgumentException("environment must not be blank");
        }
        environment = environment.map(e -> e.trim().toLowerCase(Locale.ROOT));
        complianceFrameworks = complianceFrameworks.stream()
                .map(f -> normaliseFramework(f))
                .collect(Collectors.toUnmodifiableSet());
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
     * @param environment the environment
     * @return a copy with that environment
     */
    public ValidationContext withEnvironment(String environment) {
        return new ValidationContext(configName, Optional.of(environment), complianceFrameworks, writtenLayers);
    }

    /**
     * @param frameworks the compliance frameworks in force, for example {@code "GDPR", "SOX"}
     * @return a copy in which only these frameworks' rules run
     */
    public ValidationContext withComplianceFrameworks(String... frameworks) {
        return new ValidationContext(configName, environment, Set.of(frameworks), writtenLayers);
    }

    /**
     * @param layers the layers as written (parsed, not interpolated), lowest precedence first
     * @return a copy carrying them
     */
    public ValidationContext withWrittenLayers(List<Layer> layers) {
        return new ValidationContext(configName, environment, complianceFrameworks, layers);
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
     * @return {@code true} when no frameworks were named (all apply) or this one was
     */
    public boolean frameworkInForce(String framework) {
        return complianceFrameworks.isEmpty() || complianceFrameworks.contains(normaliseFramework(framework));
    }

    /**
     * @return the components, with each written layer shown by name only: layers hold values, which may be secret
     */
    @Override
    public String toString() {
        return "ValidationContext[configName=" + configName + ", environment=" + environment.orElse("<unknown>")
                + ", complianceFrameworks=" + complianceFrameworks + ", writtenLayers="
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
