package dev.lamina.config.validation.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SuggestionsTest {

    @Test
    void suggestsKeyWithSwappedLetters() {
        assertThat(Suggestions.nearest("hots", List.of("host", "port"))).contains("host");
    }

    @Test
    void treatsDashAndUnderscoreAlike() {
        assertThat(Suggestions.nearest("max-size", List.of("max_size", "min_size"))).contains("max_size");
    }

    @Test
    void suggestsNothingWhenNoKeyIsClose() {
        assertThat(Suggestions.nearest("elasticsearch", List.of("host", "port"))).isEmpty();
    }
}
