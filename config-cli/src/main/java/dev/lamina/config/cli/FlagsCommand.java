package dev.lamina.config.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code configctl flags}: the feature flags and experiments of a configuration (list, eval) and the import of an
 * Unleash state into the native format (import-unleash).
 */
@Command(name = "flags", mixinStandardHelpOptions = true,
        description = "List and evaluate feature flags and experiments; import an Unleash state.",
        subcommands = {FlagsListCommand.class, FlagsEvalCommand.class, FlagsImportCommand.class})
final class FlagsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    /** Without a subcommand there is nothing to do: that is a usage error. */
    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand: list, eval or import-unleash");
    }
}
