package dev.lamina.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class ConfigDocumentsTest {

    private static String sample(Format format) {
        return switch (format) {
            case YAML -> "server:\n  port: 8080\n";
            case JSON -> "{\"server\": {\"port\": 8080}}";
            case TOML -> "[server]\nport = 8080\n";
            case XML -> "<config><server><port>8080</port></server></config>";
            case PROPERTIES -> "server.port=8080\n";
            case ENV -> "SERVER_PORT=8080\n";
        };
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void everyFormatGivesTheSameTreeShape(Format format) {
        ConfigObject root = ConfigDocuments.parse("doc", format, sample(format), ParseLimits.DEFAULTS);
        ConfigObject server = (ConfigObject) root.get("server").orElseThrow();
        ConfigScalar port = (ConfigScalar) server.get("port").orElseThrow();
        assertThat(port.text()).isEqualTo("8080");
        assertThat(port.origin().source()).isEqualTo("doc");
        assertThat(port.origin().hasLine()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void bytesAndTextGiveEqualTrees(Format format) {
        byte[] bytes = sample(format).getBytes(StandardCharsets.UTF_8);
        assertThat(ConfigDocuments.parse("doc", format, bytes, ParseLimits.DEFAULTS))
                .isEqualTo(ConfigDocuments.parse("doc", format, sample(format), ParseLimits.DEFAULTS));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void byteOrderMarkIsAcceptedInEveryFormat(Format format) {
        byte[] body = sample(format).getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        assertThat(ConfigDocuments.parse("doc", format, withBom, ParseLimits.DEFAULTS).entries()).containsOnlyKeys("server");
    }

    @Test
    void rejectsABlankSourceName() {
        assertThatThrownBy(() -> ConfigDocuments.parse(" ", Format.YAML, "a: 1", ParseLimits.DEFAULTS))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsNullArguments() {
        assertThatThrownBy(() -> ConfigDocuments.parse("doc", null, "a: 1", ParseLimits.DEFAULTS))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ConfigDocuments.parse("doc", Format.YAML, (String) null, ParseLimits.DEFAULTS))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> ConfigDocuments.parse("doc", Format.YAML, "a: 1", null))
                .isInstanceOf(NullPointerException.class);
    }
}
