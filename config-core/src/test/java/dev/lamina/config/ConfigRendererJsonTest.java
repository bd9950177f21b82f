package dev.lamina.config;

import static dev.lamina.config.RenderFixtures.bool;
import static dev.lamina.config.RenderFixtures.list;
import static dev.lamina.config.RenderFixtures.num;
import static dev.lamina.config.RenderFixtures.obj;
import static dev.lamina.config.RenderFixtures.plain;
import static dev.lamina.config.RenderFixtures.sample;
import static dev.lamina.config.RenderFixtures.str;
import static dev.lamina.config.RenderFixtures.withOrigins;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ConfigRendererJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String json(ConfigObject root, ConfigRenderer.Options options) {
        return ConfigRenderer.render(root, SecretPolicy.DEFAULT, RenderFormat.JSON, options);
    }

    @Test
    void writesOneIndentedDocument() {
        ConfigObject root = obj(1, "a", obj(1, "b", num("1", 2), "c", list(3, str("x", 3))), "d", obj(4));

        assertThat(json(root, plain())).isEqualTo("""
                {
                  "a": {
                    "b": 1,
                    "c": [
                      "x"
                    ]
                  },
                  "d": {}
                }
                """);
    }

    @Test
    void keepsScalarTypesAsTheSourceWroteThem() throws Exception {
        JsonNode back = JSON.readTree(json(sample(), plain()));

        assertThat(back.at("/database/port").isIntegralNumber()).isTrue();
        assertThat(back.at("/database/port_text").isTextual()).isTrue();
        assertThat(back.at("/database/ssl").isBoolean()).isTrue();
        assertThat(back.at("/database/mode").asText()).isEqualTo("0755");
        assertThat(back.at("/database/answer").asText()).isEqualTo("NO");
    }

    @Test
    void keepsNumberTextExactly() {
        ConfigObject root = obj(1, "rate", num("0.001", 1), "big", num("12345678901234567890123", 2),
                "exp", num("-1.5e3", 3));

        assertThat(json(root, plain())).contains("\"rate\": 0.001", "\"big\": 12345678901234567890123",
                "\"exp\": -1.5e3");
    }

    @Test
    void writesNonJsonNumberTextAsAString() throws Exception {
        JsonNode back = JSON.readTree(json(obj(1, "n", num("0755", 1), "inf", num("inf", 2)), plain()));

        assertThat(back.get("n").asText()).isEqualTo("0755");
        assertThat(back.get("inf").isTextual()).isTrue();
    }

    @Test
    void normalisesBooleanCase() {
        assertThat(json(obj(1, "b", bool("True", 1)), plain())).contains("\"b\": true");
    }

    @Test
    void masksSecretsAsStrings() throws Exception {
        String out = json(sample(), plain());

        assertThat(out).doesNotContain("s3cr3t");
        assertThat(JSON.readTree(out).at("/database/password").asText()).isEqualTo("***");
    }

    @Test
    void masksSecretNumbersTooSoTheirTypeDoesNotLeak() throws Exception {
        String out = json(obj(1, "pin_secret", num("1234", 1)), plain());

        assertThat(out).doesNotContain("1234");
        assertThat(JSON.readTree(out).get("pin_secret").isTextual()).isTrue();
    }

    @Test
    void wrapsEveryLeafInValueAndOriginWhenOriginsAreShown() throws Exception {
        JsonNode back = JSON.readTree(json(sample(), withOrigins()));

        assertThat(back.at("/database/port/value").asInt()).isEqualTo(5432);
        assertThat(back.at("/database/port/origin").asText()).isEqualTo("base.yaml:3:3");
        assertThat(back.at("/hosts/1/value").asText()).isEqualTo("b");
        assertThat(back.at("/database/password/value").asText()).isEqualTo("***");
    }

    @Test
    void writesAnUnknownOriginAsNull() throws Exception {
        ConfigObject root = obj(1, "x", new ConfigScalar("1", ScalarType.NUMBER, Origin.UNKNOWN));

        JsonNode back = JSON.readTree(json(root, withOrigins()));

        assertThat(back.at("/x/origin").isNull()).isTrue();
    }

    @Test
    void escapesControlCharactersQuotesAndLineSeparators() throws Exception {
        String text = "a\"b\\c\n\t\u0001\u2028é";

        String out = json(obj(1, "s", str(text, 1)), plain());

        assertThat(out).contains("\\u0001", "\\u2028");
        assertThat(JSON.readTree(out).get("s").asText()).isEqualTo(text);
    }

    @Test
    void writesNullsInsideLists() throws Exception {
        ConfigObject root = obj(1, "l", list(1, new ConfigNull(RenderFixtures.at(2, 3))));

        assertThat(JSON.readTree(json(root, plain())).at("/l/0").isNull()).isTrue();
    }
}
