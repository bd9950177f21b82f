package dev.lamina.config.flags.internal.bucket;

import java.util.concurrent.ThreadLocalRandom;

import dev.lamina.config.flags.internal.context.AttributeValue;

/**
 * The normalised hash of {@code FLAGS.md}: {@code unsigned(murmur3(utf8(group + ":" + id), seed)) % modulus + 1},
 * in {@code 1..modulus}. Never {@code Math.abs}.
 */
public final class Bucketing {

    /** The seed Unleash uses for variants; Lamina uses it for variants and experiments. */
    public static final int VARIANT_SEED = 86028157;

    private Bucketing() {
    }

    /**
     * @param prefix  the group's precomputed prefix (carrying the seed)
     * @param id      the sticky value's UTF-8 bytes
     * @param modulus the number of buckets, at least 1
     * @return the bucket, {@code 1..modulus}
     */
    public static int normalizedHash(HashPrefix prefix, byte[] id, int modulus) {
        return (int) (Integer.toUnsignedLong(Murmur3.hash(prefix, id)) % modulus) + 1;
    }

    /**
     * @param prefix  the group's precomputed prefix (carrying the seed)
     * @param sticky  the sticky value: a built context's (its UTF-8 bytes kept) or one read from an adapter's
     *                context during the call (its text encoded while hashing, without allocating)
     * @param modulus the number of buckets, at least 1
     * @return the bucket, {@code 1..modulus}, the same for both kinds of value of the same text
     */
    public static int normalizedHash(HashPrefix prefix, AttributeValue sticky, int modulus) {
        // A final field read rather than a virtual call, so the built context's path keeps its shape (and inlining)
        // and a JVM that never reads an adapter's context never loads the other kind.
        byte[] utf8 = sticky.encodedUtf8();
        return utf8 != null ? normalizedHash(prefix, utf8, modulus) : normalizedHash(prefix, sticky.raw(), modulus);
    }

    /**
     * @param prefix  the group's precomputed prefix (carrying the seed)
     * @param id      the sticky value as text (encoded to UTF-8 while hashing, without allocating)
     * @param modulus the number of buckets, at least 1
     * @return the same bucket as {@link #normalizedHash(HashPrefix, byte[], int)} over its UTF-8 bytes
     */
    public static int normalizedHash(HashPrefix prefix, String id, int modulus) {
        return (int) (Integer.toUnsignedLong(Murmur3.hash(prefix, id)) % modulus) + 1;
    }

    /**
     * @param modulus the number of buckets
     * @return a uniformly random bucket in {@code 1..modulus}, for {@code random} stickiness
     */
    public static int randomBucket(int modulus) {
        return ThreadLocalRandom.current().nextInt(modulus) + 1;
    }
}
