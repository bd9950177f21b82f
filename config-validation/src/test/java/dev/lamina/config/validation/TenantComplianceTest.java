package dev.lamina.config.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.Configuration;
import dev.lamina.config.ConfigurationManager;
import dev.lamina.config.ConfigurationOptions;
import dev.lamina.config.validation.rules.RulePacks;

/** A tenant's overlay declares its own frameworks; validation of the tenant's view runs them, and only there. */
class TenantComplianceTest {

    @TempDir
    Path dir;

    @Test
    void aTenantOverlayDeclaresFrameworksForItsViewOnly() throws Exception {
        Files.writeString(dir.resolve("base.yaml"), "service:\n  name: shop\nmonitoring: {enabled: true}\n");
        Files.writeString(dir.resolve("production.yaml"), "service:\n  replicas: 3\n");
        Files.createDirectories(dir.resolve("tenants"));
        Files.writeString(dir.resolve("tenants/clinic.yaml"), "compliance:\n  frameworks: [HIPAA]\n");
        ValidationEngine engine = ValidationEngine.builder().addRules(RulePacks.all()).build();
        try (ConfigurationManager manager = new ConfigurationManager(ConfigurationOptions.builder().directory(dir)
                .environment(Map.of()).build())) {
            manager.loadEnvironmentConfig("production");
            Configuration shared = manager.configuration();
            Configuration clinic = manager.forTenant("clinic");

            ValidationReport sharedReport = engine.validateConfig(shared,
                    ConfigurationContext.environment("production"));
            ValidationReport clinicReport = engine.validateConfig(clinic,
                    ConfigurationContext.tenant("clinic", "production", SecurityLevel.STANDARD, Set.of("SOX")));

            assertThat(sharedReport.appliedFrameworks()).isEmpty();
            assertThat(clinicReport.appliedFrameworks()).containsOnlyKeys("HIPAA", "SOX");
            assertThat(clinicReport.appliedFrameworks().get("HIPAA"))
                    .isEqualTo("declared by tenant clinic (" + dir.resolve("tenants/clinic.yaml") + ":2:16)");
            assertThat(clinicReport.appliedFrameworks().get("SOX")).isEqualTo("declared by tenant clinic");
            assertThat(clinicReport.failures()).filteredOn(r -> r.ruleId().equals("compliance.hipaa.encryption-at-rest"))
                    .singleElement().satisfies(r -> assertThat(r.origin().toString())
                            .isEqualTo(dir.resolve("tenants/clinic.yaml") + ":2:16"));
        }
    }
}
