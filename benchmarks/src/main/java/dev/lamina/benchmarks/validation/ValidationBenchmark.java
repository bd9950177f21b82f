package dev.lamina.benchmarks.validation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import dev.lamina.config.ConfigLoader;
import dev.lamina.config.ConfigSources;
import dev.lamina.config.Configuration;
import dev.lamina.config.Layer;
import dev.lamina.config.ConfigurationOptions;
import dev.lamina.config.ParseLimits;
import dev.lamina.config.validation.ValidationContext;
import dev.lamina.config.validation.ValidationEngine;
import dev.lamina.config.validation.ValidationReport;
import dev.lamina.config.validation.examples.MusicStreamingPack;
import dev.lamina.config.validation.rules.RulePacks;

/**
 * Validation of the example production configuration ({@code examples/config}: base, staging, production) with every
 * built-in pack, the example-domain JSON Schema of config-validation's tests (with cross-file {@code $ref}s) and
 * strict mode, and each half on its own.
 *
 * <p>Run from the repository root (files are found relative to it, or set {@code -Dlamina.root=...}):
 * <pre>{@code
 * ./mvnw -B -q -pl benchmarks -am package -DskipTests dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
 * java -cp benchmarks/target/classes:$(cat benchmarks/target/classpath.txt) org.openjdk.jmh.Main ValidationBenchmark
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ValidationBenchmark {

    private Configuration config;
    private ValidationContext context;
    private ValidationEngine everything;
    private ValidationEngine packsOnly;
    private ValidationEngine schemaOnly;

    /** Loads the configuration and builds the engines once. */
    @Setup
    public void setUp() {
        Path root = Path.of(System.getProperty("lamina.root", ".")).toAbsolutePath().normalize();
        Path examples = root.resolve("examples/config");
        // As the manager layers production: environments.yaml makes it extend staging.
        List<Layer> layers = new ArrayList<>();
        for (String file : List.of("base.yaml", "staging.yaml", "production.yaml")) {
            Path path = examples.resolve(file);
            if (!Files.isRegularFile(path)) {
                throw new IllegalStateException(path + " not found: run from the repository root or set -Dlamina.root");
            }
            layers.addAll(ConfigSources.file(path).read(ParseLimits.DEFAULTS));
        }
        // A fixed, empty environment: every ${VAR:-default} takes its default, whatever the machine has set.
        config = new ConfigLoader(ConfigurationOptions.builder().environment(Map.of()).build()).fromLayers(layers);
        // Every framework requested and the example domain's pack added: the same 24 rules as before compliance
        // became declaration-driven, so the numbers stay comparable.
        context = ValidationContext.forEnvironment("production_config", "production").withWrittenLayers(layers)
                .requestFrameworks("benchmark", List.of(RulePacks.GDPR, RulePacks.SOX, RulePacks.HIPAA,
                        RulePacks.ISO27001));
        Path schema = root.resolve("config-validation/src/test/resources/music/schema.json");
        everything = ValidationEngine.builder().addRules(RulePacks.all()).addRules(MusicStreamingPack.rules())
                .addSchema(schema).strictMode(true).build();
        packsOnly = ValidationEngine.builder().addRules(RulePacks.all()).addRules(MusicStreamingPack.rules()).build();
        schemaOnly = ValidationEngine.builder().addSchema(schema).build();
        ValidationReport check = everything.validateConfig(config, context);
        if (!check.overallValid()) {
            throw new IllegalStateException("the benchmark configuration should be valid:\n" + check.toText());
        }
    }

    /** @return the report: all packs, the schema and strict mode */
    @Benchmark
    public ValidationReport allPacksSchemaAndStrictMode() {
        return everything.validateConfig(config, context);
    }

    /** @return the report: the built-in packs only */
    @Benchmark
    public ValidationReport rulePacksOnly() {
        return packsOnly.validateConfig(config, context);
    }

    /** @return the report: the JSON Schema only */
    @Benchmark
    public ValidationReport schemaOnly() {
        return schemaOnly.validateConfig(config, context);
    }
}
