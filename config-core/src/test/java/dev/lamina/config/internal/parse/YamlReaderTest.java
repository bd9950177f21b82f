package dev.lamina.config.internal.parse;

import static dev.lamina.config.internal.parse.ParseFixtures.at;
import static dev.lamina.config.internal.parse.ParseFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigParseException;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Origin;
import dev.lamina.config.ScalarType;

/**
 * The YAML constructs {@link YamlReader} reads, one by one, with the text YAML 1.2 gives them, and the inputs it
 * refuses with their positions. {@code YamlDifferentialTest} compares whole documents with SnakeYAML.
 */
class YamlReaderTest {

    private static String text(ConfigObject root, String path) {
        return ((ConfigScalar) at(root, path)).text();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
        "a: |\\n  x\\n  y\\n => x\\ny\\n",
        "a: |-\\n  x\\n\\n => x",
        "a: |+\\n  x\\n\\n => x\\n\\n",
        "a: >\\n  x\\n  y\\n\\n  z\\n => x y\\nz\\n",
        "a: >\\n  x\\n    more\\n  y\\n => x\\n  more\\ny\\n",
        "a: >-\\n  folded\\n  text\\n => folded text",
        "a: |2\\n   x\\n => ` x\\n`",
        "a: | # comment\\n  x\\n => x\\n",
        "a: |\\n  x => x",
        "a: 'it''s' => it's",
        "a: 'one\\n  two' => one two",
        "a: \"one\\n  two\\n\\n  three\" => one two\\nthree",
        "a: \"x\\\\\\n  y\" => xy",
        "a: \"\\\\t\\\\u00e9\\\\x41\\\\U0001F600\\\\\\\"\" => \\t\u00e9A\uD83D\uDE00\"",
        "a: one\\n  two\\n\\n  three\\n => one two\\nthree",
        "a: x#y => x#y",
        "a: x # comment => x",
        "a: http://example.org:8080/p?q=1 => http://example.org:8080/p?q=1",
        "a: b, c [d] {e} => b, c [d] {e}",
        "a:\\tvalue => value",
        "a: !!str 123 => 123",
        "a: \"\" => ``",
    })
    void readsScalarStylesAsYaml12Does(String document, String expected) {
        String doc = unescape(document);
        assertThat(text(yaml(doc), "a")).isEqualTo(unescape(expected));
    }

    /** {@code \n}, {@code \t} and {@code \\} in the CSV above stand for the characters. */
    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char e = s.charAt(++i);
                out.append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Test
    void typesOnlyPlainScalarsAndKeepsNullsApart() {
        ConfigObject root = yaml("a: ~\nb: null\nc:\nd: 'null'\ne: !!str true\nf: true\ng: \"8080\"\nh: 8080\n");
        assertThat(at(root, "a")).isInstanceOf(ConfigNull.class);
        assertThat(at(root, "b")).isInstanceOf(ConfigNull.class);
        assertThat(at(root, "c")).isInstanceOf(ConfigNull.class);
        assertThat(((ConfigScalar) at(root, "d")).type()).isEqualTo(ScalarType.STRING);
        assertThat(((ConfigScalar) at(root, "e")).type()).isEqualTo(ScalarType.STRING);
        assertThat(((ConfigScalar) at(root, "f")).type()).isEqualTo(ScalarType.BOOLEAN);
        assertThat(((ConfigScalar) at(root, "g")).type()).isEqualTo(ScalarType.STRING);
        assertThat(((ConfigScalar) at(root, "h")).type()).isEqualTo(ScalarType.NUMBER);
    }

    @Test
    void readsBlockAndFlowCollectionsInEveryPlacement() {
        ConfigObject root = yaml("""
                at_key_indent:
                - 1
                - 2
                compact:
                  - a: 1
                    b: 2
                  - - x
                    - y
                  -
                    nested: true
                  -
                flow: [1, [2, 3], {k: v}, ]
                flow_map: {x: 1, y: , z, "q":2}
                pairs: [a: 1, b, "c": 2, d: ]
                multi_line: [
                  one,
                  two
                ]
                empty: {}
                none: []
                after: end
                """);
        assertThat(((ConfigList) at(root, "at_key_indent")).items()).hasSize(2);
        assertThat(text(root, "compact[0].b")).isEqualTo("2");
        assertThat(text(root, "compact[1][1]")).isEqualTo("y");
        assertThat(text(root, "compact[2].nested")).isEqualTo("true");
        assertThat(at(root, "compact[3]")).isInstanceOf(ConfigNull.class);
        assertThat(((ConfigList) at(root, "flow")).items()).hasSize(3);
        assertThat(text(root, "flow[2].k")).isEqualTo("v");
        ConfigObject flowMap = (ConfigObject) at(root, "flow_map");
        assertThat(flowMap.entries().keySet()).containsExactly("x", "y", "z", "q");
        assertThat(flowMap.entries().get("y")).isInstanceOf(ConfigNull.class);
        assertThat(flowMap.entries().get("z")).isInstanceOf(ConfigNull.class);
        assertThat(text(root, "flow_map.q")).isEqualTo("2");
        assertThat(((ConfigList) at(root, "pairs")).items()).hasSize(4);
        assertThat(text(root, "pairs[0].a")).isEqualTo("1");
        assertThat(text(root, "pairs[1]")).isEqualTo("b");
        assertThat(text(root, "pairs[2].c")).isEqualTo("2");
        assertThat(at(root, "pairs[3].d")).isInstanceOf(ConfigNull.class);
        assertThat(((ConfigList) at(root, "multi_line")).items()).hasSize(2);
        assertThat(((ConfigObject) at(root, "empty")).entries()).isEmpty();
        assertThat(((ConfigList) at(root, "none")).items()).isEmpty();
        assertThat(text(root, "after")).isEqualTo("end");
    }

    @Test
    void givesEveryNodeTheLineAndColumnWhereItIsWritten() {
        ConfigObject root = yaml("server:\n  port: 8080\n  tls: |\n    cert\n  list: [a, {b: c}]\n");
        assertThat(at(root, "server").origin()).isEqualTo(Origin.of("app.yaml", 2, 3));
        assertThat(at(root, "server.port").origin()).isEqualTo(Origin.of("app.yaml", 2, 9));
        assertThat(at(root, "server.tls").origin()).isEqualTo(Origin.of("app.yaml", 4, 5)); // the content, not '|'
        assertThat(at(root, "server.list").origin()).isEqualTo(Origin.of("app.yaml", 5, 9));
        assertThat(at(root, "server.list[1]").origin()).isEqualTo(Origin.of("app.yaml", 5, 13));
        assertThat(at(root, "server.list[1].b").origin()).isEqualTo(Origin.of("app.yaml", 5, 17));
    }

    @Test
    void aStringTagMayStandAloneBeforeItsValueOnTheNextLine() {
        ConfigObject root = yaml("a: !!str\n  8080\nb: !!str\n  |\n    x\nc: !!str\nd: 1\n");
        assertThat(at(root, "a")).isEqualTo(new ConfigScalar("8080", ScalarType.STRING, Origin.of("app.yaml", 1, 4)));
        assertThat(text(root, "b")).isEqualTo("x\n");
        assertThat(at(root, "b").origin()).isEqualTo(Origin.of("app.yaml", 5, 5)); // the content, after the '|'
        assertThat(at(root, "c")).isEqualTo(new ConfigScalar("", ScalarType.STRING, Origin.of("app.yaml", 6, 4)));
        assertThat(text(root, "d")).isEqualTo("1");
    }

    @Test
    void acceptsDocumentMarkersDirectivesCrLfAndAByteOrderMark() {
        assertThat(text(yaml("%YAML 1.2\n---\na: 1\n...\n"), "a")).isEqualTo("1");
        assertThat(text(yaml("--- {a: 1}\n"), "a")).isEqualTo("1");
        assertThat(yaml("---\n# nothing\n").entries()).isEmpty();
        assertThat(yaml("").entries()).isEmpty();
        ConfigObject crlf = yaml("a: 1\r\nb: |\r\n  x\r\n  y\r\n");
        assertThat(text(crlf, "b")).isEqualTo("x\ny\n");
        assertThat(at(crlf, "b").origin()).isEqualTo(Origin.of("app.yaml", 3, 3));
        assertThat(text(yaml("\uFEFFa: 1\n"), "a")).isEqualTo("1");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
        "a: &x 1 => 1:4 => YAML anchors are not supported",
        "a: *x => 1:4 => YAML aliases are not supported",
        "a: !!int 1 => 1:4 => YAML tags are not supported",
        "a: !custom x => 1:4 => YAML tags are not supported",
        "a: !!str [x] => 1:4 => !!str tag applies to scalars",
        "%YAML 1.x\\n---\\na: 1 => 1:1 => malformed %YAML directive",
        "{a\\n b: 1} => 1:2 => a key must fit on one line",
        "%YAML 2.0\\n---\\na: 1 => 1:1 => Lamina reads YAML 1.x",
        "%TAG !e! tag:example.com,2000:\\n---\\na: !e!x 1 => 3:4 => YAML tags are not supported",
        "a: 1\\n---\\nb: 2 => 2:1 => only one YAML document",
        "? a\\n: b => 1:1 => explicit keys",
        "a:\\n\\tb: 1 => 2:1 => tab characters cannot indent YAML",
        "a: [1, 2 => 1:4 => a '[' or '{' is not closed",
        "a: {b: 1 => 1:4 => a '[' or '{' is not closed",
        "a: 'x => 1:4 => quoted string is not closed",
        "a: b: c => 1:5 => a ':' is not allowed here",
        "a: \"\\\\q\" => 1:6 => invalid escape sequence",
        "a: 1\\nb => 2:1 => expected ':' after a key",
        "a:\\n  b: 1\\n c: 2 => 3:2 => bad indentation",
        "a: [1] x => 1:8 => unexpected text after the closing bracket",
        "a: - b => 1:4 => list item cannot follow",
        "a: |0\\n x => 1:5 => indentation indicator must be 1 to 9",
        "a: |x\\n  y => 1:5 => after the block scalar header",
        "a: @x => 1:4 => cannot start a YAML value",
        "a: 'x' y => 1:8 => unexpected text after a quoted value",
        "a:\\n  - 1\\n  b: 2 => 3:3 => expected a '-' list item",
        "a:\\n  [1, 2]: x => 2:3 => cannot be a key",
        "a: !!str\\n  - x => 1:4 => !!str tag applies to scalars",
        "a:\\n  b: 1\\n  - x => 3:3 => expected a key, found a '-' list item",
    })
    void refusesWhatItDoesNotReadAtTheExactPosition(String document, String position, String reason) {
        String doc = unescape(document);
        assertThatThrownBy(() -> yaml(doc)).as(doc)
                .isInstanceOf(ConfigParseException.class)
                .hasMessageStartingWith("app.yaml:" + position.strip() + ":")
                .hasMessageContaining(reason.strip());
    }

    @Test
    void refusesControlCharactersWithoutQuotingThem() {
        assertThatThrownBy(() -> yaml("a: ok\nb: se\u0001cret\n"))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageStartingWith("app.yaml:2:6:")
                .hasMessageContaining("control characters are not allowed")
                .hasMessageNotContaining("cret");
    }

    @Test
    void readsDeepNestingWithoutTheCallStackGrowingInTheReader() {
        StringBuilder doc = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            doc.append("  ".repeat(i)).append("k").append(i).append(":\n");
        }
        doc.append("  ".repeat(150)).append("leaf: 1\n");
        ConfigNode node = yaml(doc.toString());
        for (int i = 0; i < 150; i++) {
            node = ((ConfigObject) node).entries().get("k" + i);
        }
        assertThat(text((ConfigObject) node, "leaf")).isEqualTo("1");
    }

    @Test
    void readsTheExampleConfigurationsKeyForKeyLikeTheirJsonRendering() {
        // Values that look alike in every style: the same mapping written four ways gives one tree.
        List<String> styles = List.of(
                "db:\n  host: h\n  ports:\n    - 1\n    - 2\n",
                "db: {host: h, ports: [1, 2]}\n",
                "db:\n  host: 'h'\n  ports: [\n    1,\n    2,\n  ]\n",
                "db.host: h\ndb.ports:\n- 1\n- 2\n");
        ConfigObject first = yaml(styles.get(0));
        for (String style : styles) {
            ConfigObject other = yaml(style);
            assertThat(text(other, "db.host")).as(style).isEqualTo(text(first, "db.host"));
            assertThat(((ConfigList) at(other, "db.ports")).items()).as(style)
                    .extracting(n -> ((ConfigScalar) n).text()).containsExactly("1", "2");
        }
    }
}
