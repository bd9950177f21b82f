package dev.lamina.config.internal.parse;

import static dev.lamina.config.internal.parse.ParseFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigParseException;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Format;
import dev.lamina.config.Origin;

class PropertiesParsingTest {

    private static ConfigObject props(String text) {
        return ParseFixtures.parse("app.properties", Format.PROPERTIES, text);
    }

    @Test
    void dottedKeysNestAndValuesAreStringsWithLines() {
        ConfigObject root = props("# comment\nserver.port=8080\nserver.host = example.org\n");
        assertThat(at(root, "server.port")).isEqualTo(ConfigScalar.string("8080", Origin.of("app.properties", 2, 1)));
        assertThat(at(root, "server.host")).isEqualTo(ConfigScalar.string("example.org", Origin.of("app.properties", 3, 1)));
    }

    @Test
    void supportsPropertiesSyntaxSeparatorsContinuationsAndEscapes() {
        ConfigObject root = props("a : 1\nb 2\n! bang comment\nc = one \\\n    two\nd = tab\\there\\u0041\n  e=x\n");
        assertThat(((ConfigScalar) at(root, "a")).text()).isEqualTo("1");
        assertThat(((ConfigScalar) at(root, "b")).text()).isEqualTo("2");
        assertThat(((ConfigScalar) at(root, "c")).text()).isEqualTo("one two");
        assertThat(((ConfigScalar) at(root, "d")).text()).isEqualTo("tab\thereA");
        assertThat(at(root, "e").origin()).isEqualTo(Origin.of("app.properties", 7, 3));
    }

    @Test
    void contiguousIndexKeysBecomeAList() {
        ConfigObject root = props("hosts.0=a\nhosts.1=b\n");
        assertThat(at(root, "hosts")).isInstanceOf(ConfigList.class);
    }

    @Test
    void rejectsAKeyThatIsBothValueAndParent() {
        assertThatThrownBy(() -> props("db=x\ndb.url=y\n"))
                .isInstanceOf(ConfigParseException.class)
                .hasMessage("app.properties:2:1 db.url: key 'db' is set to a value at line 1, so it cannot also have nested keys");
    }

    @Test
    void rejectsAValueOverNestedKeys() {
        assertThatThrownBy(() -> props("db.url=y\ndb=x\n"))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageStartingWith("app.properties:2:1 db: key has nested keys (from line 1)");
    }

    @Test
    void rejectsDuplicateKeys() {
        assertThatThrownBy(() -> props("a=1\n\na=2\n"))
                .isInstanceOf(ConfigParseException.class)
                .hasMessage("app.properties:3:1 a: duplicate key (first defined at line 1); keep one of them");
    }

    @Test
    void rejectsMalformedUnicodeEscapes() {
        assertThatThrownBy(() -> props("a=\\u12G4\n"))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageStartingWith("app.properties:1:")
                .hasMessageContaining("\\uXXXX");
    }

    @Test
    void rejectsKeysWithEmptySegments() {
        assertThatThrownBy(() -> props("a..b=1\n"))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageStartingWith("app.properties:1:1: key is not a valid config path");
    }
}
