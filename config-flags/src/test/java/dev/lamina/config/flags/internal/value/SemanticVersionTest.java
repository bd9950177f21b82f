package dev.lamina.config.flags.internal.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SemanticVersionTest {

    @Test
    void ordersBySemVerPrecedenceIncludingPreReleases() {
        List<String> ordered = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
                "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "2.0.0", "10.0.0",
                "99999999999999999999.0.0");
        List<SemanticVersion> shuffled = new ArrayList<>(ordered.stream().map(SemanticVersion::parseOrNull).toList());
        Collections.reverse(shuffled);
        Collections.sort(shuffled);
        assertThat(shuffled).map(SemanticVersion::toString).containsExactlyElementsOf(ordered);
    }

    @Test
    void ignoresBuildMetadataForPrecedence() {
        assertThat(SemanticVersion.parseOrNull("1.0.0+build.7").compareTo(SemanticVersion.parseOrNull("1.0.0")))
                .isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1.0.0", "1.0", "1.0.0.0", "01.0.0", "1.0.0-", "1.0.0-01", "1.0.0+", "1..0", "",
        "1.0.0-alpha..1", "1.0.0 ", "a.b.c", "1.0.0-é"})
    void refusesTextThatIsNotStrictSemVer(String text) {
        assertThat(SemanticVersion.parseOrNull(text)).isNull();
    }
}
