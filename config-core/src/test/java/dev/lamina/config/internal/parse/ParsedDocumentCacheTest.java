package dev.lamina.config.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.lamina.config.ConfigException;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigScalar;
import dev.lamina.config.Format;
import dev.lamina.config.ParseLimits;

class ParsedDocumentCacheTest {

    private static final ParseLimits LIMITS = ParseLimits.DEFAULTS;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(ConfigObject root, String key) {
        return ((ConfigScalar) root.get(key).orElseThrow()).text();
    }

    @Test
    void sameNameAndBytesReturnTheTreeParsedBefore() {
        ParsedDocumentCache cache = new ParsedDocumentCache();
        ConfigObject first = cache.parse("base.yaml", Format.YAML, utf8("a: 1\n"), LIMITS);
        assertThat(cache.parse("base.yaml", Format.YAML, utf8("a: 1\n"), LIMITS)).isSameAs(first);
    }

    /** A document above the size compared in full: {@code n} leaves, with {@code edited} as the last value. */
    private static byte[] large(String edited) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (sb.length() <= ParsedDocumentCache.MAX_BYTES_COMPARED) {
            sb.append("key_").append(i++).append(": value-").append(i).append('\n');
        }
        sb.append("last: ").append(edited).append('\n');
        return utf8(sb.toString());
    }

    @Test
    void aLargeDocumentIsCachedByItsDigestAndAnyChangedByteParsesItAgain() {
        ParseLimits limits = LIMITS.withMaxDocumentBytes(16L << 20).withMaxNodes(1_000_000);
        ParsedDocumentCache cache = new ParsedDocumentCache();
        byte[] content = large("aa");
        ConfigObject first = cache.parse("big.yaml", Format.YAML, content, limits);
        assertThat(cache.parse("big.yaml", Format.YAML, large("aa"), limits)).isSameAs(first);
        // Same length, one byte different: parsed again.
        ConfigObject edited = cache.parse("big.yaml", Format.YAML, large("ab"), limits);
        assertThat(edited).isNotSameAs(first);
        assertThat(text(edited, "last")).isEqualTo("ab");
        // The entry holds the digest, not the bytes, so the default bound keeps it (the bytes alone exceed 1 MiB).
        assertThat(cache.parse("big.yaml", Format.YAML, large("ab"), limits)).isSameAs(edited);
        ParsedDocumentCache small = new ParsedDocumentCache(1024);
        ConfigObject kept = small.parse("big.yaml", Format.YAML, content, limits);
        assertThat(small.parse("big.yaml", Format.YAML, content.clone(), limits)).isSameAs(kept);
    }

    @Test
    void anEditedDocumentSharesItsUnchangedSubtreesWithItsPreviousParse() {
        ParsedDocumentCache cache = new ParsedDocumentCache();
        ConfigObject first = cache.parse("base.yaml", Format.YAML, utf8("a:\n  x: 1\n  y: 2\nb:\n  z: 3\n"), LIMITS);
        byte[] edited = utf8("a:\n  x: 1\n  y: 2\nb:\n  z: 4\n");
        ConfigObject second = cache.parse("base.yaml", Format.YAML, edited, LIMITS);

        assertThat(second).isEqualTo(DocumentParser.parse("base.yaml", Format.YAML, edited, LIMITS));
        assertThat(second.get("a").orElseThrow()).isSameAs(first.get("a").orElseThrow());
        assertThat(text((ConfigObject) second.get("b").orElseThrow(), "z")).isEqualTo("4");
    }

    @Test
    void newBytesUnderTheSameNameAreParsedAgain() {
        ParsedDocumentCache cache = new ParsedDocumentCache();
        cache.parse("staging.yaml", Format.YAML, utf8("a: 1\n"), LIMITS);
        ConfigObject edited = cache.parse("staging.yaml", Format.YAML, utf8("a: 2\n"), LIMITS);
        assertThat(text(edited, "a")).isEqualTo("2");
    }

    @Test
    void aFileEditedManyTimesHoldsOnlyItsLatestVersion() {
        // Every edit of a watched file used to add an entry until the byte bound: thousands of dead trees kept
        // alive (and promoted by every collection) for a file that is edited often.
        ParsedDocumentCache cache = new ParsedDocumentCache();
        for (int i = 0; i < 1_000; i++) {
            cache.parse("staging.yaml", Format.YAML, utf8("max_workers: " + i + "\n"), LIMITS);
        }
        cache.parse("base.yaml", Format.YAML, utf8("a: 1\n"), LIMITS);

        assertThat(cache.size()).isEqualTo(2);
        assertThat(text(cache.parse("staging.yaml", Format.YAML, utf8("max_workers: 999\n"), LIMITS), "max_workers"))
                .isEqualTo("999");
    }

    @Test
    void sameBytesUnderTwoNamesGiveOriginsNamingEachFile() {
        ParsedDocumentCache cache = new ParsedDocumentCache();
        ConfigObject base = cache.parse("conf/base.yaml", Format.YAML, utf8("a: 1\n"), LIMITS);
        ConfigObject staging = cache.parse("conf/staging.yaml", Format.YAML, utf8("a: 1\n"), LIMITS);
        assertThat(base.get("a").orElseThrow().origin().source()).isEqualTo("conf/base.yaml");
        assertThat(staging.get("a").orElseThrow().origin().source()).isEqualTo("conf/staging.yaml");
    }

    @Test
    void sameBytesInAnotherFormatAreParsedInThatFormat() {
        ParsedDocumentCache cache = new ParsedDocumentCache();
        cache.parse("x", Format.PROPERTIES, utf8("a=1\n"), LIMITS);
        assertThatThrownBy(() -> cache.parse("x", Format.JSON, utf8("a=1\n"), LIMITS))
                .isInstanceOf(ConfigException.class).hasMessageContaining("x");
    }

    @Test
    void stricterLimitsAreAppliedEvenWhenTheBytesWereParsedBefore() {
        ParsedDocumentCache cache = new ParsedDocumentCache();
        byte[] deep = utf8("a:\n  b:\n    c:\n      d: 1\n");
        cache.parse("deep.yaml", Format.YAML, deep, LIMITS);
        ParseLimits shallow = LIMITS.withMaxDepth(2);
        assertThatThrownBy(() -> cache.parse("deep.yaml", Format.YAML, deep, shallow))
                .isInstanceOf(ConfigException.class).hasMessageContaining("deep.yaml");
    }

    @Test
    void aFailureIsNotCached() {
        ParsedDocumentCache cache = new ParsedDocumentCache();
        assertThatThrownBy(() -> cache.parse("bad.json", Format.JSON, utf8("{\"a\": "), LIMITS))
                .isInstanceOf(ConfigException.class).hasMessageContaining("bad.json");
        assertThatThrownBy(() -> cache.parse("bad.json", Format.JSON, utf8("{\"a\": "), LIMITS))
                .isInstanceOf(ConfigException.class).hasMessageContaining("bad.json");
        assertThat(cache.size()).isZero();
    }

    @Test
    void reusingTheCallersBufferCannotServeAStaleTree() {
        ParsedDocumentCache cache = new ParsedDocumentCache();
        byte[] buffer = utf8("a: 1\n");
        cache.parse("f.yaml", Format.YAML, buffer, LIMITS);
        buffer[3] = '7';
        assertThat(text(cache.parse("f.yaml", Format.YAML, buffer, LIMITS), "a")).isEqualTo("7");
    }

    @Test
    void holdsNoMoreThanItsByteBound() {
        ParsedDocumentCache cache = new ParsedDocumentCache(64);
        for (int i = 0; i < 50; i++) {
            cache.parse("f" + i + ".yaml", Format.YAML, utf8("key: value-" + i + "\n"), LIMITS);
        }
        assertThat(cache.size()).isLessThanOrEqualTo(64 / "key: value-0\n".length());
    }

    @Test
    void rejectsANonPositiveBound() {
        assertThatThrownBy(() -> new ParsedDocumentCache(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
