package dev.lamina.config.etcd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Issue 10 item 4 for this module's value types: logging one never prints a value read from etcd or a password. */
class EtcdToStringTest {

    private static final String PLANTED = "Zq9xK7-pw-planted";

    @Test
    void keysNameTheKeysAndTheRevisionButNoValue() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("db/host", "db.internal");
        values.put("db/password", PLANTED);
        EtcdClient.Keys keys = new EtcdClient.Keys(7, values);

        assertThat(keys.toString()).isEqualTo("Keys[revision=7, keys=[db/host, db/password]]");
        assertThat(keys.values()).as("raw access stays explicit").containsEntry("db/password", PLANTED);
    }

    @Test
    void optionsNeverPrintThePassword() {
        EtcdOptions options = EtcdOptions.builder().endpoints("http://127.0.0.1:2379").prefix("/app")
                .auth("app", PLANTED.toCharArray()).build();
        assertThat(options.toString()).contains("username=app").doesNotContain(PLANTED);
    }
}
