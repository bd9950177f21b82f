package dev.lamina.config.internal.parse;

import static dev.lamina.config.internal.parse.ParseFixtures.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigParseException;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Format;
import dev.lamina.config.Origin;
import dev.lamina.config.ScalarType;

class JsonParsingTest {

    private static ConfigObject json(String text) {
        return ParseFixtures.parse("app.json", Format.JSON, text);
    }

    @Test
    void keepsNumberTextAsWrittenAndTypesByToken() {
        ConfigObject root = json("{\"version\": 1.10, \"port\": \"8080\", \"on\": true, \"none\": null}");
        assertThat(at(root, "version")).isEqualTo(new ConfigScalar("1.10", ScalarType.NUMBER, Origin.of("app.json", 1, 13)));
        assertThat(((ConfigScalar) at(root, "port")).type()).isEqualTo(ScalarType.STRING);
        assertThat(((ConfigScalar) at(root, "on")).type()).isEqualTo(ScalarType.BOOLEAN);
        assertThat(at(root, "none")).isInstanceOf(ConfigNull.class);
    }

    @Test
    void emptyDocumentIsAnEmptyObject() {
        assertThat(json("  \n").isEmpty()).isTrue();
    }

    @Test
    void rejectsTrailingContent() {
        assertThatThrownBy(() -> json("{\"a\": 1}\n{\"b\": 2}"))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageStartingWith("app.json:2:1: ")
                .hasMessageContaining("trailing content");
    }

    @Test
    void rejectsTrailingGarbageWithoutQuotingIt() {
        assertThatThrownBy(() -> json("{\"a\": 1} topsecret"))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageStartingWith("app.json:1:")
                .hasMessageContaining("trailing content")
                .hasMessageNotContaining("topsecret");
    }

    @Test
    void rejectsDuplicateKeysWithFirstLocation() {
        assertThatThrownBy(() -> json("{\n \"db\": {\n  \"user\": \"a\",\n  \"user\": \"b\"\n }\n}"))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageStartingWith("app.json:4:3 db.user: duplicate key 'user' (first defined at 3:3)");
    }

    @Test
    void rejectsAListRoot() {
        assertThatThrownBy(() -> json("[1, 2]")).hasMessageContaining("root must be an object");
    }

    @Test
    void syntaxErrorsNameTheLocationAndNeverQuoteInput() {
        assertThatThrownBy(() -> json("{\n  \"password\": hunter2\n}"))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageStartingWith("app.json:2:")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void unclosedObjectIsReported() {
        assertThatThrownBy(() -> json("{\"a\": {\"b\": 1}"))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("unexpected end of the document");
    }
}
