package dev.lamina.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SecretPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"database.password", "db.PASSWD", "auth.client_secret", "github.token", "maps.api_key",
            "maps.apiKey", "tls.private-key", "aws.credentials.id"})
    void defaultPolicyMasksSecretLookingSegments(String path) {
        assertThat(SecretPolicy.DEFAULT.isSecret(ConfigPath.parse(path))).isTrue();
        assertThat(SecretPolicy.DEFAULT.display(ConfigPath.parse(path), "hunter2")).isEqualTo("***");
    }

    @ParameterizedTest
    @ValueSource(strings = {"server.port", "database.host", "music_streaming.audio_quality.bitrates.premium"})
    void defaultPolicyLeavesOrdinaryPathsVisible(String path) {
        assertThat(SecretPolicy.DEFAULT.display(ConfigPath.parse(path), "8080")).isEqualTo("8080");
    }

    @Test
    void encryptedEnvelopesAreMaskedAnywhere() {
        assertThat(SecretPolicy.DEFAULT.display(ConfigPath.parse("server.note"), "ENC[v1,AES256_GCM,kid:a,iv:x,data:y,tag:z]"))
                .isEqualTo("***");
    }

    @Test
    void customPatternIsCaseInsensitive() {
        SecretPolicy p = SecretPolicy.matching("pin");
        assertThat(p.isSecret(ConfigPath.parse("card.PIN"))).isTrue();
        assertThat(p.isSecret(ConfigPath.parse("database.password"))).isFalse();
    }
}
