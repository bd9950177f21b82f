package dev.lamina.config.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.lamina.config.BundleSignature;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code configctl verify}: exit 0 when the directory's signature is valid, 1 (with the reasons) when refused. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check the directory's " + BundleSignature.FILE_NAME + " against an Ed25519 public key and the "
                + "files: exit 0 when valid, 1 when refused (changed, missing, extra or renamed file, no signature, "
                + "wrong key).")
final class VerifyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", required = true, description = "Configuration directory.")
    private Path directory;

    @Option(names = "--public", paramLabel = "FILE", required = true, description = "Ed25519 public key (PEM).")
    private Path publicKey;

    @Override
    public Integer call() {
        // A refusal is a ConfigSignatureException: exit 1 with its message, like any invalid configuration.
        BundleSignature.verify(directory, BundleSignature.readPublicKey(publicKey));
        spec.commandLine().getOut().println("verified " + directory + ": every file matches the signature");
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
