package dev.lamina.config.etcd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.ConfigSourceException;
import dev.lamina.config.etcd.Fleet.Instance;

/**
 * A real etcd serving https with client-certificate auth; certificates made by openssl (CA, server with
 * IP:127.0.0.1, client) and the trust store by keytool. Skipped when openssl is missing (not in CI's way: the
 * TLS settings are unit-tested by {@link EtcdTlsTest} too).
 */
class EtcdTlsIntegrationTest {

    @TempDir
    Path dir;

    private void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(List.of(cmd)).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd) + "\n" + out).isZero();
    }

    private void cert(String name, String cn, boolean server) throws Exception {
        run("openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
                name + ".key", "-out", name + ".csr", "-subj", "/CN=" + cn);
        Files.writeString(dir.resolve(name + ".ext"), server
                ? "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth,clientAuth\n"
                : "extendedKeyUsage=clientAuth\n");
        run("openssl", "x509", "-req", "-in", name + ".csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", name + ".crt", "-days", "2", "-extfile", name + ".ext");
    }

    @Test
    void readsAnHttpsEtcdWithAClientCertificateAndRefusesWithoutOne() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl is not installed");
        run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "ca.key", "-out", "ca.crt", "-subj", "/CN=lamina-test-ca", "-days", "2");
        cert("server", "127.0.0.1", true);
        cert("client", "lamina-client", false);
        run("openssl", "pkcs12", "-export", "-inkey", "client.key", "-in", "client.crt", "-out", "client.p12",
                "-passout", "pass:client-pw");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-importcert", "-noprompt", "-alias", "ca", "-file", "ca.crt", "-keystore", "trust.p12",
                "-storetype", "PKCS12", "-storepass", "trust-pw");
        EtcdTls tls = EtcdTls.trusting(dir.resolve("trust.p12"), "trust-pw".toCharArray())
                .withClientCertificate(dir.resolve("client.p12"), "client-pw".toCharArray());
        try (EtcdProcess etcd = EtcdProcess.startTls(dir.resolve("etcd"), dir.resolve("server.crt"),
                dir.resolve("server.key"), dir.resolve("ca.crt"), tls.sslContext())) {
            assertThat(etcd.endpoint()).startsWith("https://");
            String prefix = "/lamina/tls/prod/";
            etcd.gateway(tls.sslContext()).put(prefix + "service/port", "9600");
            try (Instance i = Fleet.start(dir.resolve("a"), Fleet.options(etcd.endpoint(), prefix).tls(tls).build())) {
                assertThat(i.manager().configuration().getInt("service.port")).isEqualTo(9600);
                etcd.gateway(tls.sslContext()).put(prefix + "service/port", "9601");
                Fleet.await("the watched change over TLS", java.time.Duration.ofSeconds(20),
                        () -> i.manager().configuration().getInt("service.port") == 9601);
            }
            EtcdTls noClientCert = EtcdTls.trusting(dir.resolve("trust.p12"), "trust-pw".toCharArray());
            assertThatThrownBy(() -> Fleet.start(dir.resolve("b"), Fleet.options(etcd.endpoint(), prefix)
                    .tls(noClientCert).build())).isInstanceOf(ConfigSourceException.class)
                    .hasMessageContaining(etcd.endpoint().substring("https://".length()))
                    .hasMessageNotContaining("trust-pw");
        }
    }
}
