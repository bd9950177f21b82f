package dev.lamina.config.internal.parse;

import static dev.lamina.config.internal.parse.ParseFixtures.at;
import static dev.lamina.config.internal.parse.ParseFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import dev.lamina.config.ConfigDocuments;
import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigParseException;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Format;
import dev.lamina.config.Origin;
import dev.lamina.config.ParseLimits;
import dev.lamina.config.ScalarType;

class YamlParsingTest {

    @Test
    void repeatedKeyNamesAndShortValuesAreOneStringEachLongValuesAreNot() {
        // Memory per leaf (issue 11): a tree keeps every key and text, and configurations repeat them many times.
        String longValue = "a-value-longer-than-sixteen-characters";
        ConfigObject root = yaml("a:\n  port: 8080\n  note: " + longValue + "\nb:\n  port: 8080\n  note: "
                + longValue + "\n");
        ConfigObject a = (ConfigObject) at(root, "a");
        ConfigObject b = (ConfigObject) at(root, "b");
        String keyA = a.entries().keySet().iterator().next();
        String keyB = b.entries().keySet().iterator().next();
        assertThat(keyA).isEqualTo("port").isSameAs(keyB);
        assertThat(((ConfigScalar) at(root, "a.port")).text()).isSameAs(((ConfigScalar) at(root, "b.port")).text());
        assertThat(((ConfigScalar) at(root, "a.note")).text()).isEqualTo(longValue)
                .isNotSameAs(((ConfigScalar) at(root, "b.note")).text());
    }

    @Test
    void buildsNestedObjectsAndListsWithOrigins() {
        ConfigObject root = yaml("server:\n  port: 8080\n  hosts:\n    - a\n    - b\n");
        assertThat(at(root, "server.port")).isEqualTo(new ConfigScalar("8080", ScalarType.NUMBER,
                Origin.of("app.yaml", 2, 9)));
        assertThat(at(root, "server.hosts")).isInstanceOf(ConfigList.class);
        assertThat(at(root, "server.hosts[1]").origin()).isEqualTo(Origin.of("app.yaml", 5, 7));
    }

    @ParameterizedTest(name = "{0} is a {1} with text {0}")
    @CsvSource({
        "NO, STRING", "on, STRING", "yes, STRING", "off, STRING", "True, STRING", "0755, STRING", "0x1F, STRING",
        "1_000, STRING", ".inf, STRING", "+1, STRING", "1.10, NUMBER", "8080, NUMBER", "-1.5e3, NUMBER", "0, NUMBER",
        "true, BOOLEAN", "false, BOOLEAN"})
    void typesPlainScalarsByTheYaml12CoreSchemaAndKeepsTheirText(String written, ScalarType type) {
        ConfigObject root = yaml("v: " + written + "\n");
        assertThat(at(root, "v")).isEqualTo(new ConfigScalar(written, type, Origin.of("app.yaml", 1, 4)));
    }

    @Test
    void quotedScalarsAreAlwaysStrings() {
        ConfigObject root = yaml("a: 'true'\nb: \"8080\"\nc: 'null'\n");
        assertThat(((ConfigScalar) at(root, "a")).type()).isEqualTo(ScalarType.STRING);
        assertThat(((ConfigScalar) at(root, "b")).type()).isEqualTo(ScalarType.STRING);
        assertThat(at(root, "c")).isEqualTo(ConfigScalar.string("null", Origin.of("app.yaml", 3, 4)));
    }

    @Test
    void nullTildeAndEmptyValuesAreNulls() {
        ConfigObject root = yaml("a: null\nb: ~\nc:\n");
        assertThat(at(root, "a")).isInstanceOf(ConfigNull.class);
        assertThat(at(root, "b")).isInstanceOf(ConfigNull.class);
        assertThat(at(root, "c")).isInstanceOf(ConfigNull.class);
    }

    @Test
    void onlyTheYamlNullSpellingsAreNulls() {
        ConfigObject root = yaml("a: Null\nb: NULL\nc: nULL\nd: nil\ne: '~'\nf: \"\"\ng: ''\nh: None\n");
        assertThat(at(root, "a")).isInstanceOf(ConfigNull.class);
        assertThat(at(root, "b")).isInstanceOf(ConfigNull.class);
        assertThat(at(root, "c")).isEqualTo(ConfigScalar.string("nULL", Origin.of("app.yaml", 3, 4)));
        assertThat(at(root, "d")).isEqualTo(ConfigScalar.string("nil", Origin.of("app.yaml", 4, 4)));
        assertThat(at(root, "e")).isEqualTo(ConfigScalar.string("~", Origin.of("app.yaml", 5, 4)));
        assertThat(at(root, "f")).isEqualTo(ConfigScalar.string("", Origin.of("app.yaml", 6, 4)));
        assertThat(at(root, "g")).isEqualTo(ConfigScalar.string("", Origin.of("app.yaml", 7, 4)));
        assertThat(at(root, "h")).isEqualTo(ConfigScalar.string("None", Origin.of("app.yaml", 8, 4)));
    }

    @Test
    void strTagMakesAString() {
        assertThat(at(yaml("a: !!str 8080\n"), "a")).isEqualTo(ConfigScalar.string("8080", Origin.of("app.yaml", 1, 4)));
    }

    @Test
    void emptyAndCommentOnlyDocumentsAreEmptyObjects() {
        assertThat(yaml("").isEmpty()).isTrue();
        assertThat(yaml("# nothing here\n\n# still nothing\n").isEmpty()).isTrue();
        assertThat(yaml("---\n").isEmpty()).isTrue();
    }

    @Test
    void rejectsAnchorsWithLineAndColumn() {
        assertThatThrownBy(() -> yaml("base: &defaults\n  x: 1\n"))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageStartingWith("app.yaml:1:7: ")
                .hasMessageContaining("anchors are not supported");
    }

    @Test
    void rejectsAliasesWithLineAndColumn() {
        // The anchor is on a scalar nobody would notice; the alias must not become the string "p".
        assertThatThrownBy(() -> yaml("a: 1\nb: *p\n"))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageStartingWith("app.yaml:2:4: ")
                .hasMessageContaining("aliases are not supported");
    }

    @Test
    void rejectsAnAliasBombAtTheFirstAnchor() {
        String bomb = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n";
        assertThatThrownBy(() -> yaml(bomb)).hasMessageStartingWith("app.yaml:1:4: ");
    }

    @Test
    void rejectsMergeKeys() {
        assertThatThrownBy(() -> yaml("server:\n  <<: {port: 1}\n  host: x\n"))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageStartingWith("app.yaml:2:3 server: ")
                .hasMessageContaining("merge keys (<<) are not supported");
    }

    @Test
    void quotedMergeKeyIsAnOrdinaryKey() {
        assertThat(at(yaml("'<<': x\n"), "\"<<\"")).isEqualTo(ConfigScalar.string("x", Origin.of("app.yaml", 1, 7)));
    }

    @Test
    void rejectsCustomTags() {
        assertThatThrownBy(() -> yaml("a:\n  b: !vault secret/db\n"))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageStartingWith("app.yaml:2:6: ")
                .hasMessageContaining("tags are not supported")
                .hasMessageNotContaining("secret/db");
    }

    @Test
    void rejectsGlobalTagsOnCollections() {
        assertThatThrownBy(() -> yaml("a: !!set {x, y}\n"))
                .hasMessageStartingWith("app.yaml:1:4: ")
                .hasMessageContaining("tags are not supported");
    }

    @Test
    void rejectsSeveralDocuments() {
        assertThatThrownBy(() -> yaml("a: 1\n---\nb: 2\n"))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageStartingWith("app.yaml:2:1: ")
                .hasMessageContaining("only one YAML document");
    }

    @Test
    void rejectsDuplicateKeysWithLineAndColumn() {
        assertThatThrownBy(() -> yaml("port: 1\nhost: x\nport: 2\n"))
                .isInstanceOf(ConfigParseException.class)
                .hasMessage("app.yaml:3:1 port: duplicate key 'port' (first defined at 1:1); keep one of them");
    }

    @Test
    void rejectsNestedDuplicateKeys() {
        assertThatThrownBy(() -> yaml("server:\n  port: 1\n  port: 2\n"))
                .hasMessageStartingWith("app.yaml:3:3 server.port: duplicate key 'port' (first defined at 2:3)");
    }

    @Test
    void rejectsTabIndentationWithLocation() {
        assertThatThrownBy(() -> yaml("a:\n\tb: 1\n"))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageStartingWith("app.yaml:2:1: ")
                .hasMessageContaining("tab");
    }

    @Test
    void syntaxErrorsNeverQuoteTheDocument() {
        assertThatThrownBy(() -> yaml("db:\n  password: hunter2: oops\n"))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageStartingWith("app.yaml:2:")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void unclosedQuoteIsReportedWithoutQuotingIt() {
        assertThatThrownBy(() -> yaml("token: \"s3cr3t-value\n"))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageStartingWith("app.yaml:")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void rejectsAListRoot() {
        assertThatThrownBy(() -> yaml("- a\n- b\n"))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageStartingWith("app.yaml:1:1: ")
                .hasMessageContaining("root must be an object");
    }

    @Test
    void rejectsAScalarRoot() {
        assertThatThrownBy(() -> yaml("just text\n")).hasMessageContaining("root must be an object");
    }

    @Test
    void acceptsAByteOrderMark() {
        byte[] bytes = "\uFEFFa: 1\n".getBytes(StandardCharsets.UTF_8);
        ConfigObject root = ConfigDocuments.parse("app.yaml", Format.YAML, bytes, ParseLimits.DEFAULTS);
        assertThat(root.entries()).containsOnlyKeys("a");
    }

    @Test
    void rejectsInvalidUtf8WithLocation() {
        byte[] bytes = {'a', ':', ' ', '1', '\n', 'b', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'};
        assertThatThrownBy(() -> ConfigDocuments.parse("app.yaml", Format.YAML, bytes, ParseLimits.DEFAULTS))
                .isInstanceOf(ConfigParseException.class)
                .hasMessage("app.yaml:2:4: invalid UTF-8 byte sequence (configuration files must be UTF-8)");
    }

    /** Issue 11: an unclosed bracket at the end of a file is named as specifically as one in the middle. */
    @Test
    void anUnclosedFlowCollectionAtTheEndOfTheFileSaysSoAtItsLine() {
        String[][] cases = {
                {"server:\n  port: 1\noops: [\n", "app.yaml:3:"},
                {"server:\n  port: 1\noops: {\n", "app.yaml:3:"},
                {"oops: [1, 2\n", "app.yaml:1:"}};
        for (String[] c : cases) {
            assertThatThrownBy(() -> yaml(c[0])).as(c[0])
                    .isInstanceOf(ConfigParseException.class)
                    .hasMessageStartingWith(c[1])
                    .hasMessageContaining("a '[' or '{' is not closed")
                    .hasMessageNotContaining("malformed YAML");
        }
    }
}
