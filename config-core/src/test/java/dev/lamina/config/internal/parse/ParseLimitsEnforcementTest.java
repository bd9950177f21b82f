package dev.lamina.config.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import dev.lamina.config.ConfigDocuments;
import dev.lamina.config.ConfigLimitException;
import dev.lamina.config.Format;
import dev.lamina.config.ParseLimits;

class ParseLimitsEnforcementTest {

    private static final ParseLimits SMALL = ParseLimits.DEFAULTS.withMaxDepth(5).withMaxStringLength(10)
            .withMaxNumberLength(5).withMaxNodes(20).withMaxDocumentBytes(2000);

    private static String nestedJson(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    @Test
    void rejectsDocumentsOverTheSizeLimitBeforeParsing() {
        byte[] big = ("a: " + "x".repeat(3000) + "\n").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ConfigDocuments.parse("big.yaml", Format.YAML, big, SMALL))
                .isInstanceOf(ConfigLimitException.class)
                .hasMessageStartingWith("big.yaml: document size (3004 bytes) exceeds the limit "
                        + "ParseLimits.maxDocumentBytes = 2000");
    }

    @Test
    void sizeOfTextIsMeasuredInUtf8Bytes() {
        String text = "a: " + "é".repeat(1000) + "\n"; // 2000 bytes of é
        assertThatThrownBy(() -> ConfigDocuments.parse("big.yaml", Format.YAML, text, SMALL))
                .isInstanceOf(ConfigLimitException.class)
                .hasMessageContaining("maxDocumentBytes = 2000");
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"JSON", "YAML"})
    void rejectsDeepNestingNamingTheLimit(Format format) {
        String doc = format == Format.JSON ? nestedJson(6) : "{a: {a: {a: {a: {a: {a: 1}}}}}}";
        assertThatThrownBy(() -> ConfigDocuments.parse("deep", format, doc, SMALL))
                .isInstanceOf(ConfigLimitException.class)
                .hasMessageStartingWith("deep:1:")
                .hasMessageContaining("ParseLimits.maxDepth = 5");
    }

    @Test
    void deepNestingWithinTheLimitIsFine() {
        assertThat(ConfigDocuments.parse("ok.json", Format.JSON, nestedJson(5), SMALL).entries()).containsKey("a");
    }

    @Test
    void veryDeepJsonIsRejectedWithoutStackOverflow() {
        assertThatThrownBy(() -> ConfigDocuments.parse("deep.json", Format.JSON, nestedJson(100_000), ParseLimits.DEFAULTS
                .withMaxDocumentBytes(10_000_000)))
                .isInstanceOf(ConfigLimitException.class)
                .hasMessageContaining("ParseLimits.maxDepth = 200");
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"YAML", "TOML", "XML"})
    void veryDeepDocumentsOfEveryFormatAreRejectedWithoutStackOverflow(Format format) {
        int n = 50_000;
        String doc = switch (format) {
            case YAML -> "a: " + "[".repeat(n) + "]".repeat(n) + "\n";
            case TOML -> "a = " + "[".repeat(n) + "]".repeat(n) + "\n";
            default -> "<c>" + "<a>".repeat(n) + "</a>".repeat(n) + "</c>";
        };
        assertThatThrownBy(() -> ConfigDocuments.parse("deep", format, doc, ParseLimits.DEFAULTS))
                .isInstanceOf(ConfigLimitException.class)
                .hasMessageContaining("ParseLimits.maxDepth = 200");
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"JSON", "YAML", "TOML", "XML"})
    void rejectsLongStringsNamingTheLimit(Format format) {
        String v = "s".repeat(11);
        String doc = switch (format) {
            case JSON -> "{\"k\": \"" + v + "\"}";
            case YAML -> "k: " + v + "\n";
            case TOML -> "k = \"" + v + "\"\n";
            default -> "<c><k>" + v + "</k></c>";
        };
        assertThatThrownBy(() -> ConfigDocuments.parse("long", format, doc, SMALL))
                .isInstanceOf(ConfigLimitException.class)
                .hasMessageStartingWith("long")
                .hasMessageContaining("ParseLimits.maxStringLength = 10")
                .hasMessageNotContaining(v);
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"JSON", "YAML", "TOML"})
    void rejectsLongNumbersNamingTheLimit(Format format) {
        String doc = switch (format) {
            case JSON -> "{\"k\": 1234567}";
            case YAML -> "k: 1234567\n";
            default -> "k = 1234567\n";
        };
        assertThatThrownBy(() -> ConfigDocuments.parse("num", format, doc, SMALL))
                .isInstanceOf(ConfigLimitException.class)
                .hasMessageContaining("ParseLimits.maxNumberLength = 5");
    }

    @Test
    void rejectsTooManyNodesNamingTheLimit() {
        StringBuilder doc = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            doc.append("k").append(i).append(": 1\n");
        }
        assertThatThrownBy(() -> ConfigDocuments.parse("many.yaml", Format.YAML, doc.toString(), SMALL))
                .isInstanceOf(ConfigLimitException.class)
                .hasMessageStartingWith("many.yaml:20:")
                .hasMessageContaining("ParseLimits.maxNodes = 20");
    }

    @Test
    void propertiesFilesHonourTheNodeLimit() {
        StringBuilder doc = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            doc.append("k").append(i).append("=1\n");
        }
        assertThatThrownBy(() -> ConfigDocuments.parse("many.properties", Format.PROPERTIES, doc.toString(), SMALL))
                .isInstanceOf(ConfigLimitException.class)
                .hasMessageContaining("ParseLimits.maxNodes = 20");
    }
}
