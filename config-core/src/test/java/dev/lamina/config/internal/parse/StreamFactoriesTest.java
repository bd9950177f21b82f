package dev.lamina.config.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.lamina.config.ConfigLimitException;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigParseException;
import dev.lamina.config.Format;
import dev.lamina.config.ParseLimits;

class StreamFactoriesTest {

    private static final String ONE_DOCUMENT = "server:\n  port: 8080\n  host: example.org\n";

    @Test
    void sharesOneSetOfFactoriesForTheDefaultLimits() {
        assertThat(StreamFactories.of(ParseLimits.DEFAULTS)).isSameAs(StreamFactories.of(ParseLimits.DEFAULTS));
    }

    @Test
    void buildsFactoriesWithTheCallersConstraintsForOtherLimits() {
        StreamFactories tuned = StreamFactories.of(ParseLimits.DEFAULTS.withMaxDepth(7));
        assertThat(tuned).isNotSameAs(StreamFactories.of(ParseLimits.DEFAULTS));
        assertThat(tuned.constraints().getMaxNestingDepth()).isEqualTo(7);
        assertThat(tuned.json().streamReadConstraints().getMaxNestingDepth()).isEqualTo(7);
    }

    @Test
    void enforcesTunedLimitsAfterTheDefaultFactoriesWereUsed() {
        DocumentParser.parse("a.json", Format.JSON, "{\"a\":{\"b\":{\"c\":1}}}", ParseLimits.DEFAULTS);
        assertThatThrownBy(() -> DocumentParser.parse("a.json", Format.JSON, "{\"a\":{\"b\":{\"c\":1}}}",
                ParseLimits.DEFAULTS.withMaxDepth(2)))
                .isInstanceOf(ConfigLimitException.class)
                .hasMessageContaining("a.json")
                .hasMessageContaining("maxDepth");
    }

    @Test
    void countsYamlDocumentsPerParseNotPerSharedFactory() {
        for (int i = 0; i < 3; i++) {
            DocumentParser.parse("a.yaml", Format.YAML, ONE_DOCUMENT, ParseLimits.DEFAULTS);
        }
        assertThatThrownBy(() -> DocumentParser.parse("b.yaml", Format.YAML, "a: 1\n---\nb: 2\n",
                ParseLimits.DEFAULTS))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("b.yaml:2:1")
                .hasMessageContaining("only one YAML document");
        assertThat(DocumentParser.parse("c.yaml", Format.YAML, ONE_DOCUMENT, ParseLimits.DEFAULTS).entries())
                .containsOnlyKeys("server");
    }

    @Test
    void parsesTheSameTreeFromManyThreadsSharingTheFactories() throws Exception {
        ConfigObject expected = DocumentParser.parse("a.yaml", Format.YAML, ONE_DOCUMENT, ParseLimits.DEFAULTS);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<ConfigObject>> tasks = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                tasks.add(() -> DocumentParser.parse("a.yaml", Format.YAML, ONE_DOCUMENT, ParseLimits.DEFAULTS));
            }
            for (Future<ConfigObject> result : pool.invokeAll(tasks)) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
    }
}
