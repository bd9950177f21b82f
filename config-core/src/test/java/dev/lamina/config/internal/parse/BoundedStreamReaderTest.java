package dev.lamina.config.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoundedStreamReaderTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "key: value\n", "caf\u00e9: \u00fc\u00f1\u00ee\n", "emoji: \uD83C\uDFB5 \uD83D\uDE00\n",
            "lone high \uD800 here", "lone low \uDC00 here", "\uDBFF\uDFFF", "ends with high \uD83C"})
    void decodesCodePointsExactlyAsTheStreamDid(String text) {
        assertThat(BoundedStreamReader.codePoints(text)).containsExactly(text.codePoints().toArray());
    }
}
