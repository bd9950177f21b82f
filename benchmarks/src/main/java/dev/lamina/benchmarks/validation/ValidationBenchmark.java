package dev.lamina.benchmarks.validation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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
import dev.lamina.config.LoadOptions;
import dev.lamina.config.ParseLimits;
import dev.lamina.config.validation.ValidationContext;
import dev.lamina.config.validation.ValidationEngine;
import dev.lamina.config.validation.ValidationReport;
import dev.lamina.config.validation.rules.RulePacks;

/**
 * Validation of the example production configuration ({@code examples/config/base.yaml} + {@code production.yaml},
 * or the representative tree in config-validation's test resources when the examples are absent) with every
 * built-in pack, the example-domain JSON Schema (with cross-file {@code $ref}s) and strict mode.
 *
 * <p>Run from the repository root (files are found relative to it, or set {@code -Dlamina.root=...}):
 * <pre>{@code
 * java -cp "$(cat benchmarks/target/classpath.txt):benchmarks/target/classes" org.openjdk.jmh.Main ValidationBenchmark
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
        List<Path> files = new ArrayList<>();
        if (Files.isRegularFile(examples.resolve("production.yaml"))) {
            if (Files.isRegularFile(examples.resolve("base.yaml"))) {
                files.add(examples.resolve("base.yaml"));
            }
            files.add(examples.resolve("production.yaml"));
        } else {
            files.add(root.resolve("config-validation/src/test/resources/music/production.yaml"));
        }
        List<Layer> layers = new ArrayList<>();
        for (Path file : files) {
            layers.addAll(ConfigSources.file(file).read(ParseLimits.DEFAULTS));
        }
        // Secrets the example files reference without a default: supplied here so the benchmark needs no set-up.
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putIfAbsent("DB_PASSWORD", "benchmark-password");
        config = new ConfigLoader(LoadOptions.builder().environment(env).build()).fromLayers(layers);
        context = ValidationContext.forEnvironment("production_config", "production").withWrittenLayers(layers);
        Path schema = root.resolve("config-validation/src/test/resources/music/schema.json");
        everything = new ValidationEngine().addRules(RulePacks.all()).addSchema(schema).setStrictMode(true);
        packsOnly = new ValidationEngine().addRules(RulePacks.all());
        schemaOnly = new ValidationEngine().addSchema(schema);
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
