package dev.lamina.config.flags.internal.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.lamina.config.flags.internal.bucket.Bucketing;
import dev.lamina.config.flags.internal.bucket.HashPrefix;

/**
 * A value read from an adapter's context is interpreted lazily, but every operator must see what it sees in the
 * value's text form, as a built context interprets it: a typed value never compares differently through a view.
 */
class ReadAttributeTest {

    private static final List<Object> VALUES = List.of(
            "premium", "", "65", "0.5", "-3", "1.10", "2.4.1", "10.0.0.1", "::1", "2026-01-01T00:00:00Z",
            "2026-13-01T00:00:00Z", "é-ø", "🌍", "\uD800lone", "true",
            65, 65L, -7L, Long.MAX_VALUE, 9_007_199_254_740_993L, (short) 3, (byte) 4, 0.5, 65.0, 1e21, 1e-7, -0.0,
            Double.NaN, Double.POSITIVE_INFINITY, 0.1f, 2.5f, new BigDecimal("1.50"), new BigInteger("123456789012345678901"),
            true, false, Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-06-01T12:30:00.123456789Z"));

    @Test
    void everyInterpretationEqualsTheBuiltContextsOfTheSameText() {
        ReadAttribute read = new ReadAttribute();
        HashPrefix prefix = HashPrefix.of("flag", 0);
        for (Object v : VALUES) {
            AttributeValue built = new AttributeValue(AttributeText.text(v));
            read.set(v); // reused, as a confined view reuses it
            String what = v + " (" + v.getClass().getSimpleName() + ")";
            assertThat(read.raw()).as(what).isEqualTo(built.raw());
            assertThat(Double.doubleToLongBits(read.number())).as("number of %s", what)
                    .isEqualTo(Double.doubleToLongBits(built.number()));
            assertThat(read.version() == null ? null : read.version().toString()).as("version of %s", what)
                    .isEqualTo(built.version() == null ? null : built.version().toString());
            assertThat(read.address()).as("address of %s", what).isEqualTo(built.address());
            assertThat(read.hasInstant()).as("instant of %s", what).isEqualTo(built.hasInstant());
            assertThat(read.epochSecond()).as(what).isEqualTo(built.epochSecond());
            assertThat(read.nano()).as(what).isEqualTo(built.nano());
            assertThat(read.utf8()).as(what).isEqualTo(built.utf8());
            assertThat(Bucketing.normalizedHash(prefix, read, 10_000)).as("bucket of %s", what)
                    .isEqualTo(Bucketing.normalizedHash(prefix, built, 10_000));
            assertThat(read.elements()).isNull();
        }
    }

    @Test
    void aReusedHolderForgetsThePreviousValuesInterpretations() {
        ReadAttribute read = new ReadAttribute();
        read.set(70);
        assertThat(read.number()).isEqualTo(70.0);
        read.set("abc");
        assertThat(read.number()).isNaN();
        assertThat(read.raw()).isEqualTo("abc");
        read.set(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(read.hasInstant()).isTrue();
        read.set(5L);
        assertThat(read.hasInstant()).isFalse();
        assertThat(read.raw()).isEqualTo("5");
    }
}
