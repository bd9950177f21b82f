package dev.lamina.config.flags.internal.bucket;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Murmur3Test {

    @ParameterizedTest(name = "{0} hashes to {1}")
    @CsvSource({
        "ejOoVL, 00000000",
        "bY9fO-, 00000001",
        "SI7p-, 7fffffff",
        "6LvT0, 80000000",
        "ceQdGm, ffffffff"
    })
    void matchesTheVectorsOfFlagsMd(String key, String hex) {
        assertThat(Murmur3.hash32(key, 0)).isEqualTo(Integer.parseUnsignedInt(hex, 16));
    }

    @Test
    void matchesTheReferenceValuesForTheEmptyInputAndSeeds() {
        assertThat(Murmur3.hash32(new byte[0], 0)).isZero();
        assertThat(Integer.toUnsignedLong(Murmur3.hash32(new byte[0], 1))).isEqualTo(0x514E28B7L);
        assertThat(Integer.toUnsignedLong(Murmur3.hash32("Hello, world!", 1234))).isEqualTo(0xFAF6CDB3L);
    }

    @Test
    void streamingAPrefixGivesTheSameHashAsTheConcatenatedBytes() {
        SplittableRandom random = new SplittableRandom(42);
        String[] alphabet = {"a", "Z", "0", ":", "é", "ø", "你", "好", "😊", "🌍", "\uD800", "\uDC00", " "};
        for (int i = 0; i < 5_000; i++) {
            String group = word(random, alphabet);
            String id = word(random, alphabet);
            int seed = random.nextBoolean() ? 0 : Bucketing.VARIANT_SEED;
            int expected = Murmur3.hash32((group + ":" + id).getBytes(StandardCharsets.UTF_8), seed);
            assertThat(Murmur3.hash(HashPrefix.of(group, seed), id.getBytes(StandardCharsets.UTF_8)))
                    .as("%s:%s", group, id).isEqualTo(expected);
        }
    }

    @Test
    void hashingTextEncodesItAsItsUtf8BytesIncludingUnpairedSurrogates() {
        // The allocation-free path of values read from an adapter's context must bucket exactly as built contexts do.
        SplittableRandom random = new SplittableRandom(7);
        String[] alphabet = {"a", "Z", "0", ":", "é", "ø", "ß", "你", "好", "😊", "🌍", "\uD800", "\uDC00", "\uDBFF", " ",
            "\u07FF", "\u0800", "\uFFFF", "\u007F", "\u0080"};
        for (int i = 0; i < 20_000; i++) {
            String group = word(random, alphabet);
            String id = word(random, alphabet);
            int seed = random.nextBoolean() ? 0 : Bucketing.VARIANT_SEED;
            HashPrefix prefix = HashPrefix.of(group, seed);
            assertThat(Murmur3.hash(prefix, id)).as("%s:%s", group, id)
                    .isEqualTo(Murmur3.hash(prefix, id.getBytes(StandardCharsets.UTF_8)));
            assertThat(Bucketing.normalizedHash(prefix, id, 10_000))
                    .isEqualTo(Bucketing.normalizedHash(prefix, id.getBytes(StandardCharsets.UTF_8), 10_000));
        }
    }

    @Test
    void normalizedHashStaysWithinOneToModulusForExtremeHashes() {
        // 6LvT0 hashes to 0x80000000 and ceQdGm to 0xffffffff: negative as ints, so Math.abs would break them.
        HashPrefix empty = HashPrefix.of("x", 0);
        for (String id : new String[] {"ejOoVL", "bY9fO-", "SI7p-", "6LvT0", "ceQdGm"}) {
            assertThat(Bucketing.normalizedHash(empty, id.getBytes(StandardCharsets.UTF_8), 100)).isBetween(1, 100);
        }
    }

    @Test
    void bucketsAUnleashSpecificationUserLikeTheSpecification() {
        // Feature.flexibleRollout.10: user 174 is inside 10 %, user 499 is not (client specification file 10).
        HashPrefix p = HashPrefix.of("Feature.flexibleRollout.10", 0);
        assertThat(Bucketing.normalizedHash(p, "174".getBytes(StandardCharsets.UTF_8), 100)).isLessThanOrEqualTo(10);
        assertThat(Bucketing.normalizedHash(p, "499".getBytes(StandardCharsets.UTF_8), 100)).isGreaterThan(10);
    }

    private static String word(SplittableRandom r, String[] alphabet) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(12);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet[r.nextInt(alphabet.length)]);
        }
        return sb.toString();
    }
}
