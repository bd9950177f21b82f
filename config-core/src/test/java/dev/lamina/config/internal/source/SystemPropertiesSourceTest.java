package dev.lamina.config.internal.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import org.junit.jupiter.api.Test;

import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.ConfigSources;
import dev.lamina.config.Layer;
import dev.lamina.config.Origin;
import dev.lamina.config.ParseLimits;

class SystemPropertiesSourceTest {

    private static Layer read(Properties props) {
        return ConfigSources.systemProperties("lamina.", props).read(ParseLimits.DEFAULTS).get(0);
    }

    @Test
    void stripsThePrefixAndSplitsOnDots() {
        Properties props = new Properties();
        props.setProperty("lamina.server.port", "8080");
        props.setProperty("java.version", "17");
        Layer layer = read(props);
        assertThat(layer.name()).isEqualTo("sysprop:lamina.");
        ConfigObject server = (ConfigObject) layer.root().get("server").orElseThrow();
        assertThat(server.get("port")).contains(ConfigScalar.string("8080", Origin.of("sysprop:lamina.server.port")));
        assertThat(layer.root().entries()).containsOnlyKeys("server");
    }

    @Test
    void keepsTheCaseOfKeys() {
        Properties props = new Properties();
        props.setProperty("lamina.maxConnections", "5");
        assertThat(read(props).root().entries()).containsOnlyKeys("maxConnections");
    }

    @Test
    void skipsNamesWithEmptySegments() {
        Properties props = new Properties();
        props.setProperty("lamina.a..b", "1");
        props.setProperty("lamina.", "2");
        assertThat(read(props).root().isEmpty()).isTrue();
    }

    @Test
    void nestedPropertiesWinOverAValueAtTheirParent() {
        Properties props = new Properties();
        props.setProperty("lamina.db", "x");
        props.setProperty("lamina.db.url", "y");
        assertThat(read(props).root().get("db").orElseThrow()).isInstanceOf(ConfigObject.class);
    }

    @Test
    void includesDefaultsOfThePropertiesObject() {
        Properties defaults = new Properties();
        defaults.setProperty("lamina.a", "1");
        assertThat(read(new Properties(defaults)).root().entries()).containsKey("a");
    }
}
