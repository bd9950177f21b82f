package dev.lamina.config.sops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.BundleSignature;
import dev.lamina.config.Configuration;
import dev.lamina.config.ConfigurationManager;
import dev.lamina.config.ConfigurationOptions;
import dev.lamina.config.Keyring;
import dev.lamina.config.Secret;

/** The example of docs/security.md runs here, and the page's block is checked to be this code. */
class SecurityDocExampleTest {

    @TempDir
    Path tmp;

    private final List<String> connected = new ArrayList<>();

    private void connect(String password) {
        connected.add(password);
    }

    @Test
    void theExampleDoesWhatThePageSays() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("config"));
        Path keyFile = tmp.resolve("keys");
        Path publicKeyFile = tmp.resolve("release.pub");
        Keyring.generate("k1").save(keyFile);
        String written = Keyring.load(keyFile).encrypt("database.password", "s3cr3t");
        Files.writeString(dir.resolve("base.yaml"), "database:\n  password: " + written + "\n");
        Files.writeString(dir.resolve("production.yaml"), "database:\n  host: db\n");
        KeyPair signing = BundleSignature.generateKeyPair();
        BundleSignature.writePublicKey(publicKeyFile, signing.getPublic());
        BundleSignature.sign(dir, signing.getPrivate());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");

        // security:example:start
        Keyring keyring = Keyring.load(keyFile);                             // refused unless mode 600
        String envelope = keyring.encrypt("database.password", "s3cr3t");    // what configctl encrypt prints
        ConfigurationManager manager = new ConfigurationManager(ConfigurationOptions.builder()
                .directory(dir)
                .keyring(keyring)                                            // without it: CONFIG_ENCRYPTION_KEY
                .addDocumentDecoder(SopsDecoder.fromEnvironment(System.getenv())) // SOPS_AGE_KEY_FILE / SOPS_AGE_KEY
                .requireSignature(BundleSignature.readPublicKey(publicKeyFile))   // .lamina-signature must verify
                .build());
        Configuration config = manager.loadEnvironmentConfig("production");
        Secret password = config.getSecret("database.password");             // toString() is ***
        boolean secret = config.isSecret("database.password");               // true: masked everywhere
        connect(password.reveal());                                          // the one explicit way to the value
        manager.close();
        // security:example:end

        assertThat(envelope).startsWith("ENC[v1,AES256_GCM,kid:k1,").isNotEqualTo(written);
        assertThat(password.toString()).isEqualTo("***");
        assertThat(secret).isTrue();
        assertThat(connected).containsExactly("s3cr3t");
        assertThat(pageBlock()).isEqualTo(testBlock());
    }

    private static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("docs/security.md"))) {
                return p;
            }
        }
        throw new IllegalStateException("docs/security.md not found above " + Path.of("").toAbsolutePath());
    }

    private static String pageBlock() throws IOException {
        String page = Files.readString(root().resolve("docs/security.md"));
        Matcher m = Pattern.compile("<!-- security:example -->\\s*```java\\n(.*?)```", Pattern.DOTALL).matcher(page);
        assertThat(m.find()).as("docs/security.md has the example block").isTrue();
        return m.group(1);
    }

    private static String testBlock() throws IOException {
        String source = Files.readString(root().resolve(
                "config-sops/src/test/java/dev/lamina/config/sops/SecurityDocExampleTest.java"));
        int start = source.indexOf('\n', source.indexOf("// security:example:start")) + 1;
        int end = source.lastIndexOf('\n', source.indexOf("// security:example:end")) + 1;
        StringBuilder sb = new StringBuilder();
        for (String line : source.substring(start, end).split("\n", -1)) {
            sb.append(line.startsWith("        ") ? line.substring(8) : line.strip()).append('\n');
        }
        return sb.substring(0, sb.length() - 1);
    }
}
