package dev.lamina.config.validation.rules;

import java.util.ArrayList;
import java.util.List;

import dev.lamina.config.validation.ValidationRule;
import dev.lamina.config.validation.internal.rules.ComplianceRules;
import dev.lamina.config.validation.internal.rules.IndexCache;
import dev.lamina.config.validation.internal.rules.PerformanceRules;
import dev.lamina.config.validation.internal.rules.SecurityRules;

/**
 * The built-in rule packs. Each method returns new, immutable, thread-safe rules, ready for
 * {@code ValidationEngine.builder().addRules(...)}; every rule id, what it checks, its severity and its defaults are listed in
 * {@code docs/rule-packs.md}.
 *
 * <pre>{@code
 * builder.addRules(RulePacks.all());                    // security, compliance (where declared), performance
 * builder.addRules(RulePacks.security(SecurityPolicy.DEFAULTS.withPasswordPolicy(16, 4)));
 * }</pre>
 *
 * <p>Built-in rules find the keys they check by name wherever they appear in the tree (lower case; {@code -},
 * spaces and camelCase count as {@code _}), so {@code min_replicas}, {@code minReplicas} and {@code min-replicas} are
 * all checked.
 */
public final class RulePacks {

    /** The GDPR framework, as named in compliance scores. */
    public static final String GDPR = ComplianceRules.GDPR;
    /** The SOX framework, as named in compliance scores. */
    public static final String SOX = ComplianceRules.SOX;
    /** The HIPAA framework, as named in compliance scores. */
    public static final String HIPAA = ComplianceRules.HIPAA;
    /** The ISO/IEC 27001 framework, as named in compliance scores. */
    public static final String ISO27001 = ComplianceRules.ISO27001;

    private RulePacks() {
    }

    /** @return the security pack with {@link SecurityPolicy#DEFAULTS} */
    public static List<ValidationRule> security() {
        return security(SecurityPolicy.DEFAULTS);
    }

    /**
     * @param policy the thresholds
     * @return the security pack ({@code security.*})
     */
    public static List<ValidationRule> security(SecurityPolicy policy) {
        return SecurityRules.create(policy, new IndexCache());
    }

    /** @return the compliance pack with {@link CompliancePolicy#DEFAULTS} */
    public static List<ValidationRule> compliance() {
        return compliance(CompliancePolicy.DEFAULTS);
    }

    /**
     * @param policy the thresholds
     * @return the compliance pack ({@code compliance.gdpr.*}, {@code compliance.sox.*}, {@code compliance.hipaa.*},
     *         {@code compliance.iso27001.*}); GDPR rules are errors, the others warnings
     */
    public static List<ValidationRule> compliance(CompliancePolicy policy) {
        return ComplianceRules.create(policy, new IndexCache());
    }

    /** @return the performance pack with {@link PerformancePolicy#DEFAULTS} */
    public static List<ValidationRule> performance() {
        return performance(PerformancePolicy.DEFAULTS);
    }

    /**
     * @param policy the thresholds
     * @return the performance sanity rules ({@code performance.*})
     */
    public static List<ValidationRule> performance(PerformancePolicy policy) {
        return PerformanceRules.create(policy, new IndexCache());
    }

    /**
     * Every generic pack with its defaults: security, compliance and performance. Compliance rules run only for the
     * frameworks a configuration declares (or a caller requests; see {@code ValidationContext}); the example
     * domain's music-streaming rules are not here but in {@code dev.lamina.config.validation.examples}.
     *
     * @return the rules, sharing one index
     */
    public static List<ValidationRule> all() {
        // One index shared by every pack: the configuration is walked once per validation, not once per rule.
        IndexCache shared = new IndexCache();
        List<ValidationRule> all = new ArrayList<>();
        all.addAll(SecurityRules.create(SecurityPolicy.DEFAULTS, shared));
        all.addAll(ComplianceRules.create(CompliancePolicy.DEFAULTS, shared));
        all.addAll(PerformanceRules.create(PerformancePolicy.DEFAULTS, shared));
        return List.copyOf(all);
    }
}
