package dev.lamina.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The built-in name rule, both ways: every name docs/secrets.md lists as secret is secret, every name it lists as
 * visible stays visible, and the ways to extend, narrow and declare.
 */
class SecretPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {
            // kept from the first rule
            "database.password", "db.PASSWD", "auth.client_secret", "github.token", "maps.api_key", "maps.apiKey",
            "tls.private-key", "aws.credentials.id", "aws.credentials.value", "credentials.name", "token.user_id",
            // the list
            "smtp_pass", "SMTP_PASS", "smtp.pass", "db.pwd", "db_pwd", "mysql.dbpass", "ldap.passwd",
            "ANON_KEY", "anon.key", "anonKey", "SERVICE_ROLE_KEY", "service.role.key", "serviceRoleKey",
            "VAULT_ENC_KEY", "vault.enc.key", "aws.access_key", "aws.accessKey", "jwt.signing_key",
            "crypto.encryption_key", "stripe.secret_key", "license_key", "openai.api.key", "x-api-key",
            "proxy.auth", "basic_auth", "auth", "jwt", "supabase.jwt", "sentry.dsn", "SENTRY_DSN", "dsn",
            "tls.private", "gcp.credentials", "gcp.credentials.private_key_id_value", "app.creds",
            "keystore.passphrase", "session.cookie_secret", "oauth.access_token", "refresh_tokens[0]",
            "db.credentials.username", "api_keys[1]", "ssh.keys", "signing_keys.current", "hmac.apikey",
            "SECRET_KEY_BASE", "secret.key.base", "postgres.password", "dashboard.password",
            "logflare.private.access.token", "github.bearerToken", "db.dbpassword", "clientSecret"})
    void secretLookingNamesAreSecret(String path) {
        assertThat(SecretPolicy.DEFAULT.isSecret(ConfigPath.parse(path))).as(path).isTrue();
        assertThat(SecretPolicy.DEFAULT.display(ConfigPath.parse(path), "hunter2")).isEqualTo("***");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "server.port", "database.host", "music_streaming.audio_quality.bitrates.premium",
            // the list of names that must stay visible
            "redis.key_prefix", "cache.keys", "keys", "key", "zoo.monkey", "ui.keyboard", "db.primary_key_column",
            // ordinary keys
            "db.primary_key", "kafka.partition_key", "rabbit.routing_key", "cache.cache_key", "tls.public_key",
            "public.key", "dynamo.sort_key", "s3.object_key", "kafka.producer.key.serializer", "kafka.key_serializer",
            "jwt.expiry", "jwt_expiry", "JWT_EXPIRY", "jwt.issuer", "auth.enabled", "auth.provider", "auth_url",
            "functions.verify.jwt", "FUNCTIONS_VERIFY_JWT", "verify_jwt", "require_auth", "dsn_timeout",
            // settings about a secret, not the secret
            "token_ttl", "security.password_min_length", "password_policy.history", "k8s.secret_name",
            "db.password_file", "DB_PASSWORD_FILE", "auth.api_key_header", "aws.access_key_id", "kms.key_id",
            "llm.max_tokens", "jwt.secret_rotation_days", "password.min_length", "token.expires_in",
            "credentials.type", "credentials.file", "token.ttl", "api_token_rotation",
            // look alike
            "author", "sso.bypass", "ui.compass", "nlp.tokenizer", "hr.secretary", "turkey", "hockey.team",
            "translations.keys", "smtp.user", "smtp.host", "dashboard.username", "site_url", "pooler.tenant_id"})
    void ordinaryNamesStayVisible(String path) {
        assertThat(SecretPolicy.DEFAULT.isSecret(ConfigPath.parse(path))).as(path).isFalse();
        assertThat(SecretPolicy.DEFAULT.display(ConfigPath.parse(path), "8080")).isEqualTo("8080");
    }

    @Test
    void encryptedEnvelopesAreMaskedAnywhere() {
        assertThat(SecretPolicy.DEFAULT.display(ConfigPath.parse("server.note"),
                "ENC[v1,AES256_GCM,kid:a,iv:x,data:y,tag:z]")).isEqualTo("***");
    }

    @Test
    void customPatternIsCaseInsensitiveAndReplacesTheBuiltInRule() {
        SecretPolicy p = SecretPolicy.matching("pin");
        assertThat(p.isSecret(ConfigPath.parse("card.PIN"))).isTrue();
        assertThat(p.isSecret(ConfigPath.parse("database.password"))).isFalse();
        assertThat(p.usesBuiltInNames()).isFalse();
    }

    @Test
    void withNamesExtendsTheBuiltInRuleToTheWholeSubtree() {
        SecretPolicy p = SecretPolicy.DEFAULT.withNames("^pin$|license");
        assertThat(p.isSecret(ConfigPath.parse("card.pin"))).isTrue();
        assertThat(p.isSecret(ConfigPath.parse("product.licenseInfo.serial"))).isTrue();
        assertThat(p.isSecret(ConfigPath.parse("db.password"))).isTrue();
        assertThat(p.isSecret(ConfigPath.parse("card.pinned"))).isFalse();
    }

    @Test
    void addedNamesMatchTheWordsOfCamelCaseKeys() {
        SecretPolicy p = SecretPolicy.DEFAULT.withNames("^card_number$");
        assertThat(p.isSecret(ConfigPath.parse("payment.cardNumber"))).isTrue();
        assertThat(p.isSecret(ConfigPath.parse("payment.CARD_NUMBER"))).isTrue();
    }

    @Test
    void withoutNamesNarrowsTheBuiltInRule() {
        SecretPolicy p = SecretPolicy.DEFAULT.withoutNames("^auth$").withoutNames("^max_tokens_per_user$");
        assertThat(p.isSecret(ConfigPath.parse("proxy.auth"))).isFalse();
        assertThat(p.isSecret(ConfigPath.parse("proxy.auth.password"))).isTrue();
        assertThat(p.isSecret(ConfigPath.parse("basic_auth"))).isTrue();
        SecretPolicy tokens = SecretPolicy.DEFAULT.withoutNames("^tokens$");
        assertThat(tokens.isSecret(ConfigPath.parse("llm.tokens.limit"))).isFalse();
        assertThat(tokens.isSecret(ConfigPath.parse("llm.tokens.api_token"))).isTrue();
    }

    @Test
    void declaredPathsAreSecretWithEverythingBelowThemAndAreNeverNarrowed() {
        SecretPolicy p = SecretPolicy.DEFAULT.withPaths("db.connection", "services.*.endpoint")
                .withoutNames("connection|endpoint");
        assertThat(p.isSecret(ConfigPath.parse("db.connection"))).isTrue();
        assertThat(p.isSecret(ConfigPath.parse("db.connection.url"))).isTrue();
        assertThat(p.isSecret(ConfigPath.parse("db.connection_pool"))).isFalse();
        assertThat(p.isSecret(ConfigPath.parse("services.billing.endpoint"))).isTrue();
        assertThat(p.isSecret(ConfigPath.parse("services.billing.endpoint.host"))).isTrue();
        assertThat(p.isSecret(ConfigPath.parse("services.billing.name"))).isFalse();
        assertThat(p.isDeclared(ConfigPath.parse("db.connection.url"))).isTrue();
        assertThat(p.declaredPaths()).containsExactly("db.connection", "services.*.endpoint");
    }

    @Test
    void declaredPathsWorkWithoutAnyNameRule() {
        SecretPolicy p = SecretPolicy.none().withPaths("app.pin");
        assertThat(p.isSecret(ConfigPath.parse("app.pin"))).isTrue();
        assertThat(p.isSecret(ConfigPath.parse("db.password"))).isFalse();
    }

    @Test
    void aBadDeclarationIsRefusedWithTheReason() {
        assertThatThrownBy(() -> SecretPolicy.DEFAULT.withPaths(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("root");
        assertThatThrownBy(() -> SecretPolicy.DEFAULT.withPaths("a..b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid secret path pattern 'a..b'");
    }

    @Test
    void policiesAreValuesAndPrintTheirRulesOnly() {
        assertThat(SecretPolicy.DEFAULT.withPaths("a.b")).isEqualTo(SecretPolicy.DEFAULT.withPaths("a.b"));
        assertThat(SecretPolicy.DEFAULT.withPaths("a.b").hashCode())
                .isEqualTo(SecretPolicy.DEFAULT.withPaths("a.b").hashCode());
        assertThat(SecretPolicy.DEFAULT).isNotEqualTo(SecretPolicy.none());
        assertThat(SecretPolicy.DEFAULT.withNames("pin").toString()).contains("pin").contains("builtInNames=true");
    }

    @Test
    void optionsAddDeclaredPathsWhicheverOrderTheCallsCome() {
        ConfigurationOptions a = ConfigurationOptions.builder().addSecretPaths("db.dsn_parts")
                .secretPolicy(SecretPolicy.DEFAULT.withNames("pin")).build();
        assertThat(a.secretPolicy().isSecret(ConfigPath.parse("db.dsn_parts.host"))).isTrue();
        assertThat(a.secretPolicy().isSecret(ConfigPath.parse("card.pin"))).isTrue();
        assertThat(a.toBuilder().build().secretPolicy()).isEqualTo(a.secretPolicy());
        assertThatThrownBy(() -> ConfigurationOptions.builder().addSecretPaths("a..b"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
