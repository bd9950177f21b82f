package dev.lamina.config.validation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.lamina.config.ConfigPath;
import dev.lamina.config.Configuration;
import dev.lamina.config.Layer;
import dev.lamina.config.validation.Severity;
import dev.lamina.config.validation.TestConfigs;
import dev.lamina.config.validation.ValidationContext;
import dev.lamina.config.validation.ValidationEngine;
import dev.lamina.config.validation.ValidationReport;
import dev.lamina.config.validation.ValidationResult;
import dev.lamina.config.validation.ValidationRule;
import dev.lamina.config.validation.examples.MusicStreamingPack;

/** Every built-in rule with a configuration it accepts and one it rejects (at the expected path). */
class BuiltInRulesTest {

    private static Arguments rule(String id, String env, String passing, String failing, String failingPath) {
        return Arguments.of(id, env, passing, failing, failingPath);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                rule("security.encryption-algorithm", "staging",
                        "security: {encryption: {algorithm: AES-256-GCM}, jwt: {algorithm: RS256}}\n"
                                + "recommendation: {algorithm: deep_neural_network}",
                        "security: {encryption: {algorithm: DES}}", "security.encryption.algorithm"),
                rule("security.password-policy", "staging",
                        "security: {password_policy: {min_length: 12, require_uppercase: true, require_lowercase: true,"
                                + " require_digits: true}}",
                        "security: {password_policy: {min_length: 6, require_uppercase: true, require_lowercase: true,"
                                + " require_digits: true}}", "security.password_policy.min_length"),
                rule("security.https-in-production", "production",
                        "api: {base_url: 'https://api.example.com', local: 'http://localhost:8080', tls_enabled: true}",
                        "api: {base_url: 'http://api.example.com'}", "api.base_url"),
                rule("security.cors-credentials-wildcard", "staging",
                        "cors: {allowed_origins: ['https://app.example.com'], allow_credentials: true}",
                        "cors: {allowed_origins: ['*'], allow_credentials: true}", "cors.allowed_origins"),
                rule("security.plaintext-secret", "staging",
                        "database: {password: '${DB_PASSWORD}', api_key: 'ENC[v1,AES256_GCM,kid:a,iv:b,data:c,tag:d]',"
                                + " token_expire_minutes: 30, password_min_length: 12, partition_key: user_id}",
                        "database: {password: s3cr3t-value}", "database.password"),
                rule("security.jwt-expiry", "staging",
                        "jwt: {access_token_expire_minutes: 30, refresh_token_expire_days: 7}",
                        "jwt: {access_token_expire_minutes: 2880}", "jwt.access_token_expire_minutes"),
                rule("compliance.gdpr.consent-required", "staging",
                        "gdpr_compliance: {consent_required: true}",
                        "gdpr_compliance: {consent_required: false}", "gdpr_compliance.consent_required"),
                rule("compliance.gdpr.right-to-be-forgotten", "staging",
                        "gdpr_compliance: {right_to_be_forgotten: true}",
                        "gdpr_compliance: {consent_required: true}", "gdpr_compliance.right_to_be_forgotten"),
                rule("compliance.gdpr.retention-limits", "staging",
                        "gdpr_compliance: {data_retention: {user_data_days: 2555, logs_days: 365,"
                                + " analytics_data_days: 1095}}",
                        "gdpr_compliance: {data_retention: {user_data_days: 2555, logs_days: 400}}",
                        "gdpr_compliance.data_retention.logs_days"),
                rule("compliance.sox.audit-trail", "staging",
                        "audit: {enabled: true}", "audit: {enabled: false}", "audit.enabled"),
                rule("compliance.sox.audit-retention", "staging",
                        "audit: {enabled: true, retention_days: 2555}", "audit: {enabled: true, retention_days: 90}",
                        "audit.retention_days"),
                rule("compliance.hipaa.encryption-at-rest", "staging",
                        "security: {encryption_at_rest: true}", "security: {encryption_at_rest: false}",
                        "security.encryption_at_rest"),
                rule("compliance.hipaa.transport-encryption", "staging",
                        "redis: {tls_enabled: true, url: 'https://cache.example.com'}", "redis: {tls_enabled: false}",
                        "redis.tls_enabled"),
                rule("compliance.iso27001.access-control", "staging",
                        "authentication: {enabled: true}", "authentication: {enabled: false}", ""),
                rule("compliance.iso27001.monitoring", "staging",
                        "monitoring: {enabled: true}", "logging: {enabled: false}", ""),
                rule("streaming.bitrate-order", "staging",
                        "music_streaming: {audio_quality: {bitrates: {premium: 320, high: 256, normal: 128, low: 96}}}",
                        "music_streaming: {audio_quality: {bitrates: {premium: 320, high: 384, normal: 128, low: 96}}}",
                        "music_streaming.audio_quality.bitrates.high"),
                rule("streaming.codecs", "staging",
                        "audio_quality: {codecs: [aac, mp3, ogg, flac]}", "audio_quality: {codecs: [aac, wma]}",
                        "audio_quality.codecs[1]"),
                rule("streaming.segment-priority-unique", "staging",
                        "user_segments: {premium: {priority: 1}, family: {priority: 2}, student: {priority: 3}}",
                        "user_segments: {premium: {priority: 1}, family: {priority: 1}}",
                        "user_segments.family.priority"),
                rule("streaming.recommendation-weights", "staging",
                        "recommendation_engine: {models: {content_based: {weights: {genre: 0.6, artist: 0.2,"
                                + " tempo: 0.2}}}}",
                        "recommendation_engine: {models: {content_based: {weights: {genre: 0.6, artist: 0.3,"
                                + " tempo: 0.2}}}}",
                        "recommendation_engine.models.content_based.weights"),
                rule("streaming.ab-traffic-split", "staging",
                        "experiments: {rec: {traffic_split: {control: 50.0, variant_a: 30.0, variant_b: 20.0}}}",
                        "experiments: {rec: {traffic_split: {control: 30, variant_a: 30, variant_b: 30}}}",
                        "experiments.rec.traffic_split"),
                rule("performance.pool-size", "staging",
                        "database: {pool: {min_size: 10, max_size: 100}}",
                        "database: {pool: {min_size: 200, max_size: 100}}", "database.pool.min_size"),
                rule("performance.timeout", "staging",
                        "database: {pool: {timeout: 30, recycle_timeout: 3600}}\nhttp: {read_timeout: 15s}",
                        "http: {timeout: 0}", "http.timeout"),
                rule("performance.cache-sanity", "staging",
                        "caching_layers: {l1: {size: 2GB, ttl: 300}, l3: {size: 100GB, ttl: 3600}}",
                        "caching_layers: {l1: {size: 2GB, ttl: 0}}", "caching_layers.l1.ttl"),
                rule("performance.replica-bounds", "staging",
                        "auto_scaling: {min_replicas: 3, max_replicas: 20}",
                        "auto_scaling: {min_replicas: 30, max_replicas: 20}", "auto_scaling.min_replicas"));
    }

    /** The generic packs and the example domain's, which is opt-in. */
    private static List<ValidationRule> catalog() {
        List<ValidationRule> all = new java.util.ArrayList<>(RulePacks.all());
        all.addAll(MusicStreamingPack.rules());
        return all;
    }

    private static ValidationRule ruleById(String id) {
        return catalog().stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no built-in rule " + id));
    }

    private static ValidationReport run(String id, String env, String yaml) {
        Layer layer = TestConfigs.layer("rules.yaml", yaml);
        return ValidationEngine.builder().addRule(ruleById(id)).build().validateConfig(TestConfigs.load(List.of(layer)),
                ValidationContext.forEnvironment("test", env).withWrittenLayers(List.of(layer))
                        // Compliance applies where declared: these cases ask for every framework.
                        .requestFrameworks("requested by the test", List.of(RulePacks.GDPR, RulePacks.SOX,
                                RulePacks.HIPAA, RulePacks.ISO27001)));
    }

    @ParameterizedTest(name = "{0} accepts a good configuration")
    @MethodSource("cases")
    void acceptsGoodConfiguration(String id, String env, String passing, String failing, String path) {
        ValidationReport report = run(id, env, passing);

        assertThat(report.failures()).isEmpty();
        assertThat(report.rulesRun()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} rejects a bad configuration at {4}")
    @MethodSource("cases")
    void rejectsBadConfigurationAtPath(String id, String env, String passing, String failing, String path) {
        ValidationReport report = run(id, env, failing);

        assertThat(report.failures()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.ruleId()).isEqualTo(id);
            assertThat(r.severity()).isEqualTo(ruleById(id).severity());
            assertThat(r.origin().source()).isEqualTo("rules.yaml");
        });
        assertThat(report.failures()).extracting(ValidationResult::path).contains(ConfigPath.parse(path));
    }

    @Test
    void everyBuiltInRuleHasACase() {
        Set<String> covered = cases().map(a -> (String) a.get()[0]).collect(Collectors.toSet());

        assertThat(catalog()).extracting(ValidationRule::id).allMatch(covered::contains);
    }

    @Test
    void builtInRuleIdsAreUniqueAndDocumented() throws IOException {
        List<String> ids = catalog().stream().map(ValidationRule::id).toList();
        Path doc = Path.of("..", "docs", "rule-packs.md");
        String text = Files.readString(doc);

        assertThat(ids).doesNotHaveDuplicates();
        assertThat(ids).allSatisfy(id -> assertThat(text).contains("`" + id + "`"));
    }

    @Test
    void plaintextSecretMessageNeverQuotesTheValue() {
        ValidationReport report = run("security.plaintext-secret", "staging", "database: {password: s3cr3t-value}");

        assertThat(report.toJson()).doesNotContain("s3cr3t-value");
        assertThat(report.failures().get(0).suggestedFix())
                .hasValueSatisfying(fix -> assertThat(fix).contains("${DATABASE_PASSWORD}"));
    }

    @Test
    void plaintextSecretOnlyWarnsWhenItCannotSeeTheWrittenLayers() {
        Configuration loaded = TestConfigs.yaml("database: {password: '${DB_PASSWORD}'}");
        ValidationEngine engine = ValidationEngine.builder().addRule(ruleById("security.plaintext-secret")).build();

        ValidationReport report = engine.validateConfig(loaded, ValidationContext.of("x"));

        // The resolved tree holds the password itself: a literal or a reference, the rule cannot tell.
        assertThat(report.failures()).singleElement().satisfies(r -> {
            assertThat(r.severity()).isEqualTo(Severity.WARNING);
            assertThat(r.message()).contains("without the written layers");
        });
        assertThat(report.overallValid()).isTrue();
        assertThat(report.toJson()).doesNotContain(TestConfigs.ENV.get("DB_PASSWORD"));
    }

    @Test
    void plaintextSecretAcceptsAReferenceWhenTheContextCarriesTheWrittenLayers() {
        Layer written = TestConfigs.layer("rules.yaml", "database: {password: '${DB_PASSWORD}'}");
        ValidationEngine engine = ValidationEngine.builder().addRule(ruleById("security.plaintext-secret")).build();

        ValidationReport report = engine.validateConfig(TestConfigs.load(List.of(written)),
                ValidationContext.of("x").withWrittenLayers(List.of(written)));

        assertThat(report.failures()).isEmpty();
    }

    @Test
    void plaintextSecretInALowerLayerIsReportedEvenWhenOverridden() {
        ValidationEngine engine = ValidationEngine.builder().addRule(ruleById("security.plaintext-secret")).build();
        ValidationContext context = ValidationContext.of("x").withWrittenLayers(List.of(
                new Layer("base.yaml", TestConfigs.tree("base.yaml", "database: {password: s3cr3t-value}")),
                new Layer("production.yaml", TestConfigs.tree("production.yaml",
                        "database: {password: '${DB_PASSWORD}'}"))));

        ValidationReport report = engine.validateConfig(TestConfigs.yaml("database: {password: resolved}"), context);

        assertThat(report.failures()).singleElement()
                .satisfies(r -> assertThat(r.origin().source()).isEqualTo("base.yaml"));
    }

    @Test
    void httpsRuleDoesNotRunOutsideProduction() {
        ValidationReport report = run("security.https-in-production", "staging", "api: {base_url: 'http://api.example.com'}");

        assertThat(report.rulesRun()).isZero();
        assertThat(report.failures()).isEmpty();
    }

    @Test
    void jwtAlgorithmNoneIsRejected() {
        ValidationReport report = run("security.encryption-algorithm", "staging", "auth: {jwt: {algorithm: none}}");

        assertThat(report.failures()).singleElement()
                .satisfies(r -> assertThat(r.message()).contains("JWT signing algorithm 'none'"));
    }

    @Test
    void gdprRulesFailWhenTheSectionIsMissing() {
        ValidationReport report = run("compliance.gdpr.consent-required", "staging", "app: {name: x}");

        assertThat(report.failures()).singleElement()
                .satisfies(r -> assertThat(r.message()).contains("no GDPR settings"));
    }

    @Test
    void camelCaseKeysAreRecognised() {
        ValidationReport report = run("performance.replica-bounds", "staging",
                "autoscaling: {minReplicas: 5, maxReplicas: 2}");

        assertThat(report.failures()).extracting(ValidationResult::path)
                .containsExactly(ConfigPath.parse("autoscaling.minReplicas"));
    }

    @Test
    void complianceScoresAreReportedPerFramework() {
        ValidationReport report = ValidationEngine.builder().addRules(RulePacks.compliance()).build()
                .validateConfig(TestConfigs.yaml("""
                        gdpr_compliance:
                          consent_required: true
                          right_to_be_forgotten: true
                          data_retention: {user_data_days: 2555}
                        audit: {enabled: true, retention_days: 10}
                        compliance: {frameworks: [GDPR, SOX, HIPAA, ISO 27001]}
                        """), "staging");

        assertThat(report.complianceScores()).containsEntry("GDPR", 100.0).containsEntry("SOX", 50.0)
                .containsEntry("HIPAA", 50.0).containsKey("ISO27001");
        assertThat(report.overallValid()).isTrue();
    }
}
