package dev.lamina.config.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import dev.lamina.config.ConfigPath;
import dev.lamina.config.Configuration;
import dev.lamina.config.Explanation;
import dev.lamina.config.SecretPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code configctl explain}: every layer's candidate for a path, which one won and why. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Show every layer's candidate for PATH (lowest precedence first), the winner and why. "
                + "Secrets are masked.")
final class ExplainCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SourceOptions source;

    @Parameters(index = "0", paramLabel = "PATH", converter = PathConverter.class,
            description = "Config path, e.g. database.pool.max_size.")
    private ConfigPath path;

    @Override
    public Integer call() {
        Configuration config = source.load();
        PrintWriter out = spec.commandLine().getOut();
        Explanation explanation = config.explain(path.toString());
        // The loader masks explanations already; masking again here costs nothing and keeps the CLI safe
        // even if a layer's candidate escaped the mask.
        out.print(format(config.isSecret(path.toString()) ? masked(explanation) : explanation));
        // A selected override whose conditions do not hold contributes an empty layer that says why.
        for (dev.lamina.config.Layer layer : config.layers()) {
            if (layer.metadata().kind() == dev.lamina.config.LayerKind.OVERRIDE && layer.root().isEmpty()
                    && layer.metadata().description().contains(" skipped: ")) {
                out.println("  not applied: " + layer.metadata().description());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static Explanation masked(Explanation e) {
        List<Explanation.Candidate> candidates = e.candidates().stream()
                .map(c -> new Explanation.Candidate(c.layer(), c.origin(),
                        c.deletes() ? c.displayValue() : SecretPolicy.MASK, c.won(), c.deletes(), c.metadata()))
                .toList();
        return new Explanation(e.path(), e.value().map(v -> SecretPolicy.MASK), candidates, e.reason());
    }

    /**
     * The text form of an explanation (also used by later commands that explain).
     *
     * @param e the explanation, already masked
     * @return lines ending in a line break
     */
    static String format(Explanation e) {
        StringBuilder sb = new StringBuilder();
        sb.append(e.path()).append(" = ").append(e.value().orElse("(absent)")).append('\n');
        sb.append("  ").append(e.reason()).append('\n');
        List<Explanation.Candidate> candidates = e.candidates();
        if (candidates.isEmpty()) {
            return sb.toString(); // the reason already says that no layer sets it
        }
        sb.append("  layers, lowest precedence first:\n");
        int width = 0;
        for (Explanation.Candidate c : candidates) {
            width = Math.max(width, where(c).length());
        }
        for (Explanation.Candidate c : candidates) {
            sb.append(c.won() ? "  * " : "    ")
                    .append(String.format("%-" + width + "s", where(c)))
                    .append("  ")
                    .append(c.deletes() ? "null (deletes the key)" : c.displayValue());
            if (c.won()) {
                sb.append("   <- wins");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * The origin, and the layer's name too when the origin does not already say it; for a layer that is not a
     * file (a profile, a remote store), its description.
     */
    private static String where(Explanation.Candidate c) {
        String origin = c.origin().describe();
        if (c.metadata().kind() != dev.lamina.config.LayerKind.FILE) {
            return origin + " (" + c.metadata().description() + ")";
        }
        return origin.startsWith(c.layer()) ? origin : c.layer() + " (" + origin + ")";
    }
}
