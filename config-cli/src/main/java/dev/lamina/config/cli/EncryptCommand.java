package dev.lamina.config.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.lamina.config.ConfigPath;
import dev.lamina.config.Keyring;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code configctl encrypt}: prints the {@code ENC[v1,...]} envelope of a value for one config path. */
@Command(name = "encrypt", mixinStandardHelpOptions = true,
        description = {"Print the ENC[v1,AES256_GCM,...] envelope of VALUE for PATH, to paste into a configuration "
                + "file. The path is authenticated: the envelope only decrypts at that path.",
            "Give '-' as VALUE to read it from standard input (one trailing newline is removed), so it stays out of "
                + "the shell history."})
final class EncryptCommand implements Callable<Integer> {

    /** Bound on a value read from standard input: the default string limit of the parsers. */
    private static final int MAX_VALUE_BYTES = 1024 * 1024;

    @Spec
    private CommandSpec spec;

    @Option(names = "--key-file", paramLabel = "FILE", description = "Key file (default: $CONFIG_ENCRYPTION_KEY).")
    private Path keyFile;

    @Option(names = "--key-id", paramLabel = "ID", description = "Key to use (default: the key file's primary key).")
    private String keyId;

    @Option(names = "--path", paramLabel = "PATH", required = true, converter = PathConverter.class,
            description = "Config path the value will be read at, e.g. database.password.")
    private ConfigPath path;

    @Parameters(index = "0", paramLabel = "VALUE", description = "The value, or '-' for standard input.")
    private String value;

    @Override
    public Integer call() throws IOException {
        Keyring keyring = SecretsSupport.keyring(spec, keyFile);
        String id = keyId == null ? keyring.primaryKeyId() : keyId;
        if (!keyring.hasKey(id)) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--key-id': '" + id
                    + "' is not in the key file (known: " + String.join(", ", keyring.keyIds()) + ")");
        }
        String plain = value.equals("-") ? readInput() : value;
        spec.commandLine().getOut().println(keyring.encrypt(path.toString(), plain, id));
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }

    private String readInput() throws IOException {
        byte[] bytes = ((ConfigCtl) spec.root().userObject()).input().readNBytes(MAX_VALUE_BYTES + 1);
        if (bytes.length > MAX_VALUE_BYTES) {
            throw new ParameterException(spec.commandLine(), "the value on standard input is longer than "
                    + MAX_VALUE_BYTES + " bytes");
        }
        String s = new String(bytes, StandardCharsets.UTF_8);
        if (s.endsWith("\r\n")) {
            return s.substring(0, s.length() - 2);
        }
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }
}
