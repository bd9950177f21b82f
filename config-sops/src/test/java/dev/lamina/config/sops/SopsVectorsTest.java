package dev.lamina.config.sops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.exceptionfactory.jagged.framework.armor.ArmoredEncryptingChannelFactory;
import com.exceptionfactory.jagged.x25519.X25519KeyPairGenerator;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaWriterFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.lamina.config.ConfigLoader;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.ConfigSecretException;
import dev.lamina.config.ConfigSources;
import dev.lamina.config.Configuration;
import dev.lamina.config.ConfigurationOptions;
import dev.lamina.config.Format;
import dev.lamina.config.testing.SharedSuites;

/** SOPS's own example files: every value and the MAC match the published vectors in ../shared/secret-suites/sops. */
class SopsVectorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static Path suite(String name) {
        return SharedSuites.require("secret-suites/sops/" + name);
    }

    private static byte[] hexKey(String name) throws Exception {
        return HexFormat.of().parseHex(Files.readString(suite(name)).strip());
    }

    private static Configuration load(Path file, SopsDecoder decoder) {
        return new ConfigLoader(ConfigurationOptions.builder().addDocumentDecoder(decoder).build())
                .load(List.of(ConfigSources.file(file)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"example.json, data-key.hex, expected.json", "example.yaml, data-key-yaml.hex, expected-yaml.json"})
    void decryptsEveryValueAsPublished(String file, String key, String expected) throws Exception {
        Configuration config = load(suite(file), SopsDecoder.builder().dataKey(hexKey(key)).build());
        JsonNode want = JSON.readTree(suite(expected).toFile());
        assertThat(config.hasPath("sops")).isFalse();
        assertSame(want, config.root(), config);
        assertThat(config.leafPaths()).hasSize(countLeaves(want));
    }

    @Test
    void decryptedValuesAreSecretAndUnencryptedOnesAreNot() throws Exception {
        Configuration config = load(suite("example.yaml"), SopsDecoder.builder().dataKey(hexKey("data-key-yaml.hex")).build());
        assertThat(config.isSecret("myapp1")).isTrue();
        assertThat(config.toString()).doesNotContain("t00m4nys3cr3tzupdated");
        config.leafPaths().stream().filter(p -> p.segments().stream().anyMatch(s -> s.endsWith("_unencrypted")))
                .forEach(p -> assertThat(config.isSecret(p.toString())).as(p.toString()).isFalse());
    }

    @Test
    void aChangedUnencryptedValueFailsTheMac() throws Exception {
        String text = Files.readString(suite("example.yaml"));
        String unencrypted = "    - because of the _unencrypted suffix in the key";
        assertThat(text).contains(unencrypted);
        Path copy = dir.resolve("production.yaml");
        Files.writeString(copy, text.replace(unencrypted, unencrypted + "x"));
        assertThatThrownBy(() -> load(copy, SopsDecoder.builder().dataKey(hexKey("data-key-yaml.hex")).build()))
                .isInstanceOf(ConfigSecretException.class)
                .hasMessageContaining("production.yaml")
                .hasMessageContaining("MAC does not match");
    }

    @Test
    void swappedEncryptedValuesFailNamingThePath() throws Exception {
        ObjectNode doc = (ObjectNode) JSON.readTree(suite("example.json").toFile());
        JsonNode first = doc.get("firstName");
        doc.set("firstName", doc.get("lastName"));
        doc.set("lastName", first);
        Path copy = dir.resolve("base.json");
        JSON.writeValue(copy.toFile(), doc);
        assertThatThrownBy(() -> load(copy, SopsDecoder.builder().dataKey(hexKey("data-key.hex")).build()))
                .isInstanceOf(ConfigSecretException.class)
                .hasMessageContaining("firstName")
                .hasMessageContaining("does not decrypt")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("John").doesNotContain("Smith"));
    }

    /** Each malformed part of a SOPS file is an error naming the path; no value, ciphertext or key is quoted. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "firstName|ENC[AES256_GCM,data:f8++3g==,iv:rYuVzzb+C40QlYgO4Dl2V7atZUx0ITBcyb5fUsftKMo=,type:str]|firstName",
        "firstName|ENC[AES256_GCM,data:%%%,iv:rYuVzzb+C40QlYgO4Dl2V7atZUx0ITBcyb5fUsftKMo=,tag:krquPqa1HQltZqidzNamrA==,type:str]|firstName",
        "firstName|ENC[AES256_GCM,data:f8++3g==,iv:rYuVzzb+C40QlYgO4Dl2V7atZUx0ITBcyb5fUsftKMo=,tag:krquPqa1HQltZqidzNamrA==,type:blob]|firstName",
        "firstName|John|firstName",
    })
    void malformedValuesAreNamedByPath(String key, String value, String expectedPath) throws Exception {
        ObjectNode doc = (ObjectNode) JSON.readTree(suite("example.json").toFile());
        doc.put(key, value);
        Path copy = dir.resolve("base.json");
        JSON.writeValue(copy.toFile(), doc);
        assertThatThrownBy(() -> load(copy, SopsDecoder.builder().dataKey(hexKey("data-key.hex")).build()))
                .isInstanceOf(ConfigSecretException.class)
                .hasMessageContaining(expectedPath)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("f8++3g==").doesNotContain("Smith")
                        .doesNotContain("krquPqa1HQltZqidzNamrA=="));
    }

    @Test
    void malformedMetadataAndKeysAreRefused() throws Exception {
        ObjectNode doc = (ObjectNode) JSON.readTree(suite("example.json").toFile());
        ((ObjectNode) doc.get("sops")).put("mac", "not an envelope");
        Path copy = dir.resolve("base.json");
        JSON.writeValue(copy.toFile(), doc);
        assertThatThrownBy(() -> load(copy, SopsDecoder.builder().dataKey(hexKey("data-key.hex")).build()))
                .isInstanceOf(ConfigSecretException.class).hasMessageContaining("sops.mac");
        // A wrong data key: the MAC cannot be opened, and nothing is served.
        byte[] wrong = hexKey("data-key.hex");
        wrong[0] ^= 1;
        assertThatThrownBy(() -> load(suite("example.json"), SopsDecoder.builder().dataKey(wrong).build()))
                .isInstanceOf(ConfigSecretException.class).hasMessageContaining("sops.mac")
                .hasMessageContaining("another file's");
        // lastmodified is the MAC's authenticated data: editing it is a change made without SOPS.
        ObjectNode touched = (ObjectNode) JSON.readTree(suite("example.json").toFile());
        ((ObjectNode) touched.get("sops")).put("lastmodified", "2030-01-01T00:00:00Z");
        Path later = dir.resolve("later.json");
        JSON.writeValue(later.toFile(), touched);
        assertThatThrownBy(() -> load(later, SopsDecoder.builder().dataKey(hexKey("data-key.hex")).build()))
                .isInstanceOf(ConfigSecretException.class).hasMessageContaining("changed without SOPS");
        String bad = "AGE-SECRET-KEY-1NOTAREALKEY";
        assertThatThrownBy(() -> load(suite("example.json"),
                SopsDecoder.fromEnvironment(Map.of(SopsDecoder.AGE_KEY_VARIABLE, bad))))
                .isInstanceOf(ConfigSecretException.class).hasMessageContaining("malformed")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(bad));
        assertThatThrownBy(() -> load(suite("example.json"), SopsDecoder.fromEnvironment(Map.of(
                SopsDecoder.AGE_KEY_FILE_VARIABLE, dir.resolve("missing.txt").toString()))))
                .hasMessageContaining("does not exist");
    }

    @Test
    void withoutAUsableKeyTheErrorListsTheRecipients() {
        assertThatThrownBy(() -> load(suite("example.json"), SopsDecoder.fromEnvironment(Map.of())))
                .isInstanceOf(ConfigSecretException.class)
                .hasMessageContaining("no usable key")
                .hasMessageContaining("PGP [FBC7B9E2A4F9289AC0C1D4843D16CEE4A27381B4, D7229043384BCC60326C6FB9D8720D957C3D3074]")
                .hasMessageContaining("no age identity is configured")
                .hasMessageContaining("SOPS_AGE_KEY_FILE");
    }

    @Test
    void ageIdentityFromTheEnvironmentUnwrapsTheDataKey() throws Exception {
        KeyPair pair = new X25519KeyPairGenerator().generateKeyPair();
        String recipient = pair.getPublic().toString();
        String identity = pair.getPrivate().toString();
        Path copy = withAgeStanza(recipient, wrap(hexKey("data-key.hex"), recipient));

        Configuration inline = load(copy, SopsDecoder.fromEnvironment(Map.of(SopsDecoder.AGE_KEY_VARIABLE,
                "# created by a test\n" + identity + "\n")));
        assertThat(inline.getString("firstName")).isEqualTo("John");

        Path keyFile = dir.resolve("keys.txt");
        Files.writeString(keyFile, "# public key: " + recipient + "\n" + identity + "\n");
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        Configuration fromFile = load(copy, SopsDecoder.fromEnvironment(Map.of(SopsDecoder.AGE_KEY_FILE_VARIABLE,
                keyFile.toString())));
        assertThat(fromFile.getDouble("age")).isEqualTo(25.4);

        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> load(copy, SopsDecoder.fromEnvironment(Map.of(SopsDecoder.AGE_KEY_FILE_VARIABLE,
                keyFile.toString())))).hasMessageContaining("chmod 600");

        String other = new X25519KeyPairGenerator().generateKeyPair().getPrivate().toString();
        assertThatThrownBy(() -> load(copy, SopsDecoder.fromEnvironment(Map.of(SopsDecoder.AGE_KEY_VARIABLE, other))))
                .hasMessageContaining("age [" + recipient + "]")
                .hasMessageContaining("none of the configured age identities opens it")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(other));
    }

    @Test
    void ageCommandLineInterop() throws Exception {
        Path age;
        try {
            age = java.util.stream.Stream.of("/usr/bin/age", "/usr/local/bin/age").map(Path::of)
                    .filter(Files::isExecutable).findFirst().orElse(null);
        } catch (RuntimeException e) {
            age = null;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(age != null,
                "the age command is not installed (apt-get install age); skipping the age CLI interop test");
        KeyPair pair = new X25519KeyPairGenerator().generateKeyPair();
        String recipient = pair.getPublic().toString();
        Path keyBin = dir.resolve("datakey.bin");
        Files.write(keyBin, hexKey("data-key.hex"));
        Process p = new ProcessBuilder(age.toString(), "-a", "-r", recipient, keyBin.toString())
                .redirectErrorStream(false).start();
        String armored = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertThat(p.waitFor()).isZero();
        Path copy = withAgeStanza(recipient, armored);
        Configuration config = load(copy, SopsDecoder.builder().ageIdentities(pair.getPrivate().toString()).build());
        assertThat(config.getString("address.city")).isEqualTo("New York");
    }

    private Path withAgeStanza(String recipient, String armored) throws Exception {
        ObjectNode doc = (ObjectNode) JSON.readTree(suite("example.json").toFile());
        ObjectNode sops = (ObjectNode) doc.get("sops");
        sops.remove("pgp");
        ObjectNode stanza = JSON.createObjectNode().put("recipient", recipient).put("enc", armored);
        sops.set("age", JSON.createArrayNode().add(stanza));
        Path copy = dir.resolve("secrets.json");
        JSON.writerWithDefaultPrettyPrinter().writeValue(copy.toFile(), doc);
        return copy;
    }

    private static String wrap(byte[] dataKey, String recipient) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (WritableByteChannel ch = new ArmoredEncryptingChannelFactory().newEncryptingChannel(
                Channels.newChannel(out), List.of(X25519RecipientStanzaWriterFactory.newRecipientStanzaWriter(recipient)))) {
            ch.write(java.nio.ByteBuffer.wrap(dataKey));
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    private static void assertSame(JsonNode want, ConfigNode got, Configuration config) {
        if (want.isObject()) {
            assertThat(got).isInstanceOf(dev.lamina.config.ConfigObject.class);
            Map<String, ConfigNode> entries = ((dev.lamina.config.ConfigObject) got).entries();
            assertThat(entries.keySet()).containsExactlyElementsOf(() -> want.fieldNames());
            for (Iterator<Map.Entry<String, JsonNode>> it = want.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                assertSame(e.getValue(), entries.get(e.getKey()), config);
            }
        } else if (want.isArray()) {
            List<ConfigNode> items = ((dev.lamina.config.ConfigList) got).items();
            assertThat(items).hasSize(want.size());
            for (int i = 0; i < want.size(); i++) {
                assertSame(want.get(i), items.get(i), config);
            }
        } else if (want.isNumber()) {
            assertThat(new BigDecimal(((ConfigScalar) got).text())).isEqualByComparingTo(want.decimalValue());
        } else if (want.isBoolean()) {
            assertThat(((ConfigScalar) got).text()).isEqualTo(want.asText());
        } else {
            assertThat(((ConfigScalar) got).text()).isEqualTo(want.asText());
        }
    }

    private static int countLeaves(JsonNode n) {
        if (n.isContainerNode()) {
            if (n.isEmpty()) {
                return 1;
            }
            int c = 0;
            for (JsonNode child : n) {
                c += countLeaves(child);
            }
            return c;
        }
        return 1;
    }
}
