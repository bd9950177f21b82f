package dev.lamina.config.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import dev.lamina.config.Keyring;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** What the secrets commands share: the key file or {@code CONFIG_ENCRYPTION_KEY}, and SOPS decoding. */
final class SecretsSupport {

    private SecretsSupport() {
    }

    /**
     * @param spec    the command, for usage errors
     * @param keyFile {@code --key-file}, or {@code null}
     * @return the keyring of the key file, else of {@code CONFIG_ENCRYPTION_KEY}
     * @throws ParameterException when neither is given
     */
    static Keyring keyring(CommandSpec spec, Path keyFile) {
        if (keyFile != null) {
            return Keyring.load(keyFile);
        }
        Map<String, String> env = ((ConfigCtl) spec.root().userObject()).environment();
        return Keyring.fromEnvironment(n -> Optional.ofNullable(env.get(n))).orElseThrow(() -> new ParameterException(
                spec.commandLine(), "Missing required option: '--key-file=FILE' (or set "
                        + Keyring.ENVIRONMENT_VARIABLE + ")"));
    }

    /**
     * @param environment the variables
     * @return the SOPS decoder with the age identities of {@code SOPS_AGE_KEY_FILE} / {@code SOPS_AGE_KEY}
     */
    static dev.lamina.config.sops.SopsDecoder sopsDecoder(Map<String, String> environment) {
        return dev.lamina.config.sops.SopsDecoder.fromEnvironment(environment);
    }
}
