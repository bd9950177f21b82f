package dev.lamina.config;

import static dev.lamina.config.ManagerFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ed25519 signatures over a configuration directory: every way a bundle can be wrong refuses it. */
class BundleSignatureTest {

    @TempDir
    Path dir;

    private final KeyPair keys = BundleSignature.generateKeyPair();
    private ConfigurationManager manager;

    @BeforeEach
    void signed() {
        write(dir, "base.yaml", "port: 8080\n");
        write(dir, "prod.yaml", "port: 9090\n");
        write(dir, "tenants/acme.yaml", "port: 1\n");
        BundleSignature.sign(dir, keys.getPrivate());
    }

    @AfterEach
    void close() {
        if (manager != null) {
            manager.close();
        }
    }

    @Test
    void aSignedDirectoryVerifiesAndLoads() {
        assertThatCode(() -> BundleSignature.verify(dir, keys.getPublic())).doesNotThrowAnyException();
        manager = new ConfigurationManager(ManagerFixture.options(dir).requireSignature(keys.getPublic()).build());
        assertThat(manager.loadEnvironmentConfig("prod").getInt("port")).isEqualTo(9090);
    }

    @Test
    void aFlippedByteIsRefused() throws Exception {
        byte[] b = Files.readAllBytes(dir.resolve("prod.yaml"));
        b[7] ^= 1;
        Files.write(dir.resolve("prod.yaml"), b);
        assertRefused("prod.yaml changed since it was signed");
    }

    @Test
    void aMissingFileIsRefused() throws Exception {
        Files.delete(dir.resolve("tenants/acme.yaml"));
        assertRefused("tenants/acme.yaml is signed but missing");
    }

    @Test
    void anExtraFileIsRefused() {
        write(dir, "extra.yaml", "a: 1\n");
        assertRefused("extra.yaml is not covered by the signature");
    }

    @Test
    void aRenamedFileIsRefused() throws Exception {
        Files.move(dir.resolve("prod.yaml"), dir.resolve("production.yaml"));
        assertRefused("prod.yaml is signed but missing");
        assertRefused("production.yaml is not covered");
    }

    @Test
    void aMissingSignatureIsRefused() throws Exception {
        Files.delete(dir.resolve(BundleSignature.FILE_NAME));
        assertRefused("the directory is not signed");
    }

    @Test
    void aWrongKeyIsRefused() {
        assertThatThrownBy(() -> BundleSignature.verify(dir, BundleSignature.generateKeyPair().getPublic()))
                .isInstanceOf(ConfigSignatureException.class)
                .hasMessageContaining("does not verify with the given public key");
    }

    @Test
    void anEditedManifestIsRefused() throws Exception {
        Path sig = dir.resolve(BundleSignature.FILE_NAME);
        Files.writeString(sig, Files.readString(sig).replace("prod.yaml", "prud.yaml"));
        assertRefused("does not verify");
        Files.writeString(sig, "garbage\n");
        assertRefused("not a Lamina signature file");
    }

    @Test
    void theLoadIsRefusedBeforeAnyFileIsParsed() {
        // A file that would not even parse: the signature error must come first.
        write(dir, "prod.yaml", "port: [unclosed\n");
        manager = new ConfigurationManager(ManagerFixture.options(dir).requireSignature(keys.getPublic()).build());
        assertThatThrownBy(() -> manager.loadEnvironmentConfig("prod"))
                .isInstanceOf(ConfigSignatureException.class)
                .hasMessageContaining("prod.yaml changed since it was signed");
    }

    @Test
    void aReloadOfATamperedDirectoryKeepsTheLastGoodSnapshot() {
        manager = new ConfigurationManager(ManagerFixture.options(dir).requireSignature(keys.getPublic())
                .quietPeriod(Duration.ofMillis(20)).debounce(Duration.ofMillis(10)).build());
        ManagerFixture.Recorder events = new ManagerFixture.Recorder();
        manager.addChangeListener(events);
        manager.loadEnvironmentConfig("prod");
        manager.enableHotReload();
        write(dir, "prod.yaml", "port: 6666\n");
        await().atMost(Duration.ofSeconds(20)).until(() -> !events.errors.isEmpty());
        assertThat(events.errors.get(0).exception()).isInstanceOf(ConfigSignatureException.class);
        assertThat(manager.configuration().getInt("port")).isEqualTo(9090);
        assertThatThrownBy(manager::reload).isInstanceOf(ConfigSignatureException.class);
        BundleSignature.sign(dir, keys.getPrivate());
        assertThat(manager.reload().configuration().getInt("port")).isEqualTo(6666);
    }

    @Test
    void aTenantOverlayReadAfterTheLoadIsCheckedToo() {
        manager = new ConfigurationManager(ManagerFixture.options(dir).requireSignature(keys.getPublic()).build());
        manager.loadEnvironmentConfig("prod");
        write(dir, "tenants/acme.yaml", "port: 2\n");
        assertThatThrownBy(() -> manager.forTenant("acme"))
                .isInstanceOf(ConfigSignatureException.class)
                .hasMessageContaining("tenants/acme.yaml changed since it was signed");
    }

    @Test
    void aLoaderWithARequiredSignatureChecksItsDirectoryFirst() {
        ConfigLoader loader = new ConfigLoader(ConfigurationOptions.builder().directory(dir)
                .requireSignature(keys.getPublic()).build());
        assertThat(loader.load(java.util.List.of(ConfigSources.file(dir.resolve("prod.yaml")))).getInt("port"))
                .isEqualTo(9090);
        write(dir, "prod.yaml", "port: 1\n");
        assertThatThrownBy(() -> loader.load(java.util.List.of(ConfigSources.file(dir.resolve("prod.yaml")))))
                .isInstanceOf(ConfigSignatureException.class);
        assertThatThrownBy(() -> ConfigurationOptions.builder().requireSignature(
                java.security.KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic()))
                .hasMessageContaining("Ed25519");
    }

    @Test
    void keysRoundTripThroughPemWithAPrivateMode() throws Exception {
        Path priv = dir.resolve("../sign.key").normalize();
        Path pub = dir.resolve("../sign.pub").normalize();
        BundleSignature.writePrivateKey(priv, keys.getPrivate());
        BundleSignature.writePublicKey(pub, keys.getPublic());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(priv))).isEqualTo("rw-------");
        BundleSignature.sign(dir, BundleSignature.readPrivateKey(priv));
        assertThatCode(() -> BundleSignature.verify(dir, BundleSignature.readPublicKey(pub))).doesNotThrowAnyException();
        Files.setPosixFilePermissions(priv, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> BundleSignature.readPrivateKey(priv)).hasMessageContaining("chmod 600");
        assertThatThrownBy(() -> BundleSignature.readPublicKey(dir.resolve("base.yaml")))
                .hasMessageContaining("not a PEM public key");
    }

    private void assertRefused(String expected) {
        assertThatThrownBy(() -> BundleSignature.verify(dir, keys.getPublic()))
                .isInstanceOf(ConfigSignatureException.class)
                .hasMessageContaining(expected);
        try (ConfigurationManager m = new ConfigurationManager(ManagerFixture.options(dir)
                .requireSignature(keys.getPublic()).build())) {
            assertThatThrownBy(() -> m.loadEnvironmentConfig("prod"))
                    .isInstanceOf(ConfigSignatureException.class)
                    .hasMessageContaining(expected);
        }
    }
}
