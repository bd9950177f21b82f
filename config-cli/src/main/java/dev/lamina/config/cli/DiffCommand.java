package dev.lamina.config.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.lamina.config.ConfigDiff;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code configctl diff}: the leaf paths whose values differ between two environments (or two directories), with
 * both values and origins, secrets masked. Built on {@link ConfigDiff}, the diff the runtime's change events use.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Show the paths whose values differ between two environments (--env A --env B) or two "
                + "directories (--dir2), with both values and origins. Secrets are masked.",
            "Exit code 0 whether or not they differ; prints nothing (text) or [] (json) when they agree."})
final class DiffCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    private CommandSpec spec;

    @Mixin
    private SourceOptions source;

    @Option(names = "--dir2", paramLabel = "DIR2",
            description = "Compare with this directory instead of --dir (the second --env, else the same one).")
    private Path secondDirectory;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output format: text, json (default: ${DEFAULT-VALUE}).")
    private String format;

    @Override
    public Integer call() {
        boolean json = switch (format.toLowerCase(Locale.ROOT)) {
            case "text" -> false;
            case "json" -> true;
            default -> throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '--format': '" + format + "' is not one of text, json");
        };
        List<String> envs = source.environments();
        if (envs.size() > 2) {
            throw new ParameterException(spec.commandLine(), "diff compares two configurations: give --env at most twice");
        }
        if (envs.size() < 2 && secondDirectory == null) {
            throw new ParameterException(spec.commandLine(),
                    "diff needs two environments (--env A --env B) or a second directory (--dir2 DIR2)");
        }
        Path leftDir = source.directory();
        Path rightDir = secondDirectory != null ? secondDirectory : leftDir;
        // Both names are checked before either side is read, so a malformed second name is a usage error.
        envs.forEach(source::checkEnvironment);
        Configuration left = source.load(leftDir, envs.get(0));
        Configuration right = source.load(rightDir, envs.get(envs.size() - 1));
        List<ConfigDiff.Entry> diff = ConfigDiff.between(left, right);

        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? json(diff) : text(diff));
        out.flush();
        return ExitCodes.OK;
    }

    /** One line per path: {@code path: LEFT (origin) -> RIGHT (origin)}; a secret's values are {@code ***}. */
    static String text(List<ConfigDiff.Entry> diff) {
        StringBuilder sb = new StringBuilder();
        for (ConfigDiff.Entry e : diff) {
            sb.append(e.path()).append(": ")
                    .append(side(e.leftText(), e.left()))
                    .append(" -> ")
                    .append(side(e.rightText(), e.right()));
            if (e.secret() && !e.isAdded() && !e.isRemoved()) {
                // Both sides print as ***: say that the hidden value did change.
                sb.append(" (secret changed)");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String side(Optional<String> text, Optional<ConfigNode> node) {
        return node.map(n -> text.orElseThrow() + " (" + n.origin().describe() + ")").orElse("(absent)");
    }

    /**
     * A JSON array, one object per line: {@code path}, {@code left}, {@code right} (the values' text, {@code null}
     * when absent), {@code leftOrigin}, {@code rightOrigin} ({@code null} when absent) and {@code secret}.
     */
    static String json(List<ConfigDiff.Entry> diff) {
        if (diff.isEmpty()) {
            return "[]\n";
        }
        StringBuilder sb = new StringBuilder("[\n");
        for (int i = 0; i < diff.size(); i++) {
            ConfigDiff.Entry e = diff.get(i);
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("path", e.path().toString());
            o.put("left", e.leftText().orElse(null));
            o.put("right", e.rightText().orElse(null));
            o.put("leftOrigin", e.left().map(n -> n.origin().describe()).orElse(null));
            o.put("rightOrigin", e.right().map(n -> n.origin().describe()).orElse(null));
            o.put("secret", e.secret());
            try {
                sb.append("  ").append(JSON.writeValueAsString(o)).append(i < diff.size() - 1 ? ",\n" : "\n");
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException("cannot write a map of strings as JSON", ex);
            }
        }
        return sb.append("]\n").toString();
    }
}
