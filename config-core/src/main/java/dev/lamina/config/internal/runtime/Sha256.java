package dev.lamina.config.internal.runtime;

/**
 * SHA-256 (FIPS 180-4) for the content hash. The JDK's {@code MessageDigest.getInstance("SHA-256")} initialises the
 * security providers on first use, about 80 classes and tens of milliseconds on the start path of every
 * {@code ConfigurationManager}; the content hash needs no provider, only the function. {@code Sha256Test} checks
 * it against the JDK's on the standard vectors and on random inputs of every length around block boundaries.
 * Signatures, envelopes and the audit chain keep using the JDK. Not thread-safe; one per computation.
 */
final class Sha256 {

    private static final int[] K = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

    private final int[] h = new int[8];
    private final int[] w = new int[64];
    private final byte[] block = new byte[64];
    private int filled;
    private long length;

    Sha256() {
        reset();
    }

    private void reset() {
        h[0] = 0x6a09e667;
        h[1] = 0xbb67ae85;
        h[2] = 0x3c6ef372;
        h[3] = 0xa54ff53a;
        h[4] = 0x510e527f;
        h[5] = 0x9b05688c;
        h[6] = 0x1f83d9ab;
        h[7] = 0x5be0cd19;
        filled = 0;
        length = 0;
    }

    void update(byte[] bytes, int offset, int count) {
        length += count;
        int i = offset;
        int end = offset + count;
        while (i < end) {
            int n = Math.min(64 - filled, end - i);
            System.arraycopy(bytes, i, block, filled, n);
            filled += n;
            i += n;
            if (filled == 64) {
                compress();
                filled = 0;
            }
        }
    }

    /** @return the digest of everything updated since the last call; the state starts over */
    byte[] digest() {
        long bits = length * 8;
        block[filled++] = (byte) 0x80;
        if (filled > 56) {
            while (filled < 64) {
                block[filled++] = 0;
            }
            compress();
            filled = 0;
        }
        while (filled < 56) {
            block[filled++] = 0;
        }
        for (int i = 7; i >= 0; i--) {
            block[filled++] = (byte) (bits >>> (8 * i));
        }
        compress();
        byte[] out = new byte[32];
        for (int i = 0; i < 8; i++) {
            out[4 * i] = (byte) (h[i] >>> 24);
            out[4 * i + 1] = (byte) (h[i] >>> 16);
            out[4 * i + 2] = (byte) (h[i] >>> 8);
            out[4 * i + 3] = (byte) h[i];
        }
        reset();
        return out;
    }

    /**
     * Rotations are written as shifts, not {@code Integer.rotateRight}: the content hash runs on every cold start,
     * mostly interpreted, where each of the 576 calls per block is a real call; the JIT compiles both forms to the
     * same rotate instruction.
     */
    private void compress() {
        for (int t = 0; t < 16; t++) {
            w[t] = (block[4 * t] & 0xff) << 24 | (block[4 * t + 1] & 0xff) << 16 | (block[4 * t + 2] & 0xff) << 8
                    | (block[4 * t + 3] & 0xff);
        }
        for (int t = 16; t < 64; t++) {
            int x = w[t - 15];
            int y = w[t - 2];
            int s0 = (x >>> 7 | x << 25) ^ (x >>> 18 | x << 14) ^ (x >>> 3);
            int s1 = (y >>> 17 | y << 15) ^ (y >>> 19 | y << 13) ^ (y >>> 10);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }
        int a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
        for (int t = 0; t < 64; t++) {
            int s1 = (e >>> 6 | e << 26) ^ (e >>> 11 | e << 21) ^ (e >>> 25 | e << 7);
            int ch = (e & f) ^ (~e & g);
            int t1 = hh + s1 + ch + K[t] + w[t];
            int s0 = (a >>> 2 | a << 30) ^ (a >>> 13 | a << 19) ^ (a >>> 22 | a << 10);
            int maj = (a & b) ^ (a & c) ^ (b & c);
            int t2 = s0 + maj;
            hh = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        h[0] += a;
        h[1] += b;
        h[2] += c;
        h[3] += d;
        h[4] += e;
        h[5] += f;
        h[6] += g;
        h[7] += hh;
    }
}
