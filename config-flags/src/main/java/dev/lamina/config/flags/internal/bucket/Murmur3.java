package dev.lamina.config.flags.internal.bucket;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * MurmurHash3, x86 32-bit variant, over UTF-8 bytes. Written from the published algorithm; verified against the
 * vectors in {@code FLAGS.md}.
 *
 * <p>{@link #hash(HashPrefix, byte[])} continues a precomputed prefix with a sticky value's UTF-8 bytes (encoded
 * once, when the evaluation context is built), so bucketing never builds the {@code group + ":" + id} string or its
 * byte array.
 */
public final class Murmur3 {

    private static final int C1 = 0xcc9e2d51;
    private static final int C2 = 0x1b873593;
    private static final VarHandle LITTLE_ENDIAN_INT =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

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
     * Continues {@code prefix} with {@code utf8}: the hash of the prefix's bytes followed by these, without
     * concatenating them.
     *
     * @param prefix the precomputed state after the group and its colon
     * @param utf8   the sticky value's UTF-8 bytes
     * @return the 32-bit hash (interpret as unsigned)
     */
    public static int hash(HashPrefix prefix, byte[] utf8) {
        int h1 = prefix.h1;
        int k = prefix.pending;
        int n = prefix.pendingCount;
        int size = utf8.length;
        int i = 0;
        while (n != 0 && i < size) {
            k |= (utf8[i++] & 0xff) << (n << 3);
            if (++n == 4) {
                h1 = mixH1(h1, mixK1(k));
                k = 0;
                n = 0;
            }
        }
        if (n == 0) {
            // Block-aligned again: whole little-endian ints straight from the array, then the tail.
            int blocksEnd = i + ((size - i) & ~3);
            for (; i < blocksEnd; i += 4) {
                h1 = mixH1(h1, mixK1((int) LITTLE_ENDIAN_INT.get(utf8, i)));
            }
            for (; i < size; i++) {
                k |= (utf8[i] & 0xff) << (n << 3);
                n++;
            }
        }
        if (n > 0) {
            h1 ^= mixK1(k);
        }
        return fmix(h1 ^ (prefix.length + size));
    }

    /**
     * {@link #hash(HashPrefix, byte[])} over {@code text}'s UTF-8 encoding, encoded while hashing so that nothing is
     * allocated (for values read from an adapter's context on every call, whose bytes are not kept). Unpaired
     * surrogates hash as {@code ?}, as {@link String#getBytes} encodes them.
     *
     * @param prefix the precomputed state after the group and its colon
     * @param text   the sticky value
     * @return the same hash as over {@code text.getBytes(UTF_8)}
     */
    public static int hash(HashPrefix prefix, String text) {
        int h1 = prefix.h1;
        int k = prefix.pending;
        int n = prefix.pendingCount;
        int size = 0;
        int len = text.length();
        for (int i = 0; i < len; i++) {
            int c = text.charAt(i);
            int bytes;
            int b0;
            int rest = 0; // the bytes after the first, little-endian, for multi-byte sequences
            if (c < 0x80) {
                bytes = 1;
                b0 = c;
            } else if (c < 0x800) {
                bytes = 2;
                b0 = 0xc0 | c >> 6;
                rest = 0x80 | c & 0x3f;
            } else if (Character.isSurrogate((char) c)) {
                int cp;
                if (Character.isHighSurrogate((char) c) && i + 1 < len && Character.isLowSurrogate(text.charAt(i + 1))) {
                    cp = Character.toCodePoint((char) c, text.charAt(++i));
                    bytes = 4;
                    b0 = 0xf0 | cp >> 18;
                    rest = (0x80 | cp >> 12 & 0x3f) | (0x80 | cp >> 6 & 0x3f) << 8 | (0x80 | cp & 0x3f) << 16;
                } else {
                    bytes = 1;
                    b0 = '?';
                }
            } else {
                bytes = 3;
                b0 = 0xe0 | c >> 12;
                rest = (0x80 | c >> 6 & 0x3f) | (0x80 | c & 0x3f) << 8;
            }
            int b = b0;
            for (int j = 0; j < bytes; j++) {
                k |= (b & 0xff) << (n << 3);
                if (++n == 4) {
                    h1 = mixH1(h1, mixK1(k));
                    k = 0;
                    n = 0;
                }
                b = rest;
                rest >>>= 8;
            }
            size += bytes;
        }
        if (n > 0) {
            h1 ^= mixK1(k);
        }
        return fmix(h1 ^ (prefix.length + size));
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
