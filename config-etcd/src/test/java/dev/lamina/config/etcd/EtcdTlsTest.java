package dev.lamina.config.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.ConfigSourceException;

/** TLS settings, with stores made by the JDK's keytool. */
class EtcdTlsTest {

    @TempDir
    static Path stores;
    @TempDir
    Path dir;
    static Path keys;
    static Path trust;

    /** Once per class: keytool is a JVM of its own, slow on a busy machine. */
    @BeforeAll
    static void stores() throws Exception {
        Path dir = stores;
        keys = dir.resolve("client.p12");
        trust = dir.resolve("ca.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "client", "-keyalg", "EC", "-dname", "CN=lamina-test", "-validity",
                "2", "-keystore", keys.toString(), "-storetype", "PKCS12", "-storepass", "key-pw-1", "-keypass",
                "key-pw-1");
        Path cert = dir.resolve("client.crt");
        run(keytool, "-exportcert", "-alias", "client", "-keystore", keys.toString(), "-storepass", "key-pw-1",
                "-file", cert.toString());
        run(keytool, "-importcert", "-noprompt", "-alias", "ca", "-file", cert.toString(), "-keystore",
                trust.toString(), "-storetype", "PKCS12", "-storepass", "trust-pw-1");
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd)).isZero();
    }

    @Test
    void buildsAContextFromATrustStoreAndAClientCertificate() {
        EtcdTls tls = EtcdTls.trusting(trust, "trust-pw-1".toCharArray())
                .withClientCertificate(keys, "key-pw-1".toCharArray());
        assertThat(tls.sslContext().getProtocol()).isEqualTo("TLS");
        assertThat(tls.keyStore()).contains(keys);
        assertThat(tls.toString()).doesNotContain("trust-pw-1").doesNotContain("key-pw-1");
        EtcdOptions o = EtcdOptions.builder().endpoints("https://127.0.0.1:2379").prefix("/p/").tls(tls).build();
        assertThat(EtcdSource.create(o).name()).isEqualTo("etcd:/p/");
    }

    @Test
    void aWrongPasswordIsNamedByFileNeverQuoted() {
        EtcdTls tls = EtcdTls.trusting(trust, "nope-pw".toCharArray());
        assertThatThrownBy(tls::sslContext).isInstanceOf(ConfigSourceException.class)
                .hasMessageContaining(trust.toString()).hasMessageContaining("password")
                .hasMessageNotContaining("nope-pw");
    }

    @Test
    void aMissingOrNonStoreFileIsRefused() throws Exception {
        assertThatThrownBy(() -> EtcdTls.trusting(dir.resolve("none.p12"), null).sslContext())
                .isInstanceOf(ConfigSourceException.class).hasMessageContaining("none.p12")
                .hasMessageContaining("not found");
        Path junk = Files.writeString(dir.resolve("junk.p12"), "not a key store");
        assertThatThrownBy(() -> EtcdTls.trusting(junk, "x".toCharArray()).sslContext())
                .isInstanceOf(ConfigSourceException.class).hasMessageContaining("junk.p12");
    }
}
