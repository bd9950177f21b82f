package dev.lamina.config.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.Keyring;

/** keygen, encrypt, decrypt, rotate, sign, verify, and --key-file / --require-signature on loading commands. */
class SecretsCommandsTest {

    private static final String PLAIN = "Tr0ub4dor&3";

    @TempDir
    Path tmp;

    private Path dir;
    private Path keys;

    @BeforeEach
    void setUp() throws Exception {
        dir = Files.createDirectories(tmp.resolve("config"));
        keys = tmp.resolve("keys");
        Files.writeString(dir.resolve("base.yaml"), "# the database\ndb:\n  host: db.internal  # primary\n");
        Files.writeString(dir.resolve("production.yaml"), "db:\n  port: 5432\n");
    }

    private String encrypt(String path, String value) {
        CliRun run = CliRun.of("encrypt", "--key-file=" + keys, "--path=" + path, value);
        assertThat(run.exitCode()).as(run.err()).isZero();
        return run.out().strip();
    }

    @Test
    void keygenCreatesAPrivateKeyFileAndAddsPrimaryKeys() throws Exception {
        CliRun first = CliRun.of("keygen", "--key-file=" + keys, "--key-id=k1");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys))).isEqualTo("rw-------");
        CliRun second = CliRun.of("keygen", "--key-file=" + keys, "--key-id=k2");
        assertThat(second.out()).contains("added key 'k2'").contains("keys: k1, k2");
        assertThat(Keyring.load(keys).primaryKeyId()).isEqualTo("k2");
        String keyLine = Files.readString(keys).lines().filter(l -> l.startsWith("key k2")).findFirst().orElseThrow();
        assertThat(first.out() + second.out() + second.err()).doesNotContain(keyLine.substring(7));
        assertThat(CliRun.of("keygen", "--key-file=" + keys, "--key-id=k2").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(CliRun.of("keygen", "--key-file=" + keys, "--key-id=bad id").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void encryptThenLoadMasksAndOnlyDecryptPrints() throws Exception {
        CliRun.of("keygen", "--key-file=" + keys, "--key-id=k1");
        String envelope = encrypt("db.password", PLAIN);
        assertThat(envelope).startsWith("ENC[v1,AES256_GCM,kid:k1,").doesNotContain(PLAIN);
        Files.writeString(dir.resolve("base.yaml"), "db:\n  host: h\n  password: " + envelope + "\n");

        CliRun get = CliRun.of("get", "--dir=" + dir, "--env=production", "--key-file=" + keys, "db.password");
        assertThat(get.exitCode()).as(get.err()).isZero();
        assertThat(get.out()).isEqualTo("***\n");
        CliRun render = CliRun.of("render", "--dir=" + dir, "--env=production", "--key-file=" + keys);
        assertThat(render.out()).contains("password: \"***\"").doesNotContain(PLAIN);

        CliRun decrypt = CliRun.of("decrypt", "--dir=" + dir, "--env=production", "--key-file=" + keys, "db.password");
        assertThat(decrypt.exitCode()).as(decrypt.err()).isZero();
        assertThat(decrypt.out()).isEqualTo(PLAIN + "\n");
        CliRun object = CliRun.of("decrypt", "--dir=" + dir, "--env=production", "--key-file=" + keys, "db");
        assertThat(object.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION);
        assertThat(object.err()).contains("decrypt prints one value");
    }

    @Test
    void encryptReadsStandardInputAndConfigEncryptionKey() {
        CliRun.of("keygen", "--key-file=" + keys, "--key-id=k1");
        CliRun stdin = CliRun.withInput(PLAIN + "\n", "encrypt", "--key-file=" + keys, "--path=a.b", "-");
        assertThat(stdin.exitCode()).as(stdin.err()).isZero();
        assertThat(Keyring.load(keys).decrypt("a.b", stdin.out().strip())).isEqualTo(PLAIN);

        String key = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        CliRun env = CliRun.withEnvironment(Map.of("CONFIG_ENCRYPTION_KEY", "ci:" + key), "encrypt", "--path=x", "v");
        assertThat(env.out()).startsWith("ENC[v1,AES256_GCM,kid:ci,");
        CliRun none = CliRun.of("encrypt", "--path=x", "v");
        assertThat(none.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).contains("--key-file").contains("CONFIG_ENCRYPTION_KEY");
        CliRun unknown = CliRun.of("encrypt", "--key-file=" + keys, "--key-id=k7", "--path=x", "v");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aLoadWithAValueMovedToAnotherPathFailsWithExitOne() throws Exception {
        CliRun.of("keygen", "--key-file=" + keys, "--key-id=k1");
        Files.writeString(dir.resolve("base.yaml"), "db:\n  password: " + encrypt("db.other", PLAIN) + "\n");
        CliRun get = CliRun.of("get", "--dir=" + dir, "--env=production", "--key-file=" + keys, "db.port");
        assertThat(get.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION);
        assertThat(get.err()).contains("base.yaml:2:").contains("db.password").contains("key id 'k1'")
                .doesNotContain(PLAIN);
    }

    @Test
    void keyFileOpenToOthersIsRefused() throws Exception {
        CliRun.of("keygen", "--key-file=" + keys, "--key-id=k1");
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rw-r--r--"));
        CliRun run = CliRun.of("render", "--dir=" + dir, "--env=production", "--key-file=" + keys);
        assertThat(run.exitCode()).isEqualTo(ExitCodes.INVALID_CONFIGURATION);
        assertThat(run.err()).contains("chmod 600 " + keys);
    }

    @Test
    void rotateReEncryptsEveryFileKeepingComments() throws Exception {
        CliRun.of("keygen", "--key-file=" + keys, "--key-id=k1");
        Files.writeString(dir.resolve("base.yaml"), "# the database\ndb:\n  password: " + encrypt("db.password", PLAIN)
                + "  # yearly\n");
        Files.delete(dir.resolve("production.yaml"));
        Files.writeString(dir.resolve("production.properties"), "# prod\napi.token=" + encrypt("api.token", "t") + "\n");
        CliRun.of("keygen", "--key-file=" + keys, "--key-id=k2");
        CliRun rotate = CliRun.of("rotate", "--dir=" + dir, "--key-file=" + keys, "--new-key-id=k2");
        assertThat(rotate.exitCode()).as(rotate.err()).isZero();
        assertThat(rotate.out()).contains("rotated 2 value(s) in 2 file(s) to key 'k2'");
        assertThat(Files.readString(dir.resolve("base.yaml"))).startsWith("# the database\ndb:\n  password: ENC[v1,AES256_GCM,kid:k2,")
                .endsWith("]  # yearly\n");
        assertThat(Files.readString(dir.resolve("production.properties"))).startsWith("# prod\napi.token=ENC[v1,AES256_GCM,kid:k2,");
        CliRun decrypt = CliRun.of("decrypt", "--dir=" + dir, "--env=production", "--key-file=" + keys, "db.password");
        assertThat(decrypt.out()).as(decrypt.err()).isEqualTo(PLAIN + "\n");
        CliRun missing = CliRun.of("rotate", "--dir=" + dir, "--key-file=" + keys, "--new-key-id=k3");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("configctl keygen");
    }

    @Test
    void signVerifyAndRequireSignature() throws Exception {
        Path priv = tmp.resolve("sign.key");
        Path pub = tmp.resolve("sign.pub");
        CliRun keygen = CliRun.of("keygen", "--signing", "--private=" + priv, "--public=" + pub);
        assertThat(keygen.exitCode()).as(keygen.err()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(priv))).isEqualTo("rw-------");
        assertThat(CliRun.of("verify", "--dir=" + dir, "--public=" + pub).exitCode()).isEqualTo(1);
        CliRun sign = CliRun.of("sign", "--dir=" + dir, "--private=" + priv);
        assertThat(sign.exitCode()).as(sign.err()).isZero();
        CliRun verify = CliRun.of("verify", "--dir=" + dir, "--public=" + pub);
        assertThat(verify.exitCode()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("every file matches");
        CliRun get = CliRun.of("get", "--dir=" + dir, "--env=production", "--require-signature=" + pub, "db.port");
        assertThat(get.out()).isEqualTo("5432\n");

        Files.writeString(dir.resolve("production.yaml"), "db:\n  port: 6543\n");
        CliRun refused = CliRun.of("verify", "--dir=" + dir, "--public=" + pub);
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("production.yaml changed since it was signed");
        CliRun getRefused = CliRun.of("get", "--dir=" + dir, "--env=production", "--require-signature=" + pub,
                "db.port");
        assertThat(getRefused.exitCode()).isEqualTo(1);
        assertThat(getRefused.out()).isEmpty();
        // push reads the files on its own path: the signature is checked there too, before anything is sent.
        CliRun pushRefused = CliRun.of("push", "--dir=" + dir, "--env=production", "--require-signature=" + pub,
                "--etcd=http://127.0.0.1:9", "--prefix=/app/", "--dry-run");
        assertThat(pushRefused.exitCode()).isEqualTo(1);
        assertThat(pushRefused.out()).isEmpty();
        assertThat(pushRefused.err()).contains("production.yaml changed since it was signed");
        assertThat(CliRun.of("keygen", "--signing", "--private=" + priv, "--public=" + pub).exitCode())
                .isEqualTo(ExitCodes.USAGE);
    }
}
