package dev.lamina.config.cli;

import java.util.concurrent.Callable;

import dev.lamina.config.ConfigRenderer;
import dev.lamina.config.Configuration;
import dev.lamina.config.RenderFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code configctl render}: the merged configuration of an environment, secrets masked. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Print the merged configuration of an environment (secrets masked).")
final class RenderCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SourceOptions source;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "yaml",
            converter = FormatConverter.class, completionCandidates = FormatConverter.Names.class,
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); env names start with --env-prefix when given.")
    private RenderFormat format;

    @Option(names = "--show-origins", description = "Show the file:line:column each value comes from.")
    private boolean showOrigins;

    @Override
    public Integer call() {
        Configuration config = source.load();
        spec.commandLine().getOut().print(ConfigRenderer.render(config, format, source.renderOptions(showOrigins)));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
