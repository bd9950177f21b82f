package dev.lamina.config.etcd;

import static dev.lamina.config.etcd.Fleet.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.ConfigSourceException;
import dev.lamina.config.etcd.Fleet.Instance;
import dev.lamina.config.etcd.internal.EtcdHttp;

/** etcd with auth on (enabled through the gateway), simple tokens that expire after one second. */
class EtcdAuthTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PREFIX = "/lamina/auth/prod/";

    @TempDir
    Path dir;

    @Test
    void readsWatchesAndWritesWithAUserWhoseTokenExpiresAndRefusesAWrongPasswordWithoutQuotingIt() throws Exception {
        try (EtcdProcess etcd = EtcdProcess.start(dir.resolve("etcd"), "--auth-token-ttl", "1")) {
            EtcdProcess.Gateway gw = etcd.gateway();
            gw.put(PREFIX + "service/port", "9400");
            gw.post("/v3/auth/user/add", "{\"name\":\"root\",\"password\":\"root-secret-pw\"}");
            gw.post("/v3/auth/role/add", "{\"name\":\"root\"}");
            gw.post("/v3/auth/user/grant", "{\"user\":\"root\",\"role\":\"root\"}");
            gw.post("/v3/auth/user/add", "{\"name\":\"checkout\",\"password\":\"app-secret-pw\"}");
            gw.post("/v3/auth/role/add", "{\"name\":\"checkout-rw\"}");
            gw.post("/v3/auth/role/grant", "{\"name\":\"checkout-rw\",\"perm\":{\"permType\":\"READWRITE\",\"key\":\""
                    + EtcdProcess.b64(PREFIX) + "\",\"range_end\":\"" + EtcdHttp.prefixEnd(PREFIX) + "\"}}");
            gw.post("/v3/auth/user/grant", "{\"user\":\"checkout\",\"role\":\"checkout-rw\"}");
            gw.post("/v3/auth/enable", "{}");
            String rootToken = gw.post("/v3/auth/authenticate", "{\"name\":\"root\",\"password\":\"root-secret-pw\"}")
                    .replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");

            assertThatThrownBy(() -> Fleet.start(dir.resolve("anon"), Fleet.options(etcd.endpoint(), PREFIX).build()))
                    .isInstanceOf(ConfigSourceException.class).hasMessageContaining("etcd refused");

            assertThatThrownBy(() -> Fleet.start(dir.resolve("bad"), Fleet.options(etcd.endpoint(), PREFIX)
                    .auth("checkout", "wrong-pw".toCharArray()).build()))
                    .isInstanceOf(ConfigSourceException.class).hasMessageContaining("authentication of user 'checkout'")
                    .hasMessageNotContaining("wrong-pw");

            try (Instance i = Fleet.start(dir.resolve("ok"), Fleet.options(etcd.endpoint(), PREFIX)
                    .auth("checkout", "app-secret-pw".toCharArray()).build())) {
                assertThat(i.manager().configuration().getInt("service.port")).isEqualTo(9400);
                assertThat(i.source().toString()).doesNotContain("app-secret-pw");
                // Wait past the token's one-second lifetime, then use it: the source authenticates again.
                long issued = System.nanoTime();
                await("the token to expire", WAIT, () -> System.nanoTime() - issued > Duration.ofMillis(2500).toNanos());
                assertThat(i.manager().reload().configuration().getInt("service.port")).isEqualTo(9400);
                i.manager().updateConfig("service.port", 9401);
                assertThat(i.manager().configuration().getInt("service.port")).isEqualTo(9401);
                gw.withToken(rootToken(gw)).put(PREFIX + "service/port", "9402");
                await("the watched change", WAIT, () -> i.manager().configuration().getInt("service.port") == 9402);
                assertThat(rootToken).isNotBlank();
            }
        }
    }

    private static String rootToken(EtcdProcess.Gateway gw) {
        return gw.post("/v3/auth/authenticate", "{\"name\":\"root\",\"password\":\"root-secret-pw\"}")
                .replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }
}
