package dev.lamina.config.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.lamina.config.BundleSignature;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code configctl sign}: writes the directory's {@code .lamina-signature}. */
@Command(name = "sign", mixinStandardHelpOptions = true,
        description = "Sign every file of the configuration directory (path and SHA-256) with an Ed25519 private key; "
                + "writes DIR/" + BundleSignature.FILE_NAME + ".")
final class SignCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", required = true, description = "Configuration directory.")
    private Path directory;

    @Option(names = "--private", paramLabel = "FILE", required = true,
            description = "Ed25519 private key (PEM, mode 600), from configctl keygen --signing.")
    private Path privateKey;

    @Override
    public Integer call() {
        BundleSignature.sign(directory, BundleSignature.readPrivateKey(privateKey));
        spec.commandLine().getOut().println("signed " + directory + " (" + directory.resolve(BundleSignature.FILE_NAME)
                + ")");
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
