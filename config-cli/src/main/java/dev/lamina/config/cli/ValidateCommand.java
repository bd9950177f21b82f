package dev.lamina.config.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import dev.lamina.config.ConfigSourceException;
import dev.lamina.config.Configuration;
import dev.lamina.config.Origin;
import dev.lamina.config.validation.ValidationContext;
import dev.lamina.config.validation.ValidationEngine;
import dev.lamina.config.validation.ValidationReport;
import dev.lamina.config.validation.ValidationRule;
import dev.lamina.config.validation.examples.MusicStreamingPack;
import dev.lamina.config.validation.rules.RulePacks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code configctl validate}: validates an environment's configuration with the JSON Schema (given, or
 * {@code schema.json}/{@code .yaml}/{@code .yml} in the directory), the built-in rule packs, the flag definitions and
 * every rule listed for {@link java.util.ServiceLoader}, and prints the engine's report. Exit 0 when valid (warnings
 * allowed), 1 when any finding is {@code ERROR} or {@code CRITICAL}.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validate an environment's configuration: JSON Schema, built-in rule packs, flag definitions "
                + "and rules found through ServiceLoader. Exit 1 when any finding is ERROR or CRITICAL.")
final class ValidateCommand implements Callable<Integer> {

    /** The packs {@code --packs} can name, in the order they run; every one of them by default. */
    private static final Map<String, Supplier<List<ValidationRule>>> PACKS = packs();

    private static final String NONE = "none";

    /** What runs without {@code --packs}: the example domain's streaming rules are opt-in. */
    private static final Set<String> DEFAULT_PACKS = Set.of("security", "compliance", "performance", "flags");

    /** Framework names {@code --packs} accepts, each asking for that framework's compliance rules. */
    private static final Map<String, String> FRAMEWORKS = frameworks();

    @Spec
    private CommandSpec spec;

    @Mixin
    private SourceOptions source;

    @Option(names = "--schema", paramLabel = "FILE",
            description = "JSON Schema (JSON or YAML) to validate against (default: schema.json, schema.yaml or "
                    + "schema.yml in DIR, when there is one).")
    private Path schema;

    @Option(names = "--strict", description = "Report every key that no schema declares (needs a schema).")
    private boolean strict;

    @Option(names = "--packs", paramLabel = "LIST", split = ",",
            description = "Rule packs to run: any of security, compliance, performance, flags, streaming (the example "
                    + "domain's rules), or a compliance framework (gdpr, sox, hipaa, iso27001); or none. Default: "
                    + "security, compliance, performance, flags, where compliance runs only the frameworks the "
                    + "configuration declares (compliance.frameworks, a region, a profile); naming compliance runs "
                    + "every framework, naming a framework runs that one.")
    private List<String> packs;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            converter = ReportFormat.Converter.class, completionCandidates = ReportFormat.Names.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private ReportFormat format;

    @Override
    public Integer call() {
        Set<String> chosen = chosenPacks();
        Set<String> requested = new LinkedHashSet<>();
        if (packs != null && chosen.contains("compliance")) {
            for (String p : packs) {
                String name = p.trim().toLowerCase(Locale.ROOT);
                if (name.equals("compliance")) {
                    requested.addAll(FRAMEWORKS.values());
                } else if (FRAMEWORKS.containsKey(name)) {
                    requested.add(FRAMEWORKS.get(name));
                }
            }
        }
        if (schema != null) {
            // Its writeOnly/x-secret paths are secret in the load too, so no rule's finding can quote them.
            source.secretsFromSchema(schema);
        }
        Configuration config = source.load();
        ValidationEngine.Builder rules = ValidationEngine.builder();
        if (schema != null) {
            rules.addSchema(schema);
        } else {
            rules.addSchemasFromDirectory(source.directory());
        }
        if (strict && rules.schemaCount() == 0) {
            throw new ParameterException(spec.commandLine(), "--strict needs a schema: give --schema FILE or put "
                    + "schema.json, schema.yaml or schema.yml in " + source.directory());
        }
        rules.strictMode(strict);
        for (String pack : chosen) {
            rules.addRules(PACKS.get(pack).get());
        }
        discoverRules(rules);
        ValidationEngine engine = rules.build();
        ValidationContext context = ValidationContext
                .forEnvironment(source.directory().toString(), source.environment())
                // The layers as written let security.plaintext-secret tell ${DB_PASSWORD} from a literal password.
                .withWrittenLayers(config.layers())
                .requestFrameworks("requested with --packs", requested);
        ValidationReport report = engine.validateConfig(config, context);
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == ReportFormat.JSON ? report.toJson() : report.toText());
        out.flush();
        return report.overallValid() ? ExitCodes.OK : ExitCodes.INVALID_CONFIGURATION;
    }

    /**
     * What {@code configctl push} checks before it sends anything: the same as {@code validate} without options (the
     * given schema or the directory's, the default packs, the flag definitions and the rules listed for
     * ServiceLoader).
     *
     * @param config      the configuration to push
     * @param directory   the configuration directory (its schema, when {@code schema} is {@code null})
     * @param environment the environment
     * @param schema      a schema file, or {@code null}
     * @return the report
     */
    static ValidationReport validateDefaults(Configuration config, Path directory, String environment, Path schema) {
        ValidationEngine.Builder rules = ValidationEngine.builder();
        if (schema != null) {
            rules.addSchema(schema);
        } else {
            rules.addSchemasFromDirectory(directory);
        }
        for (Map.Entry<String, Supplier<List<ValidationRule>>> pack : PACKS.entrySet()) {
            if (DEFAULT_PACKS.contains(pack.getKey())) {
                rules.addRules(pack.getValue().get());
            }
        }
        discoverRules(rules);
        return rules.build().validateConfig(config, ValidationContext.forEnvironment(directory.toString(), environment)
                .withWrittenLayers(config.layers()));
    }

    private Set<String> chosenPacks() {
        if (packs == null) {
            Set<String> defaults = new LinkedHashSet<>(PACKS.keySet());
            defaults.retainAll(DEFAULT_PACKS);
            return defaults;
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (String p : packs) {
            String name = p.trim().toLowerCase(Locale.ROOT);
            if (name.equals(NONE)) {
                if (packs.size() > 1) {
                    throw new ParameterException(spec.commandLine(),
                            "Invalid value for option '--packs': 'none' cannot be combined with other packs");
                }
                return Set.of();
            }
            if (FRAMEWORKS.containsKey(name)) {
                chosen.add("compliance");
                continue;
            }
            if (!PACKS.containsKey(name)) {
                throw new ParameterException(spec.commandLine(), "Invalid value for option '--packs': '" + p
                        + "' is not one of " + String.join(", ", PACKS.keySet()) + ", "
                        + String.join(", ", FRAMEWORKS.keySet()) + ", " + NONE);
            }
            chosen.add(name);
        }
        return chosen;
    }

    private static void discoverRules(ValidationEngine.Builder rules) {
        try {
            rules.discoverRules();
        } catch (ServiceConfigurationError e) {
            // The JDK's message names the service and the provider class; it never holds configuration values.
            throw new ConfigSourceException(Origin.of("META-INF/services/" + ValidationRule.class.getName()), null,
                    "a validation rule listed for ServiceLoader cannot be loaded: " + e.getMessage());
        }
    }

    private static Map<String, String> frameworks() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("gdpr", RulePacks.GDPR);
        f.put("sox", RulePacks.SOX);
        f.put("hipaa", RulePacks.HIPAA);
        f.put("iso27001", RulePacks.ISO27001);
        return f;
    }

    private static Map<String, Supplier<List<ValidationRule>>> packs() {
        Map<String, Supplier<List<ValidationRule>>> packs = new LinkedHashMap<>();
        packs.put("security", RulePacks::security);
        packs.put("compliance", RulePacks::compliance);
        packs.put("streaming", MusicStreamingPack::rules);
        packs.put("performance", RulePacks::performance);
        packs.put("flags", () -> List.of(new FlagDefinitionsRule()));
        return packs;
    }
}
