package dev.lamina.config.flags.internal.bucket;

import java.nio.charset.StandardCharsets;

/**
 * MurmurHash3, x86 32-bit variant, over UTF-8 bytes. Written from the published algorithm; verified against the
 * vectors in {@code FLAGS.md}.
 *
 * <p>{@link #hash(HashPrefix, String)} continues a precomputed prefix with the UTF-8 encoding of a string's
 * characters, encoded one by one, so bucketing never builds the {@code group + ":" + id} string or its byte array.
 */
public final class Murmur3 {

    private static final int C1 = 0xcc9e2d51;
    private static final int C2 = 0x1b873593;

    private Murmur3() {
    }

    /**
     * @param data the bytes
     * @param seed the seed
     * @return the 32-bit hash (interpret as unsigned)
     */
    public static int hash32(byte[] data, int seed) {
        int h1 = seed;
        int blocks = data.length & ~3;
        for (int i = 0; i < blocks; i += 4) {
            int k = (data[i] & 0xff) | (data[i + 1] & 0xff) << 8 | (data[i + 2] & 0xff) << 16 | (data[i + 3] & 0xff) << 24;
            h1 = mixH1(h1, mixK1(k));
        }
        int k = 0;
        for (int i = data.length - 1; i >= blocks; i--) {
            k = (k << 8) | (data[i] & 0xff);
        }
        if (data.length > blocks) {
            h1 ^= mixK1(k);
        }
        return fmix(h1 ^ data.length);
    }

    /**
     * @param text the text, hashed as UTF-8
     * @param seed the seed
     * @return the 32-bit hash
     */
    public static int hash32(String text, int seed) {
        return hash32(text.getBytes(StandardCharsets.UTF_8), seed);
    }

    /**
     * Hashes the prefix's bytes followed by the UTF-8 encoding of {@code value}, without allocating. Malformed
     * surrogates encode as {@code '?'}, as {@link String#getBytes} does.
     *
     * @param prefix the precomputed prefix state
     * @param value  the value to append
     * @return the hash of {@code prefixBytes + utf8(value)} under the prefix's seed
     */
    public static int hash(HashPrefix prefix, String value) {
        int h1 = prefix.h1;
        int k = prefix.pending;
        int n = prefix.pendingCount;
        int len = prefix.length;
        int size = value.length();
        for (int i = 0; i < size; i++) {
            char c = value.charAt(i);
            int enc;
            int cnt;
            if (c < 0x80) {
                enc = c;
                cnt = 1;
            } else if (c < 0x800) {
                enc = (0xC0 | (c >> 6)) | (0x80 | (c & 0x3F)) << 8;
                cnt = 2;
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < size && Character.isLowSurrogate(value.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, value.charAt(++i));
                    enc = (0xF0 | (cp >> 18)) | (0x80 | ((cp >> 12) & 0x3F)) << 8
                            | (0x80 | ((cp >> 6) & 0x3F)) << 16 | (0x80 | (cp & 0x3F)) << 24;
                    cnt = 4;
                } else {
                    enc = '?';
                    cnt = 1;
                }
            } else {
                enc = (0xE0 | (c >> 12)) | (0x80 | ((c >> 6) & 0x3F)) << 8 | (0x80 | (c & 0x3F)) << 16;
                cnt = 3;
            }
            for (int j = 0; j < cnt; j++) {
                k |= ((enc >>> (j << 3)) & 0xFF) << (n << 3);
                if (++n == 4) {
                    h1 = mixH1(h1, mixK1(k));
                    k = 0;
                    n = 0;
                }
            }
            len += cnt;
        }
        if (n > 0) {
            h1 ^= mixK1(k);
        }
        return fmix(h1 ^ len);
    }

    static int mixK1(int k) {
        k *= C1;
        k = Integer.rotateLeft(k, 15);
        return k * C2;
    }

    static int mixH1(int h1, int k1) {
        h1 ^= k1;
        h1 = Integer.rotateLeft(h1, 13);
        return h1 * 5 + 0xe6546b64;
    }

    private static int fmix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
