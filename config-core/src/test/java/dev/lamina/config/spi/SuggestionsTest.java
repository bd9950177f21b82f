package dev.lamina.config.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SuggestionsTest {

    @Test
    void suggestsKeyWithSwappedLetters() {
        assertThat(Suggestions.closest("hots", List.of("host", "port"))).contains("host");
    }

    @Test
    void treatsDashAndUnderscoreAlike() {
        assertThat(Suggestions.closest("max-size", List.of("max_size", "min_size"))).contains("max_size");
    }

    @Test
    void suggestsNothingWhenNoKeyIsClose() {
        assertThat(Suggestions.closest("elasticsearch", List.of("host", "port"))).isEmpty();
    }
}
