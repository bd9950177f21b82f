package dev.lamina.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RenderFormatTest {

    @Test
    void findsFormatsByNameIgnoringCase() {
        assertThat(RenderFormat.fromName("Yaml")).contains(RenderFormat.YAML);
        assertThat(RenderFormat.fromName(" env ")).contains(RenderFormat.ENV);
    }

    @Test
    void findsNothingForAnUnknownOrNullName() {
        assertThat(RenderFormat.fromName("xml")).isEmpty();
        assertThat(RenderFormat.fromName(null)).isEmpty();
    }

    @Test
    void displaysTheLowerCaseName() {
        assertThat(RenderFormat.PROPERTIES.displayName()).isEqualTo("properties");
    }

    @Test
    void optionsDefaultToNoOriginsAndTheLaminaPrefix() {
        assertThat(ConfigRenderer.Options.defaults()).isEqualTo(new ConfigRenderer.Options(false, "LAMINA_"));
    }

    @Test
    void optionsAcceptAnEmptyPrefix() {
        assertThat(ConfigRenderer.Options.defaults().withEnvPrefix("").envPrefix()).isEmpty();
    }

    @Test
    void optionsRejectANullPrefix() {
        assertThatThrownBy(() -> new ConfigRenderer.Options(true, null)).isInstanceOf(NullPointerException.class);
    }
}
