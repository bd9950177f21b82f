package dev.lamina.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interpolation errors point at the {@code ${} in the file (issue 9). Inside a YAML block scalar the message
 * named the block's indicator line and a column counted through the whole value, thousands of characters in.
 */
class InterpolationPositionTest {

    @TempDir
    Path dir;

    private Configuration load(String yaml) throws IOException {
        Path file = dir.resolve("app.yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader(ConfigurationOptions.builder().environment(Map.of("SET", "x")).build())
                .load(List.of(ConfigSources.file(file)));
    }

    @Test
    void unsetVariableDeepInALiteralBlockNamesItsLineAndColumn() {
        String filler = ("    some text that is long enough to push the expression far into the value\n").repeat(60);
        String yaml = "server:\n  banner: |\n" + filler + "    and here ${MISSING} is used\n";
        assertThatThrownBy(() -> load(yaml))
                .isInstanceOf(ConfigResolveException.class)
                .hasMessageContaining("app.yaml:63:14 server.banner:")
                .hasMessageContaining("variable MISSING is not set");
    }

    @Test
    void theSecondExpressionOnALaterLineOfALiteralBlockIsNamedExactly() {
        String yaml = "a: |\n  first ${SET}\n\n    indented ${ref:nope}\n";
        assertThatThrownBy(() -> load(yaml))
                .isInstanceOf(ConfigResolveException.class)
                .hasMessageContaining("app.yaml:4:14 a:")
                .hasMessageContaining("reference ${ref:nope} points to no value");
    }

    @Test
    void invalidTemplateInABlockNamesTheDollarInTheFile() {
        String yaml = "a:\n  b: |-\n    line one\n    line ${two\n";
        assertThatThrownBy(() -> load(yaml))
                .isInstanceOf(ConfigResolveException.class)
                .hasMessageContaining("app.yaml:4:10 a.b: invalid template at 4:10");
    }

    @Test
    void singleLineValuesKeepTheValueOriginAndTheColumnInTheValue() {
        assertThatThrownBy(() -> load("a: x $NOPE y\n"))
                .isInstanceOf(ConfigResolveException.class)
                .hasMessageContaining("app.yaml:1:4 a:")
                .hasMessageContaining("write $$ for a literal $ at column 3");
    }

    @Test
    void aBlockScalarsOriginIsItsFirstContentLine() throws IOException {
        Configuration c = load("a: |\n\n   text ${SET}\n");
        assertThat(c.getString("a")).isEqualTo("\ntext x\n");
        assertThat(c.explain("a").toString()).contains("app.yaml:2:4");
    }
}
