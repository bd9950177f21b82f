package dev.lamina.config.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigParseException;
import dev.lamina.config.ConfigRenderer;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.ConfigSourceException;
import dev.lamina.config.ConfigLimitException;
import dev.lamina.config.Origin;
import dev.lamina.config.ParseLimits;
import dev.lamina.config.RenderFormat;
import dev.lamina.config.ScalarType;
import dev.lamina.config.SecretPolicy;
import dev.lamina.config.flags.FlagDefinitions;
import dev.lamina.config.flags.UnleashFormat;
import dev.lamina.config.spi.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code configctl flags import-unleash}: translates an Unleash client-features state into Lamina's native
 * {@code feature_flags:} format, checks that the result compiles, and writes it as YAML or JSON to stdout or, crash
 * safely, to a file.
 *
 * <p>Every {@code $} in a string value is written as {@code $$}, because a configuration directory is interpolated
 * when it loads ({@code $$} reads back as one {@code $}): a regular expression such as {@code ^v[0-9]+$} or a value
 * such as {@code $HOME} keeps its meaning.
 */
@Command(name = "import-unleash", mixinStandardHelpOptions = true,
        description = "Translate an Unleash client-features state (JSON) into the native feature_flags: format.")
final class FlagsImportCommand implements Callable<Integer> {

    /** Flag definitions are not secrets: nothing is masked, so that a flag named {@code rotate_token} survives. */
    private static final SecretPolicy NOTHING_SECRET = SecretPolicy.none();

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STATE.json",
            description = "The state: the body of /api/client/features or an Unleash export.")
    private Path state;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write here (atomically, replacing the file) instead of to stdout.")
    private Path output;

    @Option(names = "--format", paramLabel = "FORMAT", converter = FormatConverter.class,
            description = "yaml or json (default: json when --output ends in .json, else yaml).")
    private RenderFormat format;

    @Option(names = "--unknown-operators", paramLabel = "reject|false", defaultValue = "reject",
            description = "A constraint operator Unleash does not define: reject (default) refuses the import naming"
                    + " the feature and the operator; false imports it as never matching, as Unleash clients do.")
    private String unknownOperators;

    @Override
    public Integer call() {
        UnleashFormat.UnknownOperators unknown = switch (unknownOperators) {
            case "reject" -> UnleashFormat.UnknownOperators.REJECT;
            case "false" -> UnleashFormat.UnknownOperators.EVALUATE_FALSE;
            default -> throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--unknown-operators must be 'reject' or 'false', found '" + unknownOperators + "'");
        };
        RenderFormat f = outputFormat();
        String sourceName = state.toString();
        String json = read(state);
        ConfigObject tree;
        try {
            tree = UnleashFormat.toNativeTree(json, sourceName, unknown);
        } catch (ConfigParseException e) {
            // The importer names the file; where it knows no line, point at the feature that breaks the shape.
            if (e.origin().map(Origin::hasLine).orElse(false)) {
                throw e;
            }
            throw UnleashStateLocator.locate(json, sourceName).orElse(e);
        }
        // Refuse to write what a service would refuse to load (the message names each flag's path).
        FlagDefinitions.compile(tree, Clock.systemUTC());
        noteNeverMatchingRules(tree, spec.commandLine().getErr());
        int count = tree.get("feature_flags").map(n -> ((ConfigObject) n).entries().size()).orElse(0);
        String text = ConfigRenderer.render((ConfigObject) escapeDollars(tree), NOTHING_SECRET, f,
                ConfigRenderer.Options.defaults());
        if (f == RenderFormat.YAML) {
            text = "# Feature flags imported from the Unleash state " + state.getFileName()
                    + " by configctl flags import-unleash.\n" + text;
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output == null) {
            out.print(text);
        } else {
            AtomicFiles.write(output, text.getBytes(StandardCharsets.UTF_8));
            out.println("wrote " + count + (count == 1 ? " flag" : " flags") + " to " + output);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * Unleash clients evaluate a strategy they do not build in (a custom strategy) and a segment missing from the
     * state as false, and so does the import; say so, since the imported rule can never match.
     */
    private static void noteNeverMatchingRules(ConfigObject tree, PrintWriter err) {
        tree.get("feature_flags").filter(ConfigObject.class::isInstance).map(ConfigObject.class::cast)
                .ifPresent(flags -> flags.entries().forEach((flag, def) -> {
                    if (!(def instanceof ConfigObject d) || !(d.entries().get("rules") instanceof ConfigList rules)) {
                        return;
                    }
                    for (ConfigNode rule : rules.items()) {
                        if (!(rule instanceof ConfigObject r)
                                || !(r.entries().get("constraints") instanceof ConfigList constraints)) {
                            continue;
                        }
                        for (ConfigNode c : constraints.items()) {
                            String attribute = c instanceof ConfigObject o
                                    && o.entries().get("attribute") instanceof ConfigScalar a ? a.text() : "";
                            if (attribute.startsWith("strategy:")) {
                                err.println("note: feature '" + flag + "' uses strategy '"
                                        + attribute.substring("strategy:".length()) + "', which Unleash clients do not"
                                        + " build in: imported as a rule that never matches (as those clients"
                                        + " evaluate it)");
                            } else if (attribute.startsWith("segment:")) {
                                err.println("note: feature '" + flag + "' refers to segment "
                                        + attribute.substring("segment:".length()) + ", which the state does not"
                                        + " define: imported as a rule that never matches");
                            }
                        }
                    }
                }));
        err.flush();
    }

    private RenderFormat outputFormat() {
        if (format == null) {
            boolean json = output != null
                    && output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
            return json ? RenderFormat.JSON : RenderFormat.YAML;
        }
        if (format != RenderFormat.YAML && format != RenderFormat.JSON) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--format': '"
                    + format.displayName() + "' (import-unleash writes yaml or json)");
        }
        return format;
    }

    /** Reads the state as strict UTF-8 within the document size limit every configuration file has. */
    private static String read(Path file) {
        Origin origin = Origin.of(file.toString());
        long limit = ParseLimits.DEFAULTS.maxDocumentBytes();
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file)) {
                throw new ConfigSourceException(origin, null, Files.exists(file) ? "not a regular file" : "not found");
            }
            if (Files.size(file) > limit) {
                throw new ConfigLimitException(origin, null, "larger than the document size limit of "
                        + limit + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ConfigSourceException(origin, null, "cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new ConfigParseException(origin, null, "not valid UTF-8");
        }
    }

    /** Doubles every {@code $} in string values, which interpolation reads back as one. */
    private static ConfigNode escapeDollars(ConfigNode node) {
        if (node instanceof ConfigObject o) {
            Map<String, ConfigNode> entries = new LinkedHashMap<>();
            o.entries().forEach((k, v) -> entries.put(k, escapeDollars(v)));
            return new ConfigObject(entries, o.origin());
        }
        if (node instanceof ConfigList l) {
            List<ConfigNode> items = new ArrayList<>(l.size());
            l.items().forEach(i -> items.add(escapeDollars(i)));
            return new ConfigList(items, l.origin());
        }
        if (node instanceof ConfigScalar s && s.type() == ScalarType.STRING && s.text().indexOf('$') >= 0) {
            return ConfigScalar.string(s.text().replace("$", "$$"), s.origin());
        }
        return node;
    }
}
