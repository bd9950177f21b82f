package dev.lamina.config.profiles;

import static dev.lamina.config.profiles.Files2.options;
import static dev.lamina.config.profiles.Files2.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.lamina.config.ConfigChangeEvent;
import dev.lamina.config.ConfigChangeListener;
import dev.lamina.config.ConfigException;
import dev.lamina.config.ConfigRenderer;
import dev.lamina.config.Configuration;
import dev.lamina.config.ConfigurationManager;
import dev.lamina.config.ConfigurationOptions;
import dev.lamina.config.ConfigWarningEvent;
import dev.lamina.config.Explanation;
import dev.lamina.config.LayerKind;
import dev.lamina.config.RenderFormat;

class ProfileLayerProviderTest {

    @TempDir
    Path dir;

    @BeforeEach
    void base() {
        write(dir, "base.yaml", """
                service:
                  max_workers: 8
                  request_timeout: 30s
                caching_layers:
                  l1:
                    ttl: 300s
                gdpr_compliance:
                  retention:
                    logs_days: 365
                """);
        write(dir, "staging.yaml", "service:\n  log_level: INFO\n");
    }

    private Configuration load(ConfigurationOptions.Builder options, String env) {
        try (ConfigurationManager m = new ConfigurationManager(options.build())) {
            return m.loadEnvironmentConfig(env);
        }
    }

    private Configuration load(List<String> profiles, String region, Map<String, String> vars) {
        ConfigurationOptions.Builder b = options(dir, vars).addLayerProvider(new ProfileLayerProvider(profiles));
        b.addLayerProvider(region == null ? new RegionLayerProvider() : new RegionLayerProvider(region));
        return load(b, "staging");
    }

    @Test
    void builtInProfileSetsItsKeysAndExplainNamesIt() {
        Configuration c = load(List.of("HIGH_VOLUME"), null, Map.of());
        assertThat(c.getInt("service.max_workers")).isEqualTo(32);
        assertThat(c.getDuration("caching_layers.l1.ttl")).hasSeconds(3600);
        Explanation e = c.explain("service.max_workers");
        assertThat(e.winner().orElseThrow().metadata().kind()).isEqualTo(LayerKind.PROFILE);
        assertThat(e.winner().orElseThrow().describe())
                .startsWith("profile HIGH_VOLUME (builtin:deployment/high-volume.yaml:");
    }

    @Test
    void profilesApplyInActivationOrderLaterWins() {
        Configuration c = load(List.of("high-volume", "cost-optimized"), null, Map.of());
        assertThat(c.getInt("service.max_workers")).isEqualTo(4);
        Configuration d = load(List.of("cost-optimized", "high-volume"), null, Map.of());
        assertThat(d.getInt("service.max_workers")).isEqualTo(32);
    }

    @Test
    void namesCompareIgnoringCaseWithDashAndUnderscoreEqual() {
        assertThat(load(List.of("High_Volume"), null, Map.of()).getInt("service.max_workers")).isEqualTo(32);
    }

    @Test
    void userFileNamedLikeABuiltInRefinesIt() {
        write(dir, "profiles/High_Volume.yaml", """
                _profile:
                  description: our volume tuning
                service:
                  max_workers: 48
                """);
        Configuration c = load(List.of("high-volume"), null, Map.of());
        assertThat(c.getInt("service.max_workers")).isEqualTo(48);
        // Keys the refinement does not set still come from the built-in.
        assertThat(c.getDuration("caching_layers.l1.ttl")).hasSeconds(3600);
        assertThat(c.explain("service.max_workers").winner().orElseThrow().describe())
                .isEqualTo("profile HIGH_VOLUME (" + dir.resolve("profiles/High_Volume.yaml") + ":4:16)");
    }

    @Test
    void profileBlockIsNeverPartOfTheConfiguration() {
        write(dir, "profiles/canary.yaml", """
                _profile:
                  description: a canary
                service:
                  canary: true
                """);
        Configuration c = load(List.of("canary"), null, Map.of());
        assertThat(c.hasPath("_profile")).isFalse();
        String yaml = ConfigRenderer.render(c, RenderFormat.YAML, ConfigRenderer.Options.defaults());
        assertThat(yaml).doesNotContain("_profile").doesNotContain("a canary").contains("canary: true");
    }

    @Test
    void extendsAppliesTheParentFirstAndOnce() {
        write(dir, "profiles/base-tuning.yaml", "service:\n  max_workers: 10\n  request_timeout: 20s\n");
        write(dir, "profiles/busy.yaml", "_profile:\n  extends: [base-tuning]\nservice:\n  max_workers: 12\n");
        write(dir, "profiles/quiet.yaml", "_profile:\n  extends: base-tuning\nservice:\n  log_level: WARN\n");
        Configuration c = load(List.of("busy", "quiet"), null, Map.of());
        // base-tuning applies once, before busy: quiet's parent does not re-apply it over busy's value.
        assertThat(c.getInt("service.max_workers")).isEqualTo(12);
        assertThat(c.getDuration("service.request_timeout")).hasSeconds(20);
        assertThat(c.getString("service.log_level")).isEqualTo("WARN");
        assertThat(c.layers().stream().filter(l -> l.name().endsWith("base-tuning.yaml")).count()).isEqualTo(1);
    }

    @Test
    void extendsCycleIsRejectedNamingTheFiles() {
        write(dir, "profiles/a.yaml", "_profile:\n  extends: [b]\nx: 1\n");
        write(dir, "profiles/b.yaml", "_profile:\n  extends: [a]\nx: 2\n");
        assertThatThrownBy(() -> load(List.of("a"), null, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("cycle: a -> b -> a")
                .hasMessageContaining("a.yaml")
                .hasMessageContaining("b.yaml")
                .hasMessageContaining("b.yaml:2:13");
    }

    @Test
    void unknownProfileListsKnownNamesAndSuggestsTheNearest() {
        write(dir, "profiles/canary.yaml", "x: 1\n");
        assertThatThrownBy(() -> load(List.of("hgh-volume"), null, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown profile 'hgh-volume'")
                .hasMessageContaining("known: high-volume, low-latency, high-accuracy, cost-optimized, canary")
                .hasMessageContaining("did you mean 'high-volume'?");
    }

    @Test
    void unknownMetadataKeyIsRejectedWithFileLineAndColumn() {
        write(dir, "profiles/canary.yaml", "_profile:\n  description: x\n  extend: [a]\nx: 1\n");
        assertThatThrownBy(() -> load(List.of("canary"), null, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("canary.yaml:3:11")
                .hasMessageContaining("_profile.extend")
                .hasMessageContaining("did you mean 'extends'?");
    }

    @Test
    void twoFilesForOneNameAreRejected() {
        write(dir, "profiles/canary.yaml", "x: 1\n");
        write(dir, "profiles/Canary.json", "{\"x\": 2}\n");
        assertThatThrownBy(() -> load(List.of("canary"), null, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("both define profile 'canary'");
    }

    @Test
    void anyFormatIsAProfileFile() {
        write(dir, "profiles/json-one.json", "{\"_profile\": {\"description\": \"j\"}, \"service\": {\"max_workers\": 3}}");
        write(dir, "profiles/toml-one.toml", "[service]\nlog_level = \"TRACE\"\n");
        Configuration c = load(List.of("json-one", "toml-one"), null, Map.of());
        assertThat(c.getInt("service.max_workers")).isEqualTo(3);
        assertThat(c.getString("service.log_level")).isEqualTo("TRACE");
    }

    @Test
    void configProfileVariableActivatesProfilesInOrder() {
        Configuration c = load(List.of(), null, Map.of("CONFIG_PROFILE", "high-volume, cost-optimized"));
        assertThat(c.getInt("service.max_workers")).isEqualTo(4);
    }

    @Test
    void environmentsFileDeclaresProfilesAndRegionPerEnvironment() {
        write(dir, "environments.yaml", """
                staging: {}
                production:
                  extends: staging
                  profiles: [high-volume]
                  region: EU
                """);
        write(dir, "production.yaml", "service:\n  log_level: WARN\n");
        Configuration c = load(options(dir, Map.of()).addLayerProvider(new ProfileLayerProvider())
                .addLayerProvider(new RegionLayerProvider()), "production");
        assertThat(c.getInt("service.max_workers")).isEqualTo(32);
        assertThat(c.getList("compliance.frameworks", String.class)).containsExactly("GDPR");
        assertThat(c.explain("compliance.frameworks").winner().orElseThrow().describe()).startsWith("region EU (");
        // Staging declares neither.
        Configuration s = load(options(dir, Map.of()).addLayerProvider(new ProfileLayerProvider())
                .addLayerProvider(new RegionLayerProvider()), "staging");
        assertThat(s.getInt("service.max_workers")).isEqualTo(8);
        assertThat(s.hasPath("compliance")).isFalse();
    }

    @Test
    void anEnvironmentsSelectionIsNotInheritedThroughExtends() {
        // A child inherits its parent's files, not the parent's profiles or region: production extending a
        // development environment must not quietly pick up its tuning; each environment says what it activates.
        write(dir, "environments.yaml", """
                staging:
                  profiles: [low-latency]
                  region: US
                production:
                  extends: staging
                """);
        write(dir, "production.yaml", "service:\n  log_level: WARN\n");
        Configuration c = load(options(dir, Map.of()).addLayerProvider(new ProfileLayerProvider())
                .addLayerProvider(new RegionLayerProvider()), "production");
        assertThat(c.getString("service.log_level")).isEqualTo("WARN");
        assertThat(c.getString("service.request_timeout")).isEqualTo("30s");
        assertThat(c.hasPath("compliance")).isFalse();
        assertThat(c.layers()).extracting(l -> l.metadata().kind()).containsOnly(LayerKind.FILE);
    }

    @Test
    void unknownKeyInEnvironmentsEntryIsStillRejected() {
        write(dir, "environments.yaml", "staging:\n  profile: [high-volume]\n");
        assertThatThrownBy(() -> load(List.of(), null, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("environments.yaml:2:12")
                .hasMessageContaining("did you mean 'profiles'?");
    }

    @Test
    void regionSitsAboveEveryDeploymentProfile() {
        // A profile that tries to shorten retention loses to the region's requirement.
        write(dir, "profiles/cheap.yaml", "gdpr_compliance:\n  retention:\n    logs_days: 30\n");
        Configuration c = load(List.of("cheap"), "eu", Map.of());
        assertThat(c.getInt("gdpr_compliance.retention.logs_days")).isEqualTo(365);
        assertThat(c.explain("gdpr_compliance.retention.logs_days").reason()).contains("eu.yaml");
    }

    @Test
    void explicitRegionWinsOverTheVariable() {
        Configuration c = load(List.of(), "US", Map.of("CONFIG_REGION", "EU"));
        assertThat(c.getList("compliance.frameworks", String.class)).containsExactly("CCPA");
    }

    @Test
    void aRegionIgnoredBecauseAnotherWinsIsAWarningEvent() {
        List<ConfigWarningEvent> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (ConfigurationManager m = new ConfigurationManager(options(dir, Map.of("CONFIG_REGION", "EU"))
                .addLayerProvider(new RegionLayerProvider("US")).build())) {
            m.addChangeListener(new ConfigChangeListener() {
                @Override
                public void onChange(ConfigChangeEvent event) {
                }

                @Override
                public void onWarning(ConfigWarningEvent event) {
                    warnings.add(event);
                }
            });
            m.loadEnvironmentConfig("staging");
        }
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.message()).isEqualTo("Region EU from environment variable CONFIG_REGION is ignored: region US "
                    + "from region selection (--region or code) takes precedence");
            assertThat(w.origin().orElseThrow().source()).isEqualTo("environment variable CONFIG_REGION");
        });
    }

    @Test
    void unknownRegionListsTheKnownCodes() {
        assertThatThrownBy(() -> load(List.of(), "EX", Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown region 'EX'; known: eu, us, uk, br, jp, kr")
                .hasMessageContaining("did you mean");
    }

    @Test
    void profileImpliesComplianceFrameworksAsConfiguration() {
        write(dir, "profiles/health.yaml", "_profile:\n  implies:\n    compliance: [HIPAA, sox]\nx: 1\n");
        Configuration c = load(List.of("health"), null, Map.of());
        assertThat(c.getList("compliance.frameworks", String.class)).containsExactly("HIPAA", "sox");
        assertThat(c.origin("compliance.frameworks").orElseThrow().line()).isEqualTo(3);
    }

    @Test
    void complianceDeclarationsAddUpInTheValueAsValidationCountsThem() {
        // staging declares GDPR; a profile implying SOX (and GDPR again) and the UK region must not hide it: the
        // value a service reads lists every framework validation runs, each once, each with its declaring origin.
        write(dir, "staging.yaml", "service:\n  log_level: INFO\ncompliance:\n  frameworks: [GDPR]\n");
        write(dir, "profiles/audited.yaml", "_profile:\n  implies:\n    compliance: [SOX, gdpr]\n");
        Configuration c = load(List.of("audited"), "UK", Map.of());
        assertThat(c.getList("compliance.frameworks", String.class)).containsExactly("GDPR", "SOX", "UK_GDPR");
        assertThat(c.origin("compliance.frameworks[0]").orElseThrow().source()).endsWith("staging.yaml");
        assertThat(c.origin("compliance.frameworks[1]").orElseThrow().source()).endsWith("audited.yaml");
        assertThat(c.origin("compliance.frameworks[2]").orElseThrow().source()).isEqualTo("builtin:regions/uk.yaml");
    }

    @Test
    void everyFrameworkDeclaredBelowIsKeptAsValidationCountsThemAll() {
        // base declares GDPR, staging's list replaces it with SOX: validation still runs both (a higher layer
        // cannot un-declare), so the profile's union lists both, then its own.
        write(dir, "base.yaml", "compliance:\n  frameworks: [GDPR]\nx: ${ref:service.canary}\n");
        write(dir, "staging.yaml", "compliance:\n  frameworks: SOX\n");
        write(dir, "profiles/canary.yaml", "_profile:\n  implies: {compliance: [HIPAA]}\nservice:\n  canary: on\n");
        Configuration c = load(List.of("canary"), null, Map.of());
        assertThat(c.getList("compliance.frameworks", String.class)).containsExactly("GDPR", "SOX", "HIPAA");
        // The layers below are read as written: a reference to a key only a profile sets still resolves.
        assertThat(c.getString("x")).isEqualTo("on");
    }

    @Test
    void aProfileWithoutFrameworksLeavesTheDeclarationBelowAlone() {
        write(dir, "staging.yaml", "compliance:\n  frameworks: [HIPAA]\n");
        Configuration c = load(List.of("high-volume"), null, Map.of());
        assertThat(c.getList("compliance.frameworks", String.class)).containsExactly("HIPAA");
        assertThat(c.origin("compliance.frameworks").orElseThrow().source()).endsWith("staging.yaml");
    }

    @Test
    void noProfileNamedAddsNothing() {
        Configuration c = load(List.of(), null, Map.of());
        assertThat(c.getInt("service.max_workers")).isEqualTo(8);
        assertThat(c.layers()).hasSize(2);
    }
}
