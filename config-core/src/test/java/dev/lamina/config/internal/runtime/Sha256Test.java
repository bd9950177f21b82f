package dev.lamina.config.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The content hash's SHA-256 agrees with the JDK's: FIPS 180-4 vectors, every length around block edges, chunking. */
class Sha256Test {

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    private static byte[] ours(byte[] in) {
        Sha256 s = new Sha256();
        s.update(in, 0, in.length);
        return s.digest();
    }

    @Test
    void standardVectors() {
        assertThat(hex(ours(new byte[0])))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(hex(ours("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(hex(ours("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    }

    @Test
    void agreesWithTheJdkOnEveryLengthUpTo300AndOnChunkedInputReusedAfterDigest() throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        MessageDigest jdk = MessageDigest.getInstance("SHA-256");
        Sha256 reused = new Sha256();
        for (int len = 0; len <= 300; len++) {
            byte[] in = new byte[len];
            for (int i = 0; i < len; i++) {
                in[i] = (byte) random.nextInt(256);
            }
            byte[] expected = jdk.digest(in);
            assertThat(ours(in)).as("length " + len).isEqualTo(expected);
            int cut = len == 0 ? 0 : random.nextInt(len + 1);
            reused.update(in, 0, cut);
            reused.update(in, cut, len - cut);
            assertThat(reused.digest()).as("chunked at " + cut + " of " + len).isEqualTo(expected);
        }
    }
}
