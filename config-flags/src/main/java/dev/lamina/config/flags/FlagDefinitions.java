package dev.lamina.config.flags;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;

import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigValidator;
import dev.lamina.config.Configuration;
import dev.lamina.config.ValidationProblem;
import dev.lamina.config.flags.internal.compile.FlagCompiler;

/**
 * Compiles flag and experiment definitions (the {@code feature_flags:} and {@code experiments:} sections of a
 * configuration root, see {@code docs/feature-flags.md}) into an immutable {@link FlagEvaluator}.
 *
 * <p>Compilation validates everything up front (rollouts within 0..100, splits summing to 100, known variants and
 * operators, valid regular expressions and CIDR blocks, no prerequisite cycles, no unknown keys, no overlapping
 * exclusion ranges) and reports every problem at once, so that evaluation needs no checks. A runtime manager calls
 * this once per configuration snapshot and swaps the evaluator it holds; a failed compile leaves the previous
 * evaluator in force.
 *
 * <p>Thread-safe: the methods are static and keep no state.
 */
public final class FlagDefinitions {

    private FlagDefinitions() {
    }

    /**
     * @param root  a configuration root ({@link Configuration#root()}); sections that are absent mean "no flags"
     * @param clock the clock for schedules, experiment windows and date operators (when the context has no time)
     * @return the evaluator
     * @throws FlagDefinitionException listing every problem, each with origin and path, when a definition is bad
     * @throws NullPointerException    if an argument is {@code null}
     */
    public static FlagEvaluator compile(ConfigObject root, Clock clock) {
        return compile(root, clock, null);
    }

    /**
     * Like {@link #compile(ConfigObject, Clock)}, counting every {@code isEnabled} and {@code evaluate} call in
     * {@code lamina.flags.evaluations} with tags {@code flag} and {@code reason} (no per-user tags). The counters are registered here, so counting
     * allocates nothing; evaluations of unknown flags are counted under {@code flag=_unknown}.
     *
     * @param root     a configuration root
     * @param clock    the clock
     * @param registry where to count, or {@code null} for no metrics
     * @return the evaluator
     * @throws FlagDefinitionException when a definition is bad
     */
    @SuppressWarnings("exports") // a caller passing a registry reads Micrometer already
    public static FlagEvaluator compile(ConfigObject root, Clock clock, MeterRegistry registry) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(clock, "clock");
        return new FlagEvaluator(FlagCompiler.compile(root, clock, registry));
    }

    /**
     * @param configuration a configuration snapshot
     * @param clock         the clock
     * @return the evaluator for the snapshot's {@code feature_flags:} and {@code experiments:}
     * @throws FlagDefinitionException when a definition is bad
     */
    public static FlagEvaluator compile(Configuration configuration, Clock clock) {
        return compile(Objects.requireNonNull(configuration, "configuration").root(), clock, null);
    }

    /**
     * @param configuration a configuration snapshot
     * @param clock         the clock
     * @param registry      where to count evaluations, or {@code null}
     * @return the evaluator for the snapshot's {@code feature_flags:} and {@code experiments:}
     * @throws FlagDefinitionException when a definition is bad
     */
    @SuppressWarnings("exports") // a caller passing a registry reads Micrometer already
    public static FlagEvaluator compile(Configuration configuration, Clock clock, MeterRegistry registry) {
        return compile(Objects.requireNonNull(configuration, "configuration").root(), clock, registry);
    }

    /**
     * A core {@link ConfigValidator} that compiles each candidate configuration's {@code feature_flags:} and
     * {@code experiments:} and reports every definition problem as a blocking {@link ValidationProblem} (with path
     * and origin), so that a {@code ConfigurationManager} refuses a load, reload, update or rollback with a bad flag
     * definition and keeps the previous version in force:
     *
     * <pre>{@code
     * ConfigurationOptions.builder().directory(dir)
     *         .validator(ConfigValidator.allOf(schemaValidator, FlagDefinitions.validator()))
     *         .build();
     * }</pre>
     *
     * @return the validator; stateless and thread-safe
     */
    public static ConfigValidator validator() {
        return (candidate, environment) -> {
            try {
                compile(candidate.root(), Clock.systemUTC(), null);
                return List.of();
            } catch (FlagDefinitionException e) {
                return e.problems().stream().map(p -> new ValidationProblem(p.path(), Optional.of(p.origin()),
                        p.reason(), Optional.empty(), true)).toList();
            }
        };
    }
}
