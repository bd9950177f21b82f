package dev.lamina.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Envelopes: round trip, tampering, moved values, unknown key ids, malformed fields, key sources. */
class KeyringTest {

    private static final String PLAIN = "s3cr3t-Pl4nt";

    @TempDir
    Path dir;

    private final Keyring keyring = Keyring.generate("k1");

    @Test
    void decryptsWhatItEncryptedAtTheSamePath() {
        String env = keyring.encrypt("database.password", PLAIN);
        assertThat(env).startsWith("ENC[v1,AES256_GCM,kid:k1,iv:").endsWith("]").doesNotContain(PLAIN);
        assertThat(keyring.decrypt("database.password", env)).isEqualTo(PLAIN);
        assertThat(keyring.decrypt("database.password", keyring.encrypt("database.password", ""))).isEmpty();
    }

    @Test
    void tenThousandEncryptionsOfOnePlaintextAreAllDistinct() {
        Set<String> envelopes = new HashSet<>();
        Set<String> ivs = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String env = keyring.encrypt("a.b", PLAIN);
            envelopes.add(env);
            ivs.add(env.substring(env.indexOf(",iv:"), env.indexOf(",data:")));
        }
        assertThat(envelopes).hasSize(10_000);
        assertThat(ivs).hasSize(10_000);
    }

    @Test
    void aValueMovedToAnotherPathFailsNamingPathAndKeyId() {
        String env = keyring.encrypt("database.password", PLAIN);
        assertThatThrownBy(() -> keyring.decrypt("cache.password", env))
                .isInstanceOf(ConfigSecretException.class)
                .hasMessageStartingWith("cache.password: ")
                .hasMessageContaining("key id 'k1'")
                .hasMessageContaining("another path")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PLAIN).doesNotContain(env));
    }

    @ParameterizedTest(name = "tampered {0}")
    @CsvSource({"iv", "data", "tag"})
    void tamperedFieldsFail(String field) {
        String env = keyring.encrypt("a.b", PLAIN);
        String tampered = flip(env, field);
        assertThatThrownBy(() -> keyring.decrypt("a.b", tampered))
                .isInstanceOf(ConfigSecretException.class)
                .hasMessageContaining("authentication failed")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(PLAIN).doesNotContain(tampered));
    }

    @Test
    void unknownKeyIdIsNamedWithTheKnownOnes() {
        String env = Keyring.generate("other").encrypt("a.b", PLAIN);
        assertThatThrownBy(() -> keyring.decrypt("a.b", env))
                .hasMessageContaining("unknown key id 'other'")
                .hasMessageContaining("[k1]");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "ENC[v2,AES256_GCM,kid:k1,iv:AAAAAAAAAAAAAAAA,data:,tag:AAAAAAAAAAAAAAAAAAAAAA==]|unsupported envelope version 'v2'",
        "ENC[v1,AES128_CBC,kid:k1,iv:AAAAAAAAAAAAAAAA,data:,tag:AAAAAAAAAAAAAAAAAAAAAA==]|algorithm AES256_GCM",
        "ENC[v1,AES256_GCM,kid:k1,iv:AAAAAAAAAAAAAAAA,data:]|expected 6 fields",
        "ENC[v1,AES256_GCM,id:k1,iv:AAAAAAAAAAAAAAAA,data:,tag:AAAAAAAAAAAAAAAAAAAAAA==]|field kid",
        "ENC[v1,AES256_GCM,kid:k/1,iv:AAAAAAAAAAAAAAAA,data:,tag:AAAAAAAAAAAAAAAAAAAAAA==]|field kid is not a key id",
        "ENC[v1,AES256_GCM,kid:k1,iv:AAAA!AAAAAAAAAAA,data:,tag:AAAAAAAAAAAAAAAAAAAAAA==]|field iv is not valid base64",
        "ENC[v1,AES256_GCM,kid:k1,iv:AAAAAAAA,data:,tag:AAAAAAAAAAAAAAAAAAAAAA==]|field iv must be 12 bytes",
        "ENC[v1,AES256_GCM,kid:k1,nonce:AAAAAAAAAAAAAAAA,data:,tag:AAAAAAAAAAAAAAAAAAAAAA==]|field iv",
        "ENC[v1,AES256_GCM,kid:k1,iv:AAAAAAAAAAAAAAAA,data:%%,tag:AAAAAAAAAAAAAAAAAAAAAA==]|field data is not valid base64",
        "ENC[v1,AES256_GCM,kid:k1,iv:AAAAAAAAAAAAAAAA,dat:,tag:AAAAAAAAAAAAAAAAAAAAAA==]|field data",
        "ENC[v1,AES256_GCM,kid:k1,iv:AAAAAAAAAAAAAAAA,data:,tag:AAAA]|field tag must be 16 bytes",
        "ENC[v1,AES256_GCM,kid:k1,iv:AAAAAAAAAAAAAAAA,data:,tag:***]|field tag is not valid base64",
        "ENC[v1,AES256_GCM,kid:k1,iv:AAAAAAAAAAAAAAAA,data:,mac:AAAAAAAAAAAAAAAAAAAAAA==]|field tag",
    })
    void eachMalformedFieldIsNamed(String envelope, String expected) {
        assertThatThrownBy(() -> keyring.decrypt("a.b", envelope))
                .isInstanceOf(ConfigSecretException.class)
                .hasMessageContaining(expected);
    }

    @Test
    void keyFileRoundTripsWithModeSixHundred() throws Exception {
        Path file = dir.resolve("keys");
        Keyring two = keyring.withGeneratedPrimary("k2");
        two.save(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        Keyring loaded = Keyring.load(file);
        assertThat(loaded.primaryKeyId()).isEqualTo("k2");
        assertThat(loaded.keyIds()).containsExactly("k1", "k2");
        assertThat(loaded.decrypt("x", keyring.encrypt("x", PLAIN))).isEqualTo(PLAIN);
        assertThat(loaded.toString()).doesNotContain(Files.readString(file).lines()
                .filter(l -> l.startsWith("key k1")).findFirst().orElseThrow().substring(7));
    }

    @ParameterizedTest(name = "mode {0} refused")
    @CsvSource({"rw-r-----", "rw----r--", "rw-rw-rw-", "rw-----w-"})
    void keyFileOpenToGroupOrOthersIsRefusedByModeBits(String mode) throws Exception {
        // Tests run as root, who can read anything: the check must be on the mode bits, not on readability.
        Path file = dir.resolve("keys");
        keyring.save(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        assertThatThrownBy(() -> Keyring.load(file))
                .isInstanceOf(ConfigSecretException.class)
                .hasMessageContaining("lets group or others access it")
                .hasMessageContaining("chmod 600 " + file);
    }

    @Test
    void malformedKeyFileNamesTheLineNeverTheKey() throws Exception {
        Path file = dir.resolve("keys");
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        Files.writeString(file, "primary k1\nkey k1 " + shortKey + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertThatThrownBy(() -> Keyring.load(file))
                .hasMessageContaining(file + ":2:1")
                .hasMessageContaining("wrong key length 16 bytes")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(shortKey));
        Files.writeString(file, "k1=" + shortKey + "\n");
        assertThatThrownBy(() -> Keyring.load(file)).hasMessageContaining("line not shown")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(shortKey));
        Files.writeString(file, "primary k9\nkey k1 " + Base64.getEncoder().encodeToString(new byte[32]) + "\n");
        assertThatThrownBy(() -> Keyring.load(file)).hasMessageContaining("primary key id 'k9' has no 'key' line");
        assertThatThrownBy(() -> Keyring.load(dir.resolve("missing"))).hasMessageContaining("does not exist");
    }

    @Test
    void environmentVariableTakesPlainOrKidPrefixedKeys() {
        String k = Base64.getEncoder().encodeToString(new byte[32]);
        assertThat(Keyring.parse(k).primaryKeyId()).isEqualTo(Keyring.DEFAULT_KEY_ID);
        Keyring two = Keyring.parse("new:" + k + ", old:" + k);
        assertThat(two.primaryKeyId()).isEqualTo("new");
        assertThat(two.keyIds()).containsExactly("new", "old");
        assertThat(Keyring.fromEnvironment(n -> Optional.empty())).isEmpty();
        Map<String, String> vars = Map.of("CONFIG_ENCRYPTION_KEY", "k:" + k);
        assertThat(Keyring.fromEnvironment(n -> Optional.ofNullable(vars.get(n))))
                .hasValueSatisfying(r -> assertThat(r.keyIds()).containsExactly("k"));
        String bad = Base64.getEncoder().encodeToString(new byte[31]);
        assertThatThrownBy(() -> Keyring.parse("k:" + bad)).hasMessageContaining("$CONFIG_ENCRYPTION_KEY")
                .hasMessageContaining("wrong key length 31").satisfies(e -> assertThat(e.getMessage()).doesNotContain(bad));
        assertThatThrownBy(() -> Keyring.parse("k:not base64!")).hasMessageContaining("not valid base64")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not base64!"));
    }

    @Test
    void codeKeysAreChecked() {
        assertThatThrownBy(() -> Keyring.of("k", new byte[16])).hasMessageContaining("wrong key length 16");
        assertThatThrownBy(() -> Keyring.of("bad id", new byte[32])).hasMessageContaining("malformed key id");
        assertThatThrownBy(() -> keyring.withKey("k1", new byte[32])).hasMessageContaining("already");
        assertThatThrownBy(() -> keyring.withPrimary("zz")).hasMessageContaining("not in the keyring");
        assertThat(keyring.toString()).isEqualTo("Keyring[primary=k1, keyIds=[k1]]");
    }

    private static String flip(String envelope, String field) {
        int start = envelope.indexOf("," + field + ":") + field.length() + 2;
        int end = envelope.indexOf(field.equals("tag") ? "]" : ",", start);
        byte[] bytes = Base64.getDecoder().decode(envelope.substring(start, end));
        if (bytes.length == 0) {
            bytes = new byte[] {1};
        } else {
            bytes[0] ^= 1;
        }
        return envelope.substring(0, start) + Base64.getEncoder().encodeToString(bytes) + envelope.substring(end);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
