package dev.lamina.config.cli;

import java.util.concurrent.Callable;

import dev.lamina.config.ConfigMissingException;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.ConfigTypeException;
import dev.lamina.config.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code configctl decrypt}: the one command that prints a decrypted value, and only the one value asked for. It
 * loads exactly as the other commands do, so the value is the one a service gets at that path.
 */
@Command(name = "decrypt", mixinStandardHelpOptions = true,
        description = {"Print the plain value at PATH of the loaded configuration, decrypted.",
            "This is the only command that prints a secret; every other command masks it as ***."})
final class DecryptCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private SourceOptions source;

    @Parameters(index = "0", paramLabel = "PATH", converter = PathConverter.class,
            description = "Config path of a scalar, e.g. database.password.")
    private ConfigPath path;

    @Override
    public Integer call() {
        Configuration config = source.load();
        ConfigNode node = config.node(path.toString()).orElseThrow(() -> new ConfigMissingException(null, path,
                "no value at this path: " + config.explain(path.toString()).reason()));
        if (!(node instanceof ConfigScalar)) {
            throw new ConfigTypeException(node.origin(), path, "decrypt prints one value, and this path holds "
                    + node.kindName() + " (fix: name a scalar below it)");
        }
        spec.commandLine().getOut().println(config.getSecret(path.toString()).reveal());
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
