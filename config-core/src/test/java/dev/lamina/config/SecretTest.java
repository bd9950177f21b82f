package dev.lamina.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** {@link Secret}: never printed, compared without shortcuts, revealed only on request. */
class SecretTest {

    record Credentials(String user, Secret password) {
    }

    @Test
    void neverPrintsItsValue() {
        Secret s = Secret.of("hunter2");
        assertThat(s.toString()).isEqualTo("***");
        assertThat(String.valueOf(List.of(s))).isEqualTo("[***]");
        assertThat(new Credentials("bob", s).toString()).doesNotContain("hunter2").contains("password=***");
        assertThat(s.reveal()).isEqualTo("hunter2");
    }

    @Test
    void equalityIsByValueAndHashDoesNotDependOnIt() {
        assertThat(Secret.of("a")).isEqualTo(Secret.of("a")).isNotEqualTo(Secret.of("b")).isNotEqualTo("a");
        assertThat(Secret.of("a").hashCode()).isEqualTo(Secret.of("completely different").hashCode());
        assertThat(Secret.of("a").matches("a")).isTrue();
        assertThat(Secret.of("a").matches("ab")).isFalse();
    }

    @Test
    void configurationReadsAndBindsSecrets() {
        Configuration config = new ConfigLoader().load(List.of(ConfigSources.string("t.yaml", Format.YAML,
                "db:\n  user: bob\n  password: hunter2\n  port: 5432\n")));
        assertThat(config.getSecret("db.password").reveal()).isEqualTo("hunter2");
        assertThat(config.getSecret("db.port").reveal()).isEqualTo("5432");
        Credentials c = config.bind("db", CredentialsWithPort.class).credentials();
        assertThat(c.password().reveal()).isEqualTo("hunter2");
        assertThat(c.toString()).doesNotContain("hunter2");
    }

    record CredentialsWithPort(String user, Secret password, int port) {
        Credentials credentials() {
            return new Credentials(user, password);
        }
    }
}
