package dev.lamina.config.flags.internal.bucket;

import java.nio.charset.StandardCharsets;

/**
 * The MurmurHash3 state after hashing {@code utf8(group + ":")} under a seed: full 4-byte blocks already mixed,
 * the remaining bytes pending. Built once per group when definitions compile; immutable.
 */
public final class HashPrefix {

    final int h1;
    final int pending;
    final int pendingCount;
    final int length;
    private final String group;

    private HashPrefix(String group, int h1, int pending, int pendingCount, int length) {
        this.group = group;
        this.h1 = h1;
        this.pending = pending;
        this.pendingCount = pendingCount;
        this.length = length;
    }

    /**
     * @param group the bucketing group (flag key, experiment key or {@code group:NAME})
     * @param seed  the hash seed
     * @return the state after {@code group + ":"}
     */
    public static HashPrefix of(String group, int seed) {
        byte[] bytes = (group + ":").getBytes(StandardCharsets.UTF_8);
        int h1 = seed;
        int blocks = bytes.length & ~3;
        for (int i = 0; i < blocks; i += 4) {
            int k = (bytes[i] & 0xff) | (bytes[i + 1] & 0xff) << 8 | (bytes[i + 2] & 0xff) << 16
                    | (bytes[i + 3] & 0xff) << 24;
            h1 = Murmur3.mixH1(h1, Murmur3.mixK1(k));
        }
        int k = 0;
        int n = 0;
        for (int i = blocks; i < bytes.length; i++) {
            k |= (bytes[i] & 0xff) << (n << 3);
            n++;
        }
        return new HashPrefix(group, h1, k, n, bytes.length);
    }

    /** @return the group this prefix hashes */
    public String group() {
        return group;
    }
}
