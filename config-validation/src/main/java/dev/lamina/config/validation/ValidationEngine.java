package dev.lamina.config.validation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.lamina.config.ConfigException;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.ConfigValidator;
import dev.lamina.config.Configuration;
import dev.lamina.config.Origin;
import dev.lamina.config.ScalarType;
import dev.lamina.config.ValidationProblem;
import dev.lamina.config.validation.internal.ComplianceDeclarations;
import dev.lamina.config.validation.internal.schema.JsonSchemaRule;
import dev.lamina.config.validation.internal.schema.SchemaDocument;
import dev.lamina.config.validation.internal.schema.SchemaSecrets;
import dev.lamina.config.validation.internal.schema.UnknownKeysRule;

/**
 * Validates configurations against rules and JSON Schemas and reports every finding with its severity, config
 * path, origin (file:line) and suggested fix.
 *
 * <pre>{@code
 * ValidationEngine validator = ValidationEngine.builder()
 *         .addRule(new PremiumStreamLimitRule())
 *         .addRules(RulePacks.all())
 *         .addSchema(Path.of("config/schema.json"))
 *         .build();
 * ValidationReport report = validator.validateConfig(config, "staging_config");
 * System.out.println(validator.getValidationSummary(report));
 * }</pre>
 *
 * <p>An engine is immutable: it is built once from its rule catalog (rules added and rules discovered with
 * {@link ServiceLoader}), its schema set and strict mode, each schema compiled and every {@code $ref} resolved at
 * {@link Builder#build()}. The product's {@code add_rule} is {@link Builder#addRule}; to add a rule to an engine in
 * use, build another ({@code engine.toBuilder().addRule(rule).build()}) and swap it in. {@code validateConfig} is
 * thread-safe and never throws because of a rule: a rule that throws becomes a failed result. The engine is also a
 * core {@link ConfigValidator}, so a {@code ConfigurationManager} can use it to refuse invalid configurations.
 */
public final class ValidationEngine implements ConfigValidator {

    private static final Logger LOG = LoggerFactory.getLogger(ValidationEngine.class);

    private static final List<String> CONVENTIONAL_SCHEMAS = List.of("schema.json", "schema.yaml", "schema.yml");

    /** The catalog: added and discovered rules, then one rule per schema, in registration order. */
    private final List<ValidationRule> rules;
    private final List<SchemaDocument> schemas;
    private final boolean strictMode;
    /** Built once with the engine, so that its resolved references are reused by every validation. */
    private final Optional<UnknownKeysRule> strictRule;

    private ValidationEngine(Builder builder) {
        this.rules = List.copyOf(builder.rules.values());
        this.schemas = List.copyOf(builder.schemas);
        this.strictMode = builder.strictMode;
        this.strictRule = strictMode && !schemas.isEmpty()
                ? Optional.of(new UnknownKeysRule(schemas)) : Optional.empty();
    }

    /**
     * @param configDirectory a configuration directory
     * @return its schema by convention: {@code schema.json}, else {@code schema.yaml}, else {@code schema.yml}
     */
    public static Optional<Path> conventionalSchema(Path configDirectory) {
        Objects.requireNonNull(configDirectory, "configDirectory");
        for (String name : CONVENTIONAL_SCHEMAS) {
            Path candidate = configDirectory.resolve(name);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * The paths this engine's schemas declare secret, with {@code "writeOnly": true} or {@code "x-secret": true}:
     * hand them to {@code ConfigurationOptions.Builder.addSecretPaths} so that those values are masked in every
     * output, as the engine's own schema findings already are.
     *
     * @return path patterns ({@code *} = any one key or list index), in the order the schemas declare them
     */
    public List<String> secretPaths() {
        java.util.Set<String> all = new java.util.LinkedHashSet<>();
        for (SchemaDocument s : schemas) {
            all.addAll(s.secretPaths());
        }
        return List.copyOf(all);
    }

    /**
     * The paths one schema file declares secret ({@code "writeOnly": true} or {@code "x-secret": true}), read without
     * compiling the schema: what a program that does not validate needs to declare them before loading.
     * {@code properties} give their key, {@code additionalProperties}, {@code patternProperties} and {@code items}
     * give {@code *}; {@code $ref}s to local files and {@code allOf}/{@code anyOf}/{@code oneOf} are followed.
     *
     * <pre>{@code
     * ConfigurationOptions.builder().directory(dir)
     *         .addSecretPaths(ValidationEngine.schemaSecretPaths(dir.resolve("schema.json")).toArray(String[]::new))
     * }</pre>
     *
     * @param schemaFile the schema file (JSON, or YAML by extension)
     * @return path patterns for {@code ConfigurationOptions.Builder.addSecretPaths}
     * @throws dev.lamina.config.ConfigSourceException if the file cannot be read
     * @throws dev.lamina.config.ConfigParseException  if it is not JSON/YAML
     */
    public static List<String> schemaSecretPaths(Path schemaFile) {
        return SchemaSecrets.of(Objects.requireNonNull(schemaFile, "schemaFile"));
    }

    /** @return a builder for an engine with no rules, no schemas and strict mode off */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @return a builder holding this engine's rules, schemas and strict mode, to build an engine with more (this
     *         engine is unchanged)
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        rules.forEach(r -> b.rules.put(r.id(), r));
        b.schemas.addAll(schemas);
        b.strictMode = strictMode;
        return b;
    }

    /** @return whether strict mode is on */
    public boolean isStrictMode() {
        return strictMode;
    }

    /**
     * @return the rules of the catalog, in registration order (schemas appear as rules with ids
     *         {@code schema:<file>}); immutable
     */
    public List<ValidationRule> rules() {
        return rules;
    }

    /** @return how many JSON Schemas the engine validates against */
    public int schemaCount() {
        return schemas.size();
    }

    /**
     * Validates a configuration (the product's {@code validate_config}). The environment is taken from the
     * configuration's top-level {@code environment} key when it is a string, else from the name: directories,
     * extension and a {@code _config}/{@code -config} suffix are removed ({@code staging_config} and
     * {@code config/staging.yaml} both mean {@code staging}).
     *
     * @param config     the configuration
     * @param configName its name, for the report
     * @return the report; never {@code null}
     * @throws NullPointerException     if an argument is {@code null}
     * @throws IllegalArgumentException if the name is blank
     */
    public ValidationReport validateConfig(Configuration config, String configName) {
        Objects.requireNonNull(config, "config");
        return validateConfig(config, ValidationContext.forEnvironment(configName, inferEnvironment(config, configName)));
    }

    /**
     * Validates a configuration with an explicit context, which names the environment, the compliance frameworks in
     * force and, optionally, the layers as written before interpolation.
     *
     * @param config     the configuration
     * @param configName its name, for the report (replaces the context's)
     * @param context    the context
     * @return the report; never {@code null}
     * @throws NullPointerException if an argument is {@code null}
     */
    public ValidationReport validateConfig(Configuration config, String configName, ValidationContext context) {
        Objects.requireNonNull(context, "context");
        return validateConfig(config, new ValidationContext(configName, context.environment(),
                context.complianceFrameworks(), context.writtenLayers(), context.frameworkReasons(),
                context.tenantId(), context.securityLevel()));
    }

    /**
     * Validates a configuration for a scope (the product's {@code ConfigurationContext}): a tenant's view is checked
     * with the compliance frameworks the tenant declares (besides those its configuration declares) and at the
     * tenant's security level.
     *
     * @param config  the configuration (for a tenant, its view: {@code manager.forTenant(id)})
     * @param context who it is for
     * @return the report; never {@code null}
     * @throws NullPointerException if an argument is {@code null}
     */
    public ValidationReport validateConfig(Configuration config, ConfigurationContext context) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(context, "context");
        String name = context.tenantId().map(t -> "tenant " + t + " (" + context.environment() + ")")
                .orElse(context.environment());
        return validateConfig(config, ValidationContext.forContext(name, context).withWrittenLayers(config.layers()));
    }

    /**
     * Validates a configuration with an explicit context.
     *
     * @param config  the configuration
     * @param context the context, which names the configuration
     * @return the report; never {@code null}
     * @throws NullPointerException if an argument is {@code null}
     */
    public ValidationReport validateConfig(Configuration config, ValidationContext requested) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(requested, "context");
        long start = System.nanoTime();
        ComplianceDeclarations declarations = ComplianceDeclarations.of(config, requested);
        ValidationContext context = declarations.context();
        List<ValidationRule> active = new ArrayList<>(rules);
        strictRule.ifPresent(active::add);
        List<ValidationResult> results = new ArrayList<>();
        Map<String, int[]> frameworkTally = new TreeMap<>();
        int run = 0;
        for (ValidationRule rule : active) {
            if (!applies(rule, context)) {
                continue;
            }
            run++;
            List<ValidationResult> found = declarations.place(rule, runRule(rule, config, context));
            boolean passed = found.stream().allMatch(ValidationResult::valid);
            if (found.isEmpty()) {
                // INFO, so that filtering results by severity (as users do) finds only what needs attention.
                results.add(ValidationResult.passed(rule.id(), Severity.INFO, describe(rule)));
            } else {
                results.addAll(found);
            }
            for (String framework : rule.frameworks()) {
                int[] tally = frameworkTally.computeIfAbsent(ValidationContext.normaliseFramework(framework),
                        k -> new int[2]);
                tally[0] += passed ? 1 : 0;
                tally[1]++;
            }
        }
        Map<String, Double> scores = new TreeMap<>();
        frameworkTally.forEach((f, t) -> scores.put(f, Math.round(1000.0 * t[0] / t[1]) / 10.0));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        results.addAll(0, declarations.problems());
        ValidationReport report = new ValidationReport(context.configName(), context.environment(), results, scores,
                run, took, context.frameworkReasons());
        if (LOG.isDebugEnabled()) {
            LOG.debug("Validated {}: {} ({} rules, {} failures)", context.configName(),
                    report.overallValid() ? "valid" : "invalid", run, report.failures().size());
        }
        return report;
    }

    private static String describe(ValidationRule rule) {
        try {
            String d = rule.description();
            return d == null || d.isBlank() ? rule.id() : d;
        } catch (RuntimeException e) {
            return rule.id();
        }
    }

    private static boolean applies(ValidationRule rule, ValidationContext context) {
        try {
            return rule.appliesTo(context);
        } catch (RuntimeException e) {
            // A broken scope check must not hide the rule: run it and let its own result speak.
            LOG.debug("appliesTo of rule {} threw; running the rule", rule.id(), e);
            return true;
        }
    }

    private static List<ValidationResult> runRule(ValidationRule rule, Configuration config, ValidationContext context) {
        try {
            List<ValidationResult> found = rule.validate(config, context);
            if (found == null) {
                return List.of(ruleFailure(rule, "returned null instead of a list of results"));
            }
            for (ValidationResult r : found) {
                if (r == null) {
                    return List.of(ruleFailure(rule, "returned a null result"));
                }
            }
            return found;
        } catch (ConfigException e) {
            // Lamina's own exceptions are built never to quote a secret, so their message is safe to show.
            LOG.debug("Validation rule {} threw", rule.id(), e);
            return List.of(ruleFailure(rule, "threw " + e.getClass().getSimpleName() + ": " + e.getMessage()));
        } catch (RuntimeException | StackOverflowError e) {
            // Other exceptions' messages may quote configuration values, which could be secret: name the type only.
            LOG.warn("Validation rule {} threw {}; reported as a failed rule", rule.id(), e.getClass().getName());
            if (LOG.isDebugEnabled()) {
                LOG.debug("Validation rule {} stack trace", rule.id(), redacted(e));
            }
            return List.of(ruleFailure(rule, "threw " + e.getClass().getName()
                    + " (message withheld: it may quote configuration values; stack trace logged at DEBUG)"));
        }
    }

    /** The same stack trace without any message, ours or a cause's: a message may quote a secret value. */
    private static Throwable redacted(Throwable e) {
        IllegalStateException copy = new IllegalStateException(e.getClass().getName() + " (message withheld)");
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    private static ValidationResult ruleFailure(ValidationRule rule, String what) {
        Severity severity;
        try {
            severity = rule.severity() == null ? Severity.ERROR : rule.severity();
        } catch (RuntimeException e) {
            severity = Severity.ERROR;
        }
        // A rule that cannot run has not shown the configuration to be valid: never report it below ERROR.
        if (!severity.isBlocking()) {
            severity = Severity.ERROR;
        }
        return ValidationResult.failure(rule.id(), severity, ConfigPath.root(), Origin.UNKNOWN,
                "rule failed to run: " + what, "fix the rule " + rule.id() + " (" + rule.getClass().getName() + ")");
    }

    /**
     * The human summary of a report (the product's {@code get_validation_summary}): verdict, counts by severity,
     * rules run, duration and compliance scores. For every failure use {@link ValidationReport#toText()}.
     *
     * @param report a report from this or any engine
     * @return two or three lines of text
     */
    public String getValidationSummary(ValidationReport report) {
        return Objects.requireNonNull(report, "report").summary();
    }

    /**
     * The {@link ConfigValidator} view: validates for an environment and returns the failures as problems, blocking
     * when their severity is {@link Severity#ERROR} or {@link Severity#CRITICAL}.
     *
     * @param candidate   the configuration about to be published
     * @param environment the environment it was loaded for
     * @return every failure; empty when the configuration is fine
     */
    @Override
    public List<ValidationProblem> validate(Configuration candidate, String environment) {
        // The written layers let the plaintext-secret rule tell ${DB_PASSWORD} from a literal password.
        ValidationReport report = validateConfig(candidate, ValidationContext.forEnvironment(environment, environment)
                .withWrittenLayers(candidate.layers()));
        return report.failures().stream().map(ValidationResult::toProblem).toList();
    }

    /**
     * Gathers an engine's rule catalog, schema set and strict mode. Not thread-safe: build on one thread, then share
     * the engine.
     */
    public static final class Builder {

        private final Map<String, ValidationRule> rules = new LinkedHashMap<>();
        private final List<SchemaDocument> schemas = new ArrayList<>();
        private boolean strictMode;

        private Builder() {
        }

        /**
         * Registers a rule (the product's {@code add_rule}).
         *
         * @param rule the rule
         * @return this builder
         * @throws NullPointerException     if {@code rule} or its id is {@code null}
         * @throws IllegalArgumentException if a rule with the same id is already registered
         */
        public Builder addRule(ValidationRule rule) {
            Objects.requireNonNull(rule, "rule");
            String id = Objects.requireNonNull(rule.id(), "rule id");
            if (rules.containsKey(id)) {
                throw new IllegalArgumentException("a rule with id '" + id + "' is already registered (fix: give "
                        + rule.getClass().getName() + " an id of its own, with a prefix such as 'acme.')");
            }
            rules.put(id, rule);
            return this;
        }

        /**
         * Registers several rules, such as a built-in pack ({@code RulePacks.security()}).
         *
         * @param toAdd the rules
         * @return this builder
         * @throws IllegalArgumentException if an id is already registered (rules before it stay registered)
         */
        public Builder addRules(Collection<? extends ValidationRule> toAdd) {
            toAdd.forEach(this::addRule);
            return this;
        }

        /**
         * Registers every rule listed for {@link ServiceLoader} on the thread's context class loader (or, in a
         * module, provided for {@code dev.lamina.config.validation.ValidationRule}). Rules whose id is already
         * registered are skipped (logged at DEBUG), so discovering twice is harmless.
         *
         * @return this builder
         * @throws ServiceConfigurationError if a listed class cannot be loaded or instantiated
         */
        public Builder discoverRules() {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            return discoverRules(loader != null ? loader : ValidationEngine.class.getClassLoader());
        }

        /**
         * As {@link #discoverRules()}, with a given class loader.
         *
         * @param loader where to look
         * @return this builder
         * @throws ServiceConfigurationError if a listed class cannot be loaded or instantiated
         */
        public Builder discoverRules(ClassLoader loader) {
            int added = 0;
            for (ValidationRule rule : ServiceLoader.load(ValidationRule.class, loader)) {
                if (rules.containsKey(rule.id())) {
                    LOG.debug("Skipping discovered rule {}: id already registered", rule.id());
                    continue;
                }
                rules.put(rule.id(), rule);
                added++;
            }
            LOG.debug("Discovered {} validation rule(s)", added);
            return this;
        }

        /**
         * Adds a JSON Schema (draft 2020-12 by default; the schema's {@code $schema} may name draft-07 or 2019-09).
         * The file may be JSON or YAML ({@code .yaml}/{@code .yml}); relative {@code $ref}s resolve against its
         * directory, now, so a dangling reference fails here. Every violation is reported, each with the config
         * path and origin of the offending value.
         *
         * @param schemaFile the schema file
         * @return this builder
         * @throws dev.lamina.config.ConfigSourceException if the file cannot be read
         * @throws dev.lamina.config.ConfigParseException  if it is not valid JSON/YAML or not a valid schema
         * @throws IllegalArgumentException                if a schema of the same file name is already added
         */
        public Builder addSchema(Path schemaFile) {
            SchemaDocument schema = SchemaDocument.load(schemaFile);
            addRule(new JsonSchemaRule(schema));
            schemas.add(schema);
            return this;
        }

        /**
         * Adds the schema a configuration directory declares by convention: {@code schema.json}, else
         * {@code schema.yaml}, else {@code schema.yml}; nothing when it has none.
         *
         * @param configDirectory the configuration directory
         * @return this builder
         * @throws dev.lamina.config.ConfigSourceException if the schema file cannot be read
         * @throws dev.lamina.config.ConfigParseException  if it is not a valid schema
         */
        public Builder addSchemasFromDirectory(Path configDirectory) {
            conventionalSchema(configDirectory).ifPresent(this::addSchema);
            return this;
        }

        /** @return how many schemas were added so far */
        public int schemaCount() {
            return schemas.size();
        }

        /**
         * Turns strict mode on or off. In strict mode every key that no added schema declares (where the schema
         * describes the object's properties) is reported as an error, with the nearest declared key as suggested
         * fix. Without a schema, strict mode checks nothing.
         *
         * @param strict whether unknown keys are errors
         * @return this builder
         */
        public Builder strictMode(boolean strict) {
            this.strictMode = strict;
            return this;
        }

        /**
         * @return the engine, immutable; this builder may go on to build others
         */
        public ValidationEngine build() {
            return new ValidationEngine(this);
        }
    }

    static String inferEnvironment(Configuration config, String configName) {
        Optional<ConfigNode> declared = config.root().get("environment");
        if (declared.isPresent() && declared.get() instanceof ConfigScalar s && s.type() == ScalarType.STRING
                && !s.text().isBlank()) {
            return s.text().trim();
        }
        Objects.requireNonNull(configName, "configName");
        String name = configName.trim();
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        int dot = name.lastIndexOf('.');
        if (dot > 0) {
            name = name.substring(0, dot);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (String suffix : List.of("_config", "-config", ".config", "_configuration", "-configuration")) {
            if (lower.endsWith(suffix) && lower.length() > suffix.length()) {
                name = name.substring(0, name.length() - suffix.length());
                break;
            }
        }
        return name.isBlank() ? configName.trim() : name;
    }
}
