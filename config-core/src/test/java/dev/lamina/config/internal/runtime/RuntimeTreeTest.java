package dev.lamina.config.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.lamina.config.ConfigDocuments;
import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigPath;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.DataSize;
import dev.lamina.config.Format;
import dev.lamina.config.Origin;
import dev.lamina.config.ParseLimits;
import dev.lamina.config.ScalarType;

class RuntimeTreeTest {

    private static final Origin O = Origin.of("runtime update by test");

    @Test
    void setCreatesIntermediateObjectsAndReplacesScalarsInTheWay() {
        ConfigObject t = RuntimeTree.set(ConfigObject.empty(O), ConfigPath.parse("a.b"), RuntimeTree.toNode(1, O));
        t = RuntimeTree.set(t, ConfigPath.parse("a.b.c"), RuntimeTree.toNode("x", O));
        assertThat(ContentHash.of(t)).isEqualTo(ContentHash.of(RuntimeTree.set(ConfigObject.empty(O),
                ConfigPath.parse("a.b.c"), RuntimeTree.toNode("x", O))));
    }

    @Test
    void convertsJavaValuesKeepingTheirTypes() {
        assertThat(RuntimeTree.toNode(0.85, O)).isEqualTo(new ConfigScalar("0.85", ScalarType.NUMBER, O));
        assertThat(RuntimeTree.toNode(new BigDecimal("1.10"), O)).isEqualTo(new ConfigScalar("1.10", ScalarType.NUMBER, O));
        assertThat(RuntimeTree.toNode(true, O)).isEqualTo(new ConfigScalar("true", ScalarType.BOOLEAN, O));
        assertThat(RuntimeTree.toNode("0755", O)).isEqualTo(ConfigScalar.string("0755", O));
        assertThat(RuntimeTree.toNode(Duration.ofMillis(250), O)).isEqualTo(ConfigScalar.string("PT0.25S", O));
        assertThat(RuntimeTree.toNode(DataSize.ofBytes(2048), O)).isEqualTo(ConfigScalar.string("2048B", O));
        assertThat(RuntimeTree.toNode(null, O)).isEqualTo(new ConfigNull(O));
        assertThat(RuntimeTree.toNode(List.of(1, "a"), O)).isInstanceOf(ConfigList.class);
    }

    @Test
    void rejectsMapsWithNonStringKeys() {
        assertThatThrownBy(() -> RuntimeTree.toNode(Map.of(1, "a"), O))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("map keys");
    }

    @Test
    void rejectsNonFiniteNumbers() {
        assertThatThrownBy(() -> RuntimeTree.toNode(Double.POSITIVE_INFINITY, O))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("finite");
    }

    @Test
    void rendersSoThatParsingGivesTheSameContent() {
        ConfigObject t = ConfigObject.empty(O);
        t = RuntimeTree.set(t, ConfigPath.parse("a.threshold"), RuntimeTree.toNode(new BigDecimal("0.850"), O));
        t = RuntimeTree.set(t, ConfigPath.parse("a.mode"), RuntimeTree.toNode("on", O));
        t = RuntimeTree.set(t, ConfigPath.parse("a.perm"), RuntimeTree.toNode("0755", O));
        t = RuntimeTree.set(t, ConfigPath.parse("a.enabled"), RuntimeTree.toNode(false, O));
        t = RuntimeTree.set(t, ConfigPath.parse("a.removed"), RuntimeTree.toNode(null, O));
        t = RuntimeTree.set(t, ConfigPath.parse("a.list"), RuntimeTree.toNode(List.of("x", 2), O));
        for (Format f : List.of(Format.YAML, Format.JSON)) {
            byte[] bytes = RuntimeTree.render(t, f);
            ConfigObject back = ConfigDocuments.parse("runtime." + f.extensions().get(0), f, bytes, ParseLimits.DEFAULTS);
            assertThat(ContentHash.of(back)).as(f + ":\n" + new String(bytes, StandardCharsets.UTF_8))
                    .isEqualTo(ContentHash.of(t));
        }
    }

    @Test
    void persistFormatFollowsTheExtension() {
        assertThat(RuntimeTree.formatOf("state.YML")).isEqualTo(Format.YAML);
        assertThat(RuntimeTree.formatOf("state.yaml")).isEqualTo(Format.YAML);
        assertThat(RuntimeTree.formatOf("state.json")).isEqualTo(Format.JSON);
        assertThat(RuntimeTree.formatOf("state")).isEqualTo(Format.JSON);
    }
}
