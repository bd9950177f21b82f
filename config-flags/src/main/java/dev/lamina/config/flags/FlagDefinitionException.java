package dev.lamina.config.flags;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import dev.lamina.config.ConfigException;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.Origin;

/**
 * Flag or experiment definitions were refused when they were compiled; nothing was compiled. The message
 * lists every problem found, each with its origin ({@code source:line:column}) and config path
 * ({@code feature_flags.x.rollout_percentage}). Definitions are not secret, but the messages still describe
 * values rather than quote long ones.
 */
public class FlagDefinitionException extends ConfigException {

    private static final long serialVersionUID = 1L;

    /**
     * One problem in a definition.
     *
     * @param origin where it was written
     * @param path   the config path
     * @param reason what is wrong and, where possible, what to do
     */
    public record Problem(Origin origin, ConfigPath path, String reason) {

        /**
         * Checks that no component is {@code null}.
         *
         * @param origin the {@code origin} component
         * @param path the {@code path} component
         * @param reason the {@code reason} component
         */
        public Problem {
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(reason, "reason");
        }

        /** @return {@code origin path: reason} */
        public String describe() {
            return ConfigException.format(origin, path, reason);
        }
    }

    private final transient List<Problem> problems;

    /**
     * @param problems every problem found; at least one
     * @throws IllegalArgumentException if {@code problems} is empty
     */
    public FlagDefinitionException(List<Problem> problems) {
        super(only(problems) == null ? null : only(problems).origin(),
                only(problems) == null ? null : only(problems).path(),
                describe(problems));
        this.problems = List.copyOf(problems);
    }

    private static Problem only(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("at least one problem is required");
        }
        return problems.size() == 1 ? problems.get(0) : null;
    }

    private static String describe(List<Problem> problems) {
        Problem one = only(problems);
        if (one != null) {
            return one.reason();
        }
        return problems.size() + " problems in flag definitions:\n  "
                + problems.stream().map(Problem::describe).collect(Collectors.joining("\n  "));
    }

    /** @return every problem, in the order found (document order) */
    public List<Problem> problems() {
        return problems;
    }
}
