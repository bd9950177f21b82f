package dev.lamina.config.validation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigRenderer;
import dev.lamina.config.Configuration;
import dev.lamina.config.Layer;
import dev.lamina.config.RenderFormat;
import dev.lamina.config.validation.TestConfigs;
import dev.lamina.config.validation.ValidationContext;
import dev.lamina.config.validation.ValidationEngine;
import dev.lamina.config.validation.ValidationReport;
import dev.lamina.config.validation.ValidationResult;

/**
 * Issue 9: validation called {@code db.pwd}, {@code aws.access_key} and {@code jwt.signing_key} secrets while
 * render, get and explain printed them in clear. The rule and the masking now share one definition: what the rule
 * flags is masked, and what it leaves alone (settings about secrets) stays visible.
 */
class PlaintextSecretAgreesWithMaskingTest {

    private static final String YAML = """
            db: {pwd: pw-one, host: db.internal, password_min_length: 12}
            aws: {access_key: ak-two, access_key_id: AKIA-visible, region: eu-west-1}
            jwt: {signing_key: sk-three, expiry: 3600, issuer: lamina}
            smtp: {pass: pw-four, user: mailer}
            supabase: {anon: {key: ak-five}, service: {role: {key: srk-six}}}
            cache: {keys: [user, session], key_prefix: app}
            auth: {enabled: true, token_ttl: 30m}
            """;

    private static final Set<String> SECRETS = Set.of("db.pwd", "aws.access_key", "jwt.signing_key", "smtp.pass",
            "supabase.anon.key", "supabase.service.role.key");

    @Test
    void everyFlaggedPathIsMaskedAndEveryMaskedLiteralIsFlagged() {
        Layer layer = TestConfigs.layer("app.yaml", YAML);
        Configuration config = TestConfigs.load(List.of(layer));
        ValidationReport report = ValidationEngine.builder()
                .addRule(RulePacks.all().stream().filter(r -> r.id().equals("security.plaintext-secret")).findFirst()
                        .orElseThrow()).build()
                .validateConfig(config, ValidationContext.forEnvironment("test", "staging")
                        .withWrittenLayers(List.of(layer)));

        assertThat(report.failures()).extracting(ValidationResult::path).extracting(ConfigPath::toString)
                .containsExactlyInAnyOrderElementsOf(SECRETS);
        for (String path : SECRETS) {
            assertThat(config.isSecret(path)).as(path).isTrue();
        }
        String rendered = ConfigRenderer.render(config, RenderFormat.YAML, ConfigRenderer.Options.defaults());
        assertThat(rendered).doesNotContain("pw-one", "ak-two", "sk-three", "pw-four", "ak-five", "srk-six")
                .contains("db.internal", "AKIA-visible", "3600", "lamina", "mailer", "app", "30m");
        assertThat(report.failures()).allSatisfy(r -> assertThat(r.message())
                .doesNotContain("pw-one", "ak-two", "sk-three", "pw-four", "ak-five", "srk-six"));
    }
}
