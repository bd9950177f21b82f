package dev.lamina.config.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import dev.lamina.config.BundleSignature;
import dev.lamina.config.EnvelopeRotation;
import dev.lamina.config.Keyring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code configctl rotate}: re-encrypts every envelope of a directory's files under another key id. */
@Command(name = "rotate", mixinStandardHelpOptions = true,
        description = {"Re-encrypt every ENC[v1,...] value of the directory's configuration files under NEW_KEY_ID, "
                + "rewriting only the envelopes (comments and layout stay) crash-safely.",
            "Every file is checked before any is written: if one value cannot be decrypted, nothing changes."})
final class RotateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", required = true, description = "Configuration directory.")
    private Path directory;

    @Option(names = "--key-file", paramLabel = "FILE",
            description = "Key file holding the current keys and the new one (default: $CONFIG_ENCRYPTION_KEY).")
    private Path keyFile;

    @Option(names = "--new-key-id", paramLabel = "ID", required = true,
            description = "Key to encrypt with (add it first with configctl keygen).")
    private String newKeyId;

    @Override
    public Integer call() {
        Keyring keyring = SecretsSupport.keyring(spec, keyFile);
        if (!keyring.hasKey(newKeyId)) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--new-key-id': '" + newKeyId
                    + "' is not in the key file (known: " + String.join(", ", keyring.keyIds())
                    + "; add it with configctl keygen --key-file FILE --key-id " + newKeyId + ")");
        }
        if (!Files.isDirectory(directory)) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--dir': " + directory
                    + " is not a directory");
        }
        List<EnvelopeRotation.Result> results = EnvelopeRotation.rotateDirectory(directory, keyring, newKeyId);
        int total = 0;
        for (EnvelopeRotation.Result r : results) {
            spec.commandLine().getOut().println("rotated " + r.rotated() + " value(s) in " + r.file());
            total += r.rotated();
        }
        spec.commandLine().getOut().println("rotated " + total + " value(s) in " + results.size() + " file(s) to key '"
                + newKeyId + "'");
        if (total > 0 && Files.exists(directory.resolve(BundleSignature.FILE_NAME))) {
            spec.commandLine().getErr().println("configctl: warning: the directory is signed and its files changed; "
                    + "sign it again (configctl sign --dir " + directory + " --private KEY)");
            spec.commandLine().getErr().flush();
        }
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
