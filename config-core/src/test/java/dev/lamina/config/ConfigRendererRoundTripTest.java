package dev.lamina.config;

import static dev.lamina.config.RenderFixtures.bool;
import static dev.lamina.config.RenderFixtures.list;
import static dev.lamina.config.RenderFixtures.num;
import static dev.lamina.config.RenderFixtures.obj;
import static dev.lamina.config.RenderFixtures.str;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What Lamina renders, Lamina reads back as the same tree: same keys in the same order, same scalar text
 * and the same {@link ScalarType} (origins aside).
 */
class ConfigRendererRoundTripTest {

    /** Everything the parsers keep as written, with no secret in it (a mask would not round-trip). */
    private static ConfigObject tree() {
        return obj(1,
                "server", obj(1, "port", num("8080", 2), "port_text", str("8080", 3), "ssl", bool("false", 4)),
                "yaml11", obj(5, "no", str("NO", 5), "on", str("on", 6), "octal", str("0755", 7),
                        "version", str("1.10", 8), "date", str("2026-11-21", 9), "tilde", str("~", 10)),
                "text", obj(11, "empty", str("", 11), "colon", str("a: b", 12), "hash", str("#00f", 13),
                        "newline", str("two\nlines", 14), "unicode", str("Beyoncé ☃", 15), "size", str("2GB", 16)),
                "numbers", list(17, num("-1.5e3", 17), num("0.001", 18), num("12345678901234567890", 19)),
                "nested", list(20, obj(21, "name", str("a", 21), "tags", list(22, str("x", 22))), list(23)),
                "weird keys", obj(24, "1", str("one", 24), "true", str("yes", 25), "a.b", str("dotted", 26)),
                "empty", obj(27));
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"YAML", "JSON"})
    void readsBackTheSameTree(Format format) {
        String text = ConfigRenderer.render(tree(), SecretPolicy.DEFAULT, RenderFormat.valueOf(format.name()),
                ConfigRenderer.Options.defaults());

        ConfigObject back = ConfigDocuments.parse("rendered", format, text, ParseLimits.DEFAULTS);

        assertThat(shape(back)).as(text).hasToString(shape(tree()).toString()); // toString: order too
    }

    @Test
    void yamlWithOriginCommentsReadsBackTheSameTree() {
        String text = ConfigRenderer.render(tree(), SecretPolicy.DEFAULT, RenderFormat.YAML,
                ConfigRenderer.Options.defaults().withOrigins(true));

        ConfigObject back = ConfigDocuments.parse("rendered", Format.YAML, text, ParseLimits.DEFAULTS);

        assertThat(shape(back)).hasToString(shape(tree()).toString());
    }

    /** The tree without origins: maps, lists, and "TYPE:text" strings. */
    private static Object shape(ConfigNode node) {
        if (node instanceof ConfigObject o) {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            o.entries().forEach((k, v) -> m.put(k, shape(v)));
            return m;
        }
        if (node instanceof ConfigList l) {
            return l.items().stream().map(ConfigRendererRoundTripTest::shape).toList();
        }
        if (node instanceof ConfigScalar s) {
            return s.type() + ":" + s.text();
        }
        return "null";
    }
}
