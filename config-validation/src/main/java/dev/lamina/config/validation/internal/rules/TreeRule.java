package dev.lamina.config.validation.internal.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.lamina.config.Configuration;
import dev.lamina.config.Layer;
import dev.lamina.config.validation.Severity;
import dev.lamina.config.validation.ValidationContext;
import dev.lamina.config.validation.ValidationResult;
import dev.lamina.config.validation.ValidationRule;

/**
 * A built-in rule: fixed id, description, severity, scope and frameworks, and a check that scans the tree.
 * Built-in rules look for keys by name wherever they appear (normalised: lower case, {@code -} and camelCase as
 * {@code _}), so they work on any layout that uses the usual names.
 */
public final class TreeRule implements ValidationRule {

    /** The check a rule performs. */
    @FunctionalInterface
    public interface Check {
        /**
         * @param scan    the configuration wrapped for scanning and reporting
         * @param context the run's context
         */
        void run(Scan scan, ValidationContext context);
    }

    private final String id;
    private final String description;
    private final Severity severity;
    private final Set<String> environments;
    private final Set<String> frameworks;
    private final Check check;
    private final boolean readsWrittenTree;
    private final IndexCache cache;

    private TreeRule(String id, String description, Severity severity, Set<String> environments,
                     Set<String> frameworks, boolean readsWrittenTree, IndexCache cache, Check check) {
        this.id = Objects.requireNonNull(id);
        this.description = Objects.requireNonNull(description);
        this.severity = Objects.requireNonNull(severity);
        this.environments = Set.copyOf(environments);
        this.frameworks = Set.copyOf(frameworks);
        this.readsWrittenTree = readsWrittenTree;
        this.cache = Objects.requireNonNull(cache);
        this.check = Objects.requireNonNull(check);
    }

    /**
     * @param id          the rule id
     * @param severity    its severity
     * @param description what it checks
     * @param check       the check
     * @return a rule for every environment and no framework
     */
    public static TreeRule of(String id, Severity severity, String description, Check check) {
        return new TreeRule(id, description, severity, Set.of(), Set.of(), false, new IndexCache(), check);
    }

    /**
     * @param environments where the rule runs
     * @return a copy restricted to those environments
     */
    public TreeRule inEnvironments(Set<String> environments) {
        return new TreeRule(id, description, severity, environments, frameworks, readsWrittenTree, cache, check);
    }

    /**
     * @param framework the compliance framework the rule belongs to
     * @return a copy belonging to it
     */
    public TreeRule forFramework(String framework) {
        return new TreeRule(id, description, severity, environments, Set.of(framework), readsWrittenTree, cache, check);
    }

    /** @return a copy that scans each layer as written (before interpolation) when the context carries them */
    public TreeRule readingWrittenTree() {
        return new TreeRule(id, description, severity, environments, frameworks, true, cache, check);
    }

    /**
     * @param shared the index cache to share with the other rules of a pack
     * @return a copy using it
     */
    public TreeRule sharing(IndexCache shared) {
        return new TreeRule(id, description, severity, environments, frameworks, readsWrittenTree, shared, check);
    }

    /**
     * @param rules  rules built by {@link #of}
     * @param shared the cache they share
     * @return the rules, each sharing the cache
     */
    public static List<ValidationRule> sharing(List<TreeRule> rules, IndexCache shared) {
        return rules.stream().map(r -> (ValidationRule) r.sharing(shared)).toList();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Severity severity() {
        return severity;
    }

    @Override
    public Set<String> environments() {
        return environments;
    }

    @Override
    public Set<String> frameworks() {
        return frameworks;
    }

    @Override
    public List<ValidationResult> validate(Configuration config, ValidationContext context) {
        List<ValidationResult> out = new ArrayList<>();
        if (readsWrittenTree && !context.writtenLayers().isEmpty()) {
            // Every layer as written: a literal secret in base.yaml leaks even when production.yaml overrides it.
            for (Layer layer : context.writtenLayers()) {
                check.run(new Scan(this, config, cache.indexOf(layer.root()), out), context);
            }
        } else {
            check.run(new Scan(this, config, cache.indexOf(config.root()), out), context);
        }
        return out;
    }

    @Override
    public String toString() {
        return id;
    }
}
