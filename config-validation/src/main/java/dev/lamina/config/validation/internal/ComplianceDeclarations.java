package dev.lamina.config.validation.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Configuration;
import dev.lamina.config.Layer;
import dev.lamina.config.LayerKind;
import dev.lamina.config.Origin;
import dev.lamina.config.spi.ConfigTrees;
import dev.lamina.config.validation.SecurityLevel;
import dev.lamina.config.validation.Severity;
import dev.lamina.config.validation.ValidationContext;
import dev.lamina.config.validation.ValidationResult;
import dev.lamina.config.validation.ValidationRule;

/**
 * Compliance applies where it is declared. Collects the frameworks a configuration declares
 * ({@code compliance.frameworks} in any layer as written: a file, a geographic profile, a profile's
 * {@code implies}, a tenant overlay) on top of those the caller requested, each with the reason the report shows;
 * then places findings: a finding about an absent section (which a rule can only place at the root of a tree) is
 * moved to where the framework was declared, or, when the caller requested it, to the file without a line, since
 * {@code staging.yaml:1:1} would point at a line that has nothing to do with it.
 *
 * <p>A declaration is a union over the layers: a higher layer cannot un-declare a framework a lower one declared
 * (a cost profile cannot switch GDPR off).
 */
public final class ComplianceDeclarations {

    /** The path frameworks are declared at. */
    public static final ConfigPath PATH = ConfigPath.of("compliance", "frameworks");

    /** Frameworks whose rules include another's: UK GDPR is checked with the GDPR rules. */
    private static final Map<String, String> INCLUDES = Map.of("UKGDPR", "GDPR");

    private final ValidationContext context;
    private final Map<String, Origin> declaredAt;
    private final Set<Origin> roots;
    private final List<ValidationResult> problems;

    private ComplianceDeclarations(ValidationContext context, Map<String, Origin> declaredAt, Set<Origin> roots,
                                   List<ValidationResult> problems) {
        this.context = context;
        this.declaredAt = declaredAt;
        this.roots = roots;
        this.problems = problems;
    }

    /**
     * @param config    the configuration validated
     * @param requested the caller's context
     * @return the declarations, and the context with every framework in force
     */
    public static ComplianceDeclarations of(Configuration config, ValidationContext requested) {
        List<Layer> layers = !requested.writtenLayers().isEmpty() ? requested.writtenLayers() : config.layers();
        if (layers.isEmpty()) {
            layers = List.of(new Layer(requested.configName(), config.root()));
        }
        Map<String, String> reasons = new LinkedHashMap<>(requested.frameworkReasons());
        Map<String, Origin> declaredAt = new LinkedHashMap<>();
        List<ValidationResult> problems = new ArrayList<>();
        Set<Origin> roots = new HashSet<>();
        roots.add(config.root().origin());
        for (Layer layer : layers) {
            roots.add(layer.root().origin());
            Optional<ConfigNode> node = ConfigTrees.find(layer.root(), PATH);
            if (node.isEmpty()) {
                continue;
            }
            List<ConfigNode> items = node.get() instanceof ConfigList list ? list.items() : List.of(node.get());
            for (ConfigNode item : items) {
                if (!(item instanceof ConfigScalar s) || s.text().isBlank()) {
                    problems.add(ValidationResult.failure("compliance.declaration", Severity.ERROR, PATH,
                            item.origin(), "compliance.frameworks must list framework names, found a "
                                    + item.kindName(), "write compliance: {frameworks: [GDPR, SOX]}"));
                    continue;
                }
                String framework = ValidationContext.normaliseFramework(s.text());
                String why = layer.metadata().kind() == LayerKind.FILE ? "declared in " + s.origin()
                        : "declared by " + layer.metadata().description() + " (" + s.origin() + ")";
                reasons.putIfAbsent(framework, why);
                declaredAt.putIfAbsent(framework, s.origin());
            }
        }
        for (String framework : List.copyOf(reasons.keySet())) {
            String included = INCLUDES.get(framework);
            if (included != null && !reasons.containsKey(included)) {
                reasons.put(included, "included by " + framework + ", " + reasons.get(framework));
                if (declaredAt.containsKey(framework)) {
                    declaredAt.put(included, declaredAt.get(framework));
                }
            }
        }
        ValidationContext context = new ValidationContext(requested.configName(), requested.environment(),
                reasons.keySet(), requested.writtenLayers(), reasons, requested.tenantId(), requested.securityLevel());
        return new ComplianceDeclarations(context, declaredAt, roots, List.copyOf(problems));
    }

    /** @return the caller's context with every declared framework in force, with its reason */
    public ValidationContext context() {
        return context;
    }

    /** @return findings about malformed declarations */
    public List<ValidationResult> problems() {
        return problems;
    }

    /**
     * @param rule  the rule that produced the results
     * @param found its results
     * @return the results with absent-section findings placed where the framework was declared, and security
     *         warnings raised to errors at {@link SecurityLevel#HIGH}
     */
    public List<ValidationResult> place(ValidationRule rule, List<ValidationResult> found) {
        List<ValidationResult> out = new ArrayList<>(found.size());
        for (ValidationResult r : found) {
            ValidationResult placed = r;
            if (!r.valid() && roots.contains(r.origin()) && r.origin().hasLine()) {
                Origin where = frameworksOf(rule).stream().map(declaredAt::get).filter(o -> o != null).findFirst()
                        .orElse(Origin.of(r.origin().source()));
                placed = new ValidationResult(r.ruleId(), r.severity(), false, r.message(), r.path(), where,
                        r.suggestedFix());
            }
            if (!placed.valid() && context.securityLevel() == SecurityLevel.HIGH
                    && placed.ruleId().startsWith("security.") && placed.severity() == Severity.WARNING) {
                placed = new ValidationResult(placed.ruleId(), Severity.ERROR, false, placed.message()
                        + " (an error at security level HIGH)", placed.path(), placed.origin(), placed.suggestedFix());
            }
            out.add(placed);
        }
        return out;
    }

    private static List<String> frameworksOf(ValidationRule rule) {
        try {
            return rule.frameworks().stream().map(ValidationContext::normaliseFramework).toList();
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
