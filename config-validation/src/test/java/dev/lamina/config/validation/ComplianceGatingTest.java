package dev.lamina.config.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.lamina.config.Configuration;
import dev.lamina.config.Layer;
import dev.lamina.config.LayerKind;
import dev.lamina.config.LayerMetadata;
import dev.lamina.config.Origin;
import dev.lamina.config.ValidationProblem;
import dev.lamina.config.validation.rules.RulePacks;

/** Compliance applies where it is declared: by the configuration, a region, a tenant, or the caller. */
class ComplianceGatingTest {

    private static final String BASE = "service:\n  name: shop\nmonitoring: {enabled: true}\n";

    private static ValidationEngine engine() {
        return ValidationEngine.builder().addRules(RulePacks.all()).build();
    }

    private static ValidationReport validate(List<Layer> layers, ValidationContext context) {
        return engine().validateConfig(TestConfigs.load(layers), context.withWrittenLayers(layers));
    }

    private static List<String> ruleIdsRun(ValidationReport report) {
        return report.results().stream().map(ValidationResult::ruleId).distinct().toList();
    }

    @Test
    void aTwoFileConfigurationThatClaimsNothingGetsNoComplianceFindings() {
        List<Layer> layers = List.of(TestConfigs.layer("base.yaml", BASE),
                TestConfigs.layer("staging.yaml", "service:\n  replicas: 2\n"));

        ValidationReport report = validate(layers, ValidationContext.forEnvironment("staging", "staging"));

        assertThat(report.overallValid()).isTrue();
        assertThat(report.failures()).isEmpty();
        assertThat(ruleIdsRun(report)).noneMatch(id -> id.startsWith("compliance."))
                .anyMatch(id -> id.startsWith("security."));
        assertThat(report.appliedFrameworks()).isEmpty();
        assertThat(report.complianceScores()).isEmpty();
        assertThat(report.summary()).contains("compliance frameworks: none declared");
    }

    @Test
    void declaredFrameworksRunAndAbsentSectionsPointAtTheDeclaration() {
        List<Layer> layers = List.of(TestConfigs.layer("base.yaml", BASE),
                TestConfigs.layer("staging.yaml", "compliance:\n  frameworks: [GDPR, SOX]\n"));

        ValidationReport report = validate(layers, ValidationContext.forEnvironment("staging", "staging"));

        assertThat(report.appliedFrameworks()).containsOnlyKeys("GDPR", "SOX");
        assertThat(report.appliedFrameworks().get("GDPR")).isEqualTo("declared in staging.yaml:2:16");
        assertThat(report.appliedFrameworks().get("SOX")).isEqualTo("declared in staging.yaml:2:22");
        assertThat(ruleIdsRun(report)).noneMatch(id -> id.startsWith("compliance.hipaa")
                || id.startsWith("compliance.iso27001"));
        ValidationResult consent = report.failures().stream()
                .filter(r -> r.ruleId().equals("compliance.gdpr.consent-required")).findFirst().orElseThrow();
        assertThat(consent.origin()).isEqualTo(Origin.of("staging.yaml", 2, 16));
        ValidationResult audit = report.failures().stream()
                .filter(r -> r.ruleId().equals("compliance.sox.audit-trail")).findFirst().orElseThrow();
        assertThat(audit.origin()).isEqualTo(Origin.of("staging.yaml", 2, 22));
        assertThat(report.toText()).contains("framework GDPR: declared in staging.yaml:2:16");
        assertThat(report.toJson()).contains("\"appliedFrameworks\"").contains("declared in staging.yaml:2:16");
    }

    @Test
    void aRequestedFrameworkWithoutDeclarationNamesTheFileWithoutAMisleadingLine() {
        List<Layer> layers = List.of(TestConfigs.layer("base.yaml", BASE), TestConfigs.layer("staging.yaml", "a: 1\n"));

        ValidationReport report = validate(layers, ValidationContext.forEnvironment("staging", "staging")
                .requestFrameworks("requested with --packs compliance", List.of("GDPR")));

        assertThat(report.appliedFrameworks()).containsEntry("GDPR", "requested with --packs compliance");
        assertThat(report.failures()).filteredOn(r -> r.ruleId().startsWith("compliance.gdpr"))
                .isNotEmpty()
                .allSatisfy(r -> {
                    assertThat(r.origin().source()).isEqualTo("staging.yaml");
                    assertThat(r.origin().hasLine()).isFalse();
                });
    }

    @Test
    void aRegionLayerDeclaresItsFrameworksAndIsNamedAsTheReason() {
        Layer region = new Layer("builtin:regions/eu.yaml", TestConfigs.tree("builtin:regions/eu.yaml",
                "gdpr_compliance: {consent_required: true, right_to_be_forgotten: true,"
                        + " data_retention: {logs_days: 365}}\ncompliance:\n  frameworks: [GDPR]\n"),
                LayerMetadata.of(LayerKind.REGION, "region EU"));
        List<Layer> layers = List.of(TestConfigs.layer("base.yaml", BASE), region);

        ValidationReport report = validate(layers, ValidationContext.forEnvironment("production", "production"));

        assertThat(report.appliedFrameworks().get("GDPR")).startsWith("declared by region EU (builtin:regions/eu.yaml:");
        assertThat(report.complianceScore("GDPR")).contains(100.0);
    }

    @Test
    void ukGdprIsCheckedWithTheGdprRules() {
        List<Layer> layers = List.of(TestConfigs.layer("base.yaml", BASE + "compliance: {frameworks: [UK_GDPR]}\n"));

        ValidationReport report = validate(layers, ValidationContext.forEnvironment("staging", "staging"));

        assertThat(report.appliedFrameworks()).containsKeys("UKGDPR", "GDPR");
        assertThat(report.appliedFrameworks().get("GDPR")).startsWith("included by UKGDPR");
        assertThat(ruleIdsRun(report)).contains("compliance.gdpr.consent-required");
    }

    @Test
    void aHigherLayerCannotUndeclareAFramework() {
        List<Layer> layers = List.of(TestConfigs.layer("base.yaml", BASE + "compliance: {frameworks: [SOX]}\n"),
                TestConfigs.layer("cost.yaml", "compliance: null\n"));

        ValidationReport report = validate(layers, ValidationContext.forEnvironment("staging", "staging"));

        assertThat(report.appliedFrameworks()).containsOnlyKeys("SOX");
    }

    @Test
    void malformedDeclarationIsAnError() {
        List<Layer> layers = List.of(TestConfigs.layer("base.yaml", BASE + "compliance: {frameworks: [{name: x}]}\n"));

        ValidationReport report = validate(layers, ValidationContext.forEnvironment("staging", "staging"));

        assertThat(report.overallValid()).isFalse();
        assertThat(report.failures()).anySatisfy(r -> {
            assertThat(r.ruleId()).isEqualTo("compliance.declaration");
            assertThat(r.origin().source()).isEqualTo("base.yaml");
            assertThat(r.origin().line()).isEqualTo(4);
        });
    }

    @Test
    void aTenantContextRunsTheTenantsFrameworksAtItsSecurityLevel() {
        Configuration config = TestConfigs.load(List.of(TestConfigs.layer("base.yaml", BASE)));
        ValidationEngine engine = engine().toBuilder().addRule(new ValidationRule() {
            @Override
            public String id() {
                return "security.custom-warning";
            }

            @Override
            public Severity severity() {
                return Severity.WARNING;
            }

            @Override
            public List<ValidationResult> validate(Configuration c, ValidationContext context) {
                return List.of(failure(c, "service.name", "a warning", "fix it"));
            }
        }).build();

        ValidationReport standard = engine.validateConfig(config, ConfigurationContext.environment("production"));
        ValidationReport tenant = engine.validateConfig(config,
                ConfigurationContext.tenant("acme", "production", SecurityLevel.HIGH, Set.of("HIPAA")));

        assertThat(standard.appliedFrameworks()).isEmpty();
        assertThat(standard.overallValid()).isTrue();
        assertThat(tenant.configName()).isEqualTo("tenant acme (production)");
        assertThat(tenant.appliedFrameworks()).containsOnly(java.util.Map.entry("HIPAA", "declared by tenant acme"));
        assertThat(ruleIdsRun(tenant)).contains("compliance.hipaa.encryption-at-rest")
                .doesNotContain("compliance.gdpr.consent-required");
        assertThat(tenant.failures()).filteredOn(r -> r.ruleId().equals("security.custom-warning"))
                .singleElement().satisfies(r -> {
                    assertThat(r.severity()).isEqualTo(Severity.ERROR);
                    assertThat(r.message()).contains("security level HIGH");
                });
        assertThat(tenant.overallValid()).isFalse();
    }

    @Test
    void aTenantContextIsChecked() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ConfigurationContext(
                ConfigurationContext.Scope.TENANT, java.util.Optional.empty(), "production", SecurityLevel.STANDARD,
                Set.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tenant id");
    }

    @Test
    void theManagerAdapterSeesDeclarationsInTheCandidatesLayers() {
        Configuration undeclared = TestConfigs.load(List.of(TestConfigs.layer("base.yaml", BASE)));
        Configuration declared = TestConfigs.load(List.of(TestConfigs.layer("base.yaml",
                BASE + "compliance: {frameworks: [GDPR]}\n")));

        List<ValidationProblem> none = engine().validate(undeclared, "production");
        List<ValidationProblem> gdpr = engine().validate(declared, "production");

        assertThat(none).isEmpty();
        assertThat(gdpr).anySatisfy(p -> assertThat(p.describe()).contains("base.yaml:4:27"));
    }
}
