package dev.lamina.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ConfigPath#child} builds its text incrementally; these tests pin it to the previous whole-path rendering
 * (kept here as the oracle) and to {@link ConfigPath#parse} for keys that need quoting, escaping or look like
 * indices.
 */
class ConfigPathChildPropertyTest {

    /** Characters that matter to the syntax, plus ordinary ones and non-ASCII digits. */
    private static final char[] ALPHABET = {'a', 'b', 'Z', '_', '-', ' ', '.', '"', '\\', '[', ']', '0', '1', '9',
        '\u0663', '\u00e9', '$', '{', '}'};

    /** The rendering before the incremental child(): a whole-path render from the segment list. */
    private static String oracleRender(List<String> segments) {
        StringBuilder sb = new StringBuilder();
        for (String s : segments) {
            boolean index = !s.isEmpty() && s.chars().allMatch(Character::isDigit);
            if (index && sb.length() > 0) {
                sb.append('[').append(s).append(']');
                continue;
            }
            if (sb.length() > 0) {
                sb.append('.');
            }
            if (s.isEmpty() || s.indexOf('.') >= 0 || s.indexOf('[') >= 0 || s.indexOf(']') >= 0
                    || s.indexOf('"') >= 0) {
                sb.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            } else {
                sb.append(s);
            }
        }
        return sb.toString();
    }

    private static String randomKey(Random r) {
        int kind = r.nextInt(6);
        if (kind == 0) {
            return "";
        }
        if (kind == 1) {
            return Integer.toString(r.nextInt(1000));
        }
        int len = 1 + r.nextInt(6);
        StringBuilder sb = new StringBuilder(len);
        for (int i = 0; i < len; i++) {
            sb.append(ALPHABET[r.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }

    private static ConfigPath byChildren(List<String> segments) {
        ConfigPath p = ConfigPath.root();
        for (String s : segments) {
            p = p.child(s);
        }
        return p;
    }

    static Stream<List<String>> trickyPaths() {
        return Stream.of(
                List.of("a", "b.c", "d"),
                List.of("", "x"),
                List.of("x", ""),
                List.of("0"),
                List.of("0", "1", "2"),
                List.of("brokers", "0", "host"),
                List.of("q\"uote", "back\\slash"),
                List.of("\\"),
                List.of("a]b", "[c"),
                List.of("07", "0a", "a0"),
                List.of("k", "\u0663\u0661"),
                List.of("${env}", "x y"));
    }

    @ParameterizedTest
    @MethodSource("trickyPaths")
    void childChainRendersLikeTheWholePathRendering(List<String> segments) {
        assertThat(byChildren(segments).toString()).isEqualTo(oracleRender(segments));
    }

    @ParameterizedTest
    @MethodSource("trickyPaths")
    void childChainParsesBackToTheSamePath(List<String> segments) {
        ConfigPath p = byChildren(segments);
        assertThat(ConfigPath.parse(p.toString())).isEqualTo(p);
        assertThat(ConfigPath.parse(p.toString()).segments()).containsExactlyElementsOf(segments);
    }

    @TestFactory
    Stream<DynamicTest> randomPathsAgreeWithOfParseAndTheOracle() {
        Random r = new Random(20261121L);
        return IntStream.range(0, 500).mapToObj(n -> {
            List<String> segments = new ArrayList<>();
            int depth = 1 + r.nextInt(5);
            for (int i = 0; i < depth; i++) {
                segments.add(randomKey(r));
            }
            return DynamicTest.dynamicTest(segments.toString(), () -> {
                ConfigPath viaChild = byChildren(segments);
                ConfigPath viaOf = ConfigPath.of(segments);
                assertThat(viaChild.toString()).isEqualTo(oracleRender(segments)).isEqualTo(viaOf.toString());
                assertThat(viaChild).isEqualTo(viaOf).hasSameHashCodeAs(viaOf);
                assertThat(viaChild.hashCode()).isEqualTo(segments.hashCode());
                assertThat(ConfigPath.parse(viaChild.toString())).isEqualTo(viaChild);
                assertThat(viaChild.segments()).containsExactlyElementsOf(segments);
                assertThat(viaChild.size()).isEqualTo(segments.size());
                assertThat(viaChild.last()).isEqualTo(segments.get(segments.size() - 1));
                assertThat(viaChild.parent()).isEqualTo(ConfigPath.of(segments.subList(0, segments.size() - 1)));
                assertThat(viaChild.parent().toString())
                        .isEqualTo(oracleRender(segments.subList(0, segments.size() - 1)));
                assertThat(viaChild.startsWith(viaChild.parent())).isTrue();
                assertThat(viaChild.parent().startsWith(viaChild)).isFalse();
            });
        });
    }

    @Test
    void intChildRendersAsBracketIndexAfterAKeyAndBareAtTheRoot() {
        assertThat(ConfigPath.root().child(3).toString()).isEqualTo("3");
        assertThat(ConfigPath.root().child("list").child(3).child(0).toString()).isEqualTo("list[3][0]");
    }

    @Test
    void segmentsListIsUnmodifiable() {
        List<String> segments = ConfigPath.of("a", "b").segments();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> segments.add("c"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void startsWithIsFalseForASiblingWithTheSamePrefixText() {
        assertThat(ConfigPath.parse("ab.c").startsWith(ConfigPath.parse("a"))).isFalse();
        assertThat(ConfigPath.parse("a.b").startsWith(ConfigPath.root())).isTrue();
    }
}
