package dev.lamina.config.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.concurrent.Callable;

import dev.lamina.config.BundleSignature;
import dev.lamina.config.Keyring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code configctl keygen}: adds a random 256-bit key to a key file and makes it the primary, or writes an Ed25519
 * key pair for signing. Prints key ids and file names, never a key.
 */
@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = {"Add a new random AES-256 key to a key file (created with mode 600) and make it the primary "
                + "key for new encryptions; or, with --signing, write an Ed25519 key pair.",
            "Keys are never printed."})
final class KeygenCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--key-file", paramLabel = "FILE", description = "Key file to create or add to.")
    private Path keyFile;

    @Option(names = "--key-id", paramLabel = "ID", description = "Id of the new key (letters, digits, '.', '_', '-').")
    private String keyId;

    @Option(names = "--signing", description = "Write an Ed25519 signing key pair instead.")
    private boolean signing;

    @Option(names = "--private", paramLabel = "FILE", description = "With --signing: the private key (mode 600).")
    private Path privateKey;

    @Option(names = "--public", paramLabel = "FILE", description = "With --signing: the public key.")
    private Path publicKey;

    @Override
    public Integer call() {
        if (signing) {
            if (privateKey == null || publicKey == null) {
                throw new ParameterException(spec.commandLine(), "--signing needs --private=FILE and --public=FILE");
            }
            if (keyFile != null || keyId != null) {
                throw new ParameterException(spec.commandLine(), "--signing does not take --key-file or --key-id");
            }
            refuseOverwrite(privateKey);
            KeyPair pair = BundleSignature.generateKeyPair();
            BundleSignature.writePrivateKey(privateKey, pair.getPrivate());
            BundleSignature.writePublicKey(publicKey, pair.getPublic());
            spec.commandLine().getOut().println("wrote Ed25519 private key " + privateKey + " (mode 600) and public key "
                    + publicKey);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
        if (keyFile == null || keyId == null) {
            throw new ParameterException(spec.commandLine(), "keygen needs --key-file=FILE and --key-id=ID "
                    + "(or --signing --private=FILE --public=FILE)");
        }
        if (!Keyring.isValidKeyId(keyId)) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--key-id': '" + keyId
                    + "' (letters, digits, '.', '_', '-', at most 64)");
        }
        Keyring ring;
        if (Files.exists(keyFile)) {
            Keyring existing = Keyring.load(keyFile);
            if (existing.hasKey(keyId)) {
                throw new ParameterException(spec.commandLine(), "key id '" + keyId + "' is already in " + keyFile
                        + " (choose a new id)");
            }
            ring = existing.withGeneratedPrimary(keyId);
        } else {
            ring = Keyring.generate(keyId);
        }
        ring.save(keyFile);
        spec.commandLine().getOut().println("added key '" + keyId + "' to " + keyFile + " as the primary key (keys: "
                + String.join(", ", ring.keyIds()) + ")");
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    private void refuseOverwrite(Path file) {
        if (Files.exists(file)) {
            throw new ParameterException(spec.commandLine(), file + " already exists (a signing key is never "
                    + "overwritten; remove it first)");
        }
    }
}
