package dev.lamina.config.flags.internal.bucket;

import java.util.concurrent.ThreadLocalRandom;

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
