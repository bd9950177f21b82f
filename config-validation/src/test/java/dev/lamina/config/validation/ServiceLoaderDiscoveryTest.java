package dev.lamina.config.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServiceLoaderDiscoveryTest {

    @Test
    void discoversRuleListedInMetaInfServices() {
        ValidationEngine engine = ValidationEngine.builder().discoverRules().build();

        assertThat(engine.rules()).extracting(ValidationRule::id).containsExactly("test.discovered");
        assertThat(engine.validateConfig(TestConfigs.yaml("forbidden: 1"), "dev").failures())
                .singleElement().satisfies(r -> assertThat(r.ruleId()).isEqualTo("test.discovered"));
    }

    @Test
    void discoveringTwiceAddsNothingTheSecondTime() {
        ValidationEngine engine = ValidationEngine.builder().discoverRules().discoverRules().build();

        assertThat(engine.rules()).hasSize(1);
    }
}
