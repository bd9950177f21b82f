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
        // One blocking problem: its own location leads the message. Several: each line carries its own.
        super(single(problems) == null ? null : single(problems).origin().orElse(null),
                single(problems) == null ? null : single(problems).path(),
                describe(problems));
        this.problems = List.copyOf(problems);
    }

    private static ValidationProblem single(List<ValidationProblem> problems) {
        List<ValidationProblem> blocking = problems.stream().filter(ValidationProblem::blocking).toList();
        return blocking.size() == 1 ? blocking.get(0) : null;
    }

    private static String describe(List<ValidationProblem> problems) {
        ValidationProblem one = single(problems);
        if (one != null) {
            return "refused by validation: " + one.message() + one.suggestedFix().map(f -> " (fix: " + f + ")").orElse("");
        }
        List<ValidationProblem> blocking = problems.stream().filter(ValidationProblem::blocking).toList();
        return "configuration refused by validation (" + blocking.size() + " blocking problems):\n  "
                + blocking.stream().map(ValidationProblem::describe).collect(Collectors.joining("\n  "));
    }

    /** @return every problem found, blocking or not */
    public List<ValidationProblem> problems() {
        return problems;
    }
}
