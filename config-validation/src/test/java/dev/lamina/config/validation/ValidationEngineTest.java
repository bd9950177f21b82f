package dev.lamina.config.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.lamina.config.ConfigPath;
import dev.lamina.config.Configuration;
import dev.lamina.config.Origin;
import dev.lamina.config.ValidationProblem;

class ValidationEngineTest {

    /** The issue's example of a user's own rule. */
    static final class PremiumStreamLimitRule implements ValidationRule {
        @Override
        public String id() {
            return "acme.premium-stream-limit";
        }

        @Override
        public List<ValidationResult> validate(Configuration config, ValidationContext context) {
            int streams = config.getOptionalInt("plans.premium.max_streams").orElse(1);
            return streams <= 6 ? List.of()
                    : List.of(failure(config, "plans.premium.max_streams", "at most 6 concurrent streams", "set 6"));
        }
    }

    private static final Configuration TOO_MANY = TestConfigs.yaml("staging.yaml", """
            plans:
              premium:
                max_streams: 9
            """);

    private static ValidationRule throwing(String id) {
        return new ValidationRule() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public List<ValidationResult> validate(Configuration config, ValidationContext context) {
                throw new IllegalStateException("boom with hunter2");
            }
        };
    }

    @Test
    void customRuleRegisteredByCodeReportsPathOriginAndFix() {
        ValidationEngine engine = ValidationEngine.builder().addRule(new PremiumStreamLimitRule()).build();

        ValidationReport report = engine.validateConfig(TOO_MANY, "staging_config");

        assertThat(report.overallValid()).isFalse();
        ValidationResult r = report.failures().get(0);
        assertThat(r.ruleId()).isEqualTo("acme.premium-stream-limit");
        assertThat(r.severity()).isEqualTo(Severity.ERROR);
        assertThat(r.path()).isEqualTo(ConfigPath.parse("plans.premium.max_streams"));
        assertThat(r.origin()).isEqualTo(Origin.of("staging.yaml", 3, 18));
        assertThat(r.suggestedFix()).contains("set 6");
    }

    @Test
    void ruleWithNothingToReportIsRecordedAsPassed() {
        ValidationEngine engine = ValidationEngine.builder().addRule(new PremiumStreamLimitRule()).build();

        ValidationReport report = engine.validateConfig(TestConfigs.yaml("a: 1"), "dev");

        assertThat(report.overallValid()).isTrue();
        assertThat(report.results()).singleElement().satisfies(r -> {
            assertThat(r.valid()).isTrue();
            assertThat(r.severity()).isEqualTo(Severity.INFO);
            assertThat(r.ruleId()).isEqualTo("acme.premium-stream-limit");
        });
        assertThat(report.rulesRun()).isEqualTo(1);
    }

    @Test
    void ruleThatThrowsIsReportedAsFailedRuleWithoutItsMessageAndOthersStillRun() {
        ValidationEngine engine = ValidationEngine.builder()
                .addRule(throwing("acme.broken"))
                .addRule(new PremiumStreamLimitRule()).build();

        ValidationReport report = engine.validateConfig(TOO_MANY, "staging");

        assertThat(report.failures()).extracting(ValidationResult::ruleId)
                .containsExactly("acme.broken", "acme.premium-stream-limit");
        ValidationResult broken = report.failures().get(0);
        assertThat(broken.message()).contains("rule failed to run").contains("IllegalStateException")
                .doesNotContain("hunter2");
        assertThat(broken.severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void ruleReturningNullIsReportedAsFailedRule() {
        ValidationEngine engine = ValidationEngine.builder().addRule(new ValidationRule() {
            @Override
            public String id() {
                return "acme.null";
            }

            @Override
            public List<ValidationResult> validate(Configuration config, ValidationContext context) {
                return null;
            }
        }).build();

        assertThat(engine.validateConfig(TOO_MANY, "x").failures()).singleElement()
                .satisfies(r -> assertThat(r.message()).contains("returned null"));
    }

    @Test
    void rejectsSecondRuleWithSameId() {
        ValidationEngine.Builder builder = ValidationEngine.builder().addRule(new PremiumStreamLimitRule());

        assertThatThrownBy(() -> builder.addRule(new PremiumStreamLimitRule()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("acme.premium-stream-limit");
    }

    @Test
    void anEngineIsImmutableAndToBuilderBuildsAnother() {
        ValidationEngine engine = ValidationEngine.builder().addRule(new PremiumStreamLimitRule()).build();

        ValidationEngine more = engine.toBuilder().addRule(throwing("acme.broken")).strictMode(true).build();

        assertThat(engine.rules()).extracting(ValidationRule::id).containsExactly("acme.premium-stream-limit");
        assertThat(engine.isStrictMode()).isFalse();
        assertThat(more.rules()).extracting(ValidationRule::id)
                .containsExactly("acme.premium-stream-limit", "acme.broken");
        assertThat(more.isStrictMode()).isTrue();
        assertThatThrownBy(() -> engine.rules().add(throwing("acme.sneaky")))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(engine.validateConfig(TOO_MANY, "staging").rulesRun()).isEqualTo(1);
    }

    @Test
    void toBuilderRefusesARuleWhoseIdTheEngineAlreadyHas() {
        ValidationEngine engine = ValidationEngine.builder().addRule(new PremiumStreamLimitRule()).build();

        assertThatThrownBy(() -> engine.toBuilder().addRule(new PremiumStreamLimitRule()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already registered");
    }

    @Test
    void ruleScopedToProductionRunsOnlyInProduction() {
        ValidationEngine engine = ValidationEngine.builder().addRule(new PremiumStreamLimitRule().onlyIn("production"))
                .build();

        assertThat(engine.validateConfig(TOO_MANY, "staging_config").rulesRun()).isZero();
        assertThat(engine.validateConfig(TOO_MANY, "production_config").overallValid()).isFalse();
    }

    @Test
    void environmentIsInferredFromConfigName() {
        ValidationEngine engine = ValidationEngine.builder().build();

        assertThat(engine.validateConfig(TOO_MANY, "staging_config").environment()).contains("staging");
        assertThat(engine.validateConfig(TOO_MANY, "config/Production.yaml").environment()).contains("production");
    }

    @Test
    void environmentDeclaredInConfigurationWinsOverName() {
        Configuration config = TestConfigs.yaml("environment: production\n");

        assertThat(ValidationEngine.builder().build().validateConfig(config, "app_config").environment())
                .contains("production");
    }

    @Test
    void explicitContextCarriesEnvironmentForAdapters() {
        ValidationEngine engine = ValidationEngine.builder().addRule(new PremiumStreamLimitRule().onlyIn("prod")).build();

        ValidationReport report = engine.validateConfig(TOO_MANY, "candidate",
                ValidationContext.forEnvironment("ignored", "PROD"));

        assertThat(report.configName()).isEqualTo("candidate");
        assertThat(report.environment()).contains("prod");
        assertThat(report.overallValid()).isFalse();
    }

    @Test
    void warningsAloneKeepReportValidAndAreCounted() {
        ValidationRule warn = new ValidationRule() {
            @Override
            public String id() {
                return "acme.warn";
            }

            @Override
            public Severity severity() {
                return Severity.WARNING;
            }

            @Override
            public List<ValidationResult> validate(Configuration config, ValidationContext context) {
                return List.of(createResult(false, "looks odd", null));
            }
        };

        ValidationReport report = ValidationEngine.builder().addRule(warn).build().validateConfig(TOO_MANY, "x");

        assertThat(report.overallValid()).isTrue();
        assertThat(report.countsBySeverity()).containsEntry(Severity.WARNING, 1).containsEntry(Severity.ERROR, 0);
    }

    @Test
    void severityOrderingPutsCriticalFirst() {
        assertThat(Severity.CRITICAL.atLeast(Severity.ERROR)).isTrue();
        assertThat(Severity.ERROR.atLeast(Severity.ERROR)).isTrue();
        assertThat(Severity.WARNING.atLeast(Severity.ERROR)).isFalse();
        assertThat(Severity.INFO.atLeast(Severity.WARNING)).isFalse();
    }

    @Test
    void engineAsConfigValidatorReturnsBlockingProblemsWithRuleId() {
        ValidationEngine engine = ValidationEngine.builder().addRule(new PremiumStreamLimitRule()).build();

        List<ValidationProblem> problems = engine.validate(TOO_MANY, "staging");

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.blocking()).isTrue();
            assertThat(p.describe()).startsWith("staging.yaml:3:18 plans.premium.max_streams: [acme.premium-stream-limit]");
        });
    }

    @Test
    void frameworkRulesAreScoredAndCanBeLimitedByContext() {
        ValidationRule gdprOk = framework("acme.gdpr-ok", "GDPR", true);
        ValidationRule gdprBad = framework("acme.gdpr-bad", "GDPR", false);
        ValidationRule soxBad = framework("acme.sox-bad", "SOX", false);
        ValidationEngine engine = ValidationEngine.builder().addRules(List.of(gdprOk, gdprBad, soxBad)).build();

        ValidationReport all = engine.validateConfig(TOO_MANY, "x",
                ValidationContext.of("x").withComplianceFrameworks("gdpr", "SOX"));
        ValidationReport gdprOnly = engine.validateConfig(TOO_MANY, "x",
                ValidationContext.of("x").withComplianceFrameworks("gdpr"));

        assertThat(all.complianceScores()).containsEntry("GDPR", 50.0).containsEntry("SOX", 0.0);
        assertThat(gdprOnly.complianceScores()).containsOnlyKeys("GDPR");
        assertThat(gdprOnly.complianceScore("Gdpr")).contains(50.0);
    }

    private static ValidationRule framework(String id, String framework, boolean passes) {
        return new ValidationRule() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public java.util.Set<String> frameworks() {
                return java.util.Set.of(framework);
            }

            @Override
            public List<ValidationResult> validate(Configuration config, ValidationContext context) {
                return passes ? List.of() : List.of(createResult(false, "not compliant", null));
            }
        };
    }

    @Test
    void summaryGivesVerdictCountsAndRules() {
        ValidationEngine engine = ValidationEngine.builder().addRule(new PremiumStreamLimitRule()).build();

        String summary = engine.getValidationSummary(engine.validateConfig(TOO_MANY, "staging_config"));

        assertThat(summary).startsWith("Validation of staging_config (environment staging): INVALID")
                .contains("0 critical, 1 error, 0 warnings, 0 info; 1 rule in");
    }

    @Test
    void issueExampleFilterFindsOnlyFailures() {
        ValidationEngine engine = ValidationEngine.builder().addRule(new PremiumStreamLimitRule())
                .addRule(new ValidationRule() {
                    @Override
                    public String id() {
                        return "acme.always-fine";
                    }

                    @Override
                    public List<ValidationResult> validate(Configuration config, ValidationContext context) {
                        return List.of(createResult(true, "fine", null));
                    }
                }).build();

        List<String> printed = engine.validateConfig(TOO_MANY, "staging_config").results().stream()
                .filter(r -> r.severity().atLeast(Severity.ERROR))
                .map(r -> r.message() + " -> " + r.suggestedFix().orElse(""))
                .toList();

        assertThat(printed).containsExactly("at most 6 concurrent streams -> set 6");
    }

    @Test
    void onlyInNeedsAnEnvironment() {
        assertThatThrownBy(() -> new PremiumStreamLimitRule().onlyIn())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resultRejectsBlankMessage() {
        assertThatThrownBy(() -> ValidationResult.failure("a", Severity.ERROR, ConfigPath.root(), Origin.UNKNOWN, " ", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("message");
    }

    @Test
    void contextRejectsBlankEnvironment() {
        assertThatThrownBy(() -> ValidationContext.forEnvironment("x", " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("environment");
    }

    @Test
    void contextToStringNamesLayersWithoutTheirValues() {
        ValidationContext context = ValidationContext.forEnvironment("x", "production")
                .withWrittenTree(TestConfigs.tree("prod.yaml", "database: {password: hunter2-plain}"));

        assertThat(context.toString()).contains("prod.yaml").contains("production").doesNotContain("hunter2-plain");
    }

    @Test
    void blankConfigNameIsRejected() {
        assertThatThrownBy(() -> ValidationEngine.builder().build().validateConfig(TOO_MANY, " "))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
