package dev.lamina.config.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import dev.lamina.config.ConfigMissingException;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigRenderer;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Configuration;
import dev.lamina.config.RenderFormat;
import dev.lamina.config.SecretPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code configctl get}: one value; a scalar as its text, an object or list rendered (YAML by default). */
@Command(name = "get", mixinStandardHelpOptions = true,
        description = "Print the value at PATH: a scalar as plain text, an object or list as YAML "
                + "(or --format). Secrets print as ***.")
final class GetCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SourceOptions source;

    @Parameters(index = "0", paramLabel = "PATH", converter = PathConverter.class,
            description = "Config path, e.g. database.pool.max_size or data_sources.elasticsearch_cluster.hosts[0].")
    private ConfigPath path;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "yaml",
            converter = FormatConverter.class, completionCandidates = FormatConverter.Names.class,
            description = "Format for an object or list: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); env names start with --env-prefix when given.")
    private RenderFormat format;

    @Override
    public Integer call() {
        Configuration config = source.load();
        // The explanation of an absent path says why (deleted by a null, never set) and suggests the nearest key.
        ConfigNode node = config.node(path.toString()).orElseThrow(() -> new ConfigMissingException(null, path,
                "no value at this path: " + config.explain(path.toString()).reason()));
        PrintWriter out = spec.commandLine().getOut();
        if (node instanceof ConfigScalar scalar) {
            out.println(config.isSecret(path.toString()) ? SecretPolicy.MASK : scalar.text());
        } else if (node instanceof ConfigNull) {
            out.println("null");
        } else {
            out.print(ConfigRenderer.render(config, path, format, source.renderOptions(false)));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
