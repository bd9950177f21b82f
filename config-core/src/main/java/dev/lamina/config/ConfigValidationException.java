package dev.lamina.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A candidate configuration was refused by the {@link ConfigValidator}; nothing was published. The message
 * lists every blocking problem, each with its location.
 */
public class ConfigValidationException extends ConfigException {

    private static final long serialVersionUID = 1L;

    private final transient List<ValidationProblem> problems;

    /**
     * @param problems every problem found (blocking or not); at least one should be blocking
     */
    public ConfigValidationException(List<ValidationProblem> problems) {
        super(problems.stream().filter(ValidationProblem::blocking).map(p -> p.origin().orElse(null))
                        .findFirst().orElse(null),
                problems.stream().filter(ValidationProblem::blocking).map(ValidationProblem::path).findFirst()
                        .orElse(null),
                describe(problems));
        this.problems = List.copyOf(problems);
    }

    private static String describe(List<ValidationProblem> problems) {
        List<ValidationProblem> blocking = problems.stream().filter(ValidationProblem::blocking).toList();
        return "configuration refused by validation (" + blocking.size() + " blocking problem"
                + (blocking.size() == 1 ? "" : "s") + "):\n  "
                + blocking.stream().map(ValidationProblem::describe).collect(Collectors.joining("\n  "));
    }

    /** @return every problem found, blocking or not */
    public List<ValidationProblem> problems() {
        return problems;
    }
}
