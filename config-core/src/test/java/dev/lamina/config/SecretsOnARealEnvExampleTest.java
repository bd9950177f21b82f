package dev.lamina.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 9, tried as a new user would: Supabase's self-hosting {@code docker/.env.example} (trimmed; the keys and
 * placeholder values are Supabase's, from https://github.com/supabase/supabase/blob/master/docker/.env.example,
 * Apache License 2.0). With the first name rule {@code SMTP_PASS}, {@code ANON_KEY}, {@code SERVICE_ROLE_KEY} and
 * {@code VAULT_ENC_KEY} printed in clear; every secret of the file must now be masked in every output, and every
 * ordinary setting must stay visible.
 */
class SecretsOnARealEnvExampleTest {

    private static final String ENV_EXAMPLE = """
            # Postgres
            POSTGRES_PASSWORD=your-super-secret-and-long-postgres-password

            # Symmetric encryption key and JWT API keys
            JWT_SECRET=your-super-secret-jwt-token-with-at-least-32-characters-long
            ANON_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyAgCiAgICAicm9sZSI6ICJhbm9uIiwKICAgICJpc3MiOiAic3VwYWJhc2UtZGVtbyIsCiAgICAiaWF0IjogMTY0MTc2OTIwMCwKICAgICJleHAiOiAxNzk5NTM1NjAwCn0.dc_X5iR_VP_qT0zsiyj_I_OZ2T9FtRU2BBNWN8Bu4GE
            SERVICE_ROLE_KEY=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyAgCiAgICAicm9sZSI6ICJzZXJ2aWNlX3JvbGUiLAogICAgImlzcyI6ICJzdXBhYmFzZS1kZW1vIiwKICAgICJpYXQiOiAxNjQxNzY5MjAwLAogICAgImV4cCI6IDE3OTk1MzU2MDAKfQ.DaYlNEoUrrEn2Ig7tqibS-PHK5vgusbcbo7X36XVt4Q

            # Access to Dashboard
            DASHBOARD_USERNAME=supabase
            DASHBOARD_PASSWORD=this_password_is_insecure_and_should_be_updated

            SECRET_KEY_BASE=UpNVntn3cDxHJpq99YMc1T1AQgQpc8kfYTuRgBiYa15BLrx8etQoXz3gZv1/u2oq
            VAULT_ENC_KEY=your-32-character-encryption-key
            PG_META_CRYPTO_KEY=your-encryption-key-32-chars-min
            LOGFLARE_PUBLIC_ACCESS_TOKEN=your-super-secret-and-long-logflare-key-public
            LOGFLARE_PRIVATE_ACCESS_TOKEN=your-super-secret-and-long-logflare-key-private
            S3_PROTOCOL_ACCESS_KEY_ID=625729a08b95bf1b7ff351a663f3a23c
            S3_PROTOCOL_ACCESS_KEY_SECRET=850181e4652dd023b7a98c58ae0d2d34bd487ee0cc3254aed6eda37307425907

            SUPABASE_PUBLIC_URL=http://localhost:8000
            POSTGRES_HOST=db
            POSTGRES_DB=postgres
            POSTGRES_PORT=5432
            POOLER_TENANT_ID=your-tenant-id
            STUDIO_DEFAULT_ORGANIZATION=Default Organization
            OPENAI_API_KEY=sk-proj-xxxxxxxx
            SITE_URL=http://localhost:3000
            JWT_EXPIRY=3600
            DISABLE_SIGNUP=false
            SMTP_ADMIN_EMAIL=admin@example.com
            SMTP_HOST=supabase-mail
            SMTP_PORT=2500
            SMTP_USER=fake_mail_user
            SMTP_PASS=fake_mail_password
            SMTP_SENDER_NAME=fake_sender
            MINIO_ROOT_USER=supa-storage
            MINIO_ROOT_PASSWORD=secret1234
            FUNCTIONS_VERIFY_JWT=false
            DOCKER_SOCKET_LOCATION=/var/run/docker.sock
            KONG_HTTP_PORT=8000
            """;

    /** Variable name, value as written: every one a secret. */
    private static final Map<String, String> SECRETS = Map.ofEntries(
            Map.entry("POSTGRES_PASSWORD", "your-super-secret-and-long-postgres-password"),
            Map.entry("JWT_SECRET", "your-super-secret-jwt-token-with-at-least-32-characters-long"),
            Map.entry("ANON_KEY", "dc_X5iR_VP_qT0zsiyj_I_OZ2T9FtRU2BBNWN8Bu4GE"),
            Map.entry("SERVICE_ROLE_KEY", "DaYlNEoUrrEn2Ig7tqibS-PHK5vgusbcbo7X36XVt4Q"),
            Map.entry("DASHBOARD_PASSWORD", "this_password_is_insecure_and_should_be_updated"),
            Map.entry("SECRET_KEY_BASE", "UpNVntn3cDxHJpq99YMc1T1AQgQpc8kfYTuRgBiYa15BLrx8etQoXz3gZv1/u2oq"),
            Map.entry("VAULT_ENC_KEY", "your-32-character-encryption-key"),
            Map.entry("PG_META_CRYPTO_KEY", "your-encryption-key-32-chars-min"),
            Map.entry("LOGFLARE_PUBLIC_ACCESS_TOKEN", "your-super-secret-and-long-logflare-key-public"),
            Map.entry("LOGFLARE_PRIVATE_ACCESS_TOKEN", "your-super-secret-and-long-logflare-key-private"),
            Map.entry("S3_PROTOCOL_ACCESS_KEY_SECRET", "850181e4652dd023b7a98c58ae0d2d34bd487ee0cc3254aed6eda37307425907"),
            Map.entry("OPENAI_API_KEY", "sk-proj-xxxxxxxx"),
            Map.entry("SMTP_PASS", "fake_mail_password"),
            Map.entry("MINIO_ROOT_PASSWORD", "secret1234"));

    /** Variable name, value: ordinary settings that must stay readable in every output. */
    private static final Map<String, String> VISIBLE = Map.ofEntries(
            Map.entry("DASHBOARD_USERNAME", "supabase"),
            Map.entry("S3_PROTOCOL_ACCESS_KEY_ID", "625729a08b95bf1b7ff351a663f3a23c"),
            Map.entry("SUPABASE_PUBLIC_URL", "http://localhost:8000"),
            Map.entry("POSTGRES_HOST", "db"),
            Map.entry("POSTGRES_PORT", "5432"),
            Map.entry("POOLER_TENANT_ID", "your-tenant-id"),
            Map.entry("JWT_EXPIRY", "3600"),
            Map.entry("SMTP_HOST", "supabase-mail"),
            Map.entry("SMTP_USER", "fake_mail_user"),
            Map.entry("SMTP_SENDER_NAME", "fake_sender"),
            Map.entry("MINIO_ROOT_USER", "supa-storage"),
            Map.entry("FUNCTIONS_VERIFY_JWT", "false"),
            Map.entry("DOCKER_SOCKET_LOCATION", "/var/run/docker.sock"));

    private static Configuration load() {
        Layer layer = new Layer(".env", ConfigDocuments.parse(".env", Format.ENV, ENV_EXAMPLE, ParseLimits.DEFAULTS));
        return new ConfigLoader(ConfigurationOptions.builder().build()).fromLayers(List.of(layer));
    }

    /** The path a variable name reads as (SMTP_PASS is smtp.pass). */
    private static String path(String variable) {
        return String.join(".", variable.toLowerCase(java.util.Locale.ROOT).split("_"));
    }

    @Test
    void everySecretOfTheFileIsSecretAndEveryOrdinarySettingIsNot() {
        Configuration config = load();
        SECRETS.forEach((name, value) -> assertThat(config.isSecret(path(name))).as(name).isTrue());
        VISIBLE.forEach((name, value) -> {
            assertThat(config.isSecret(path(name))).as(name).isFalse();
            assertThat(config.getString(path(name))).isEqualTo(value);
        });
    }

    @ParameterizedTest
    @EnumSource(RenderFormat.class)
    void renderingMasksEverySecretAndShowsTheRest(RenderFormat format) {
        String out = ConfigRenderer.render(load(), format, ConfigRenderer.Options.defaults());
        SECRETS.forEach((name, value) -> assertThat(out).as(name).doesNotContain(value));
        assertThat(out).contains("supabase-mail").contains("fake_mail_user").contains("/var/run/docker.sock");
    }

    @Test
    void toStringExplainAndGettersOnErrorsNeverShowASecret() {
        Configuration config = load();
        String text = config.toString() + config.root() + config.layers();
        for (String name : SECRETS.keySet()) {
            text += config.explain(path(name));
            try {
                config.getInt(path(name));
            } catch (ConfigTypeException e) {
                text += e.getMessage();
            }
        }
        String all = text;
        SECRETS.forEach((name, value) -> assertThat(all).as(name).doesNotContain(value));
        assertThat(config.toString()).contains("supabase-mail");
    }
}
