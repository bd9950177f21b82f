package dev.lamina.config.cli;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.exceptionfactory.jagged.framework.armor.ArmoredEncryptingChannelFactory;
import com.exceptionfactory.jagged.x25519.X25519RecipientStanzaWriterFactory;

/**
 * Writes a small SOPS-encrypted YAML file the way SOPS 3.x does (values and MAC under a random data key wrapped for
 * one age recipient), so tests can plant values in a SOPS file. Only one level of nesting: {@code section.key}.
 */
final class SopsTestFiles {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String LAST_MODIFIED = "2026-01-01T00:00:00Z";

    private SopsTestFiles() {
    }

    static String yaml(String section, Map<String, String> values, String ageRecipient) throws Exception {
        byte[] dataKey = new byte[32];
        RANDOM.nextBytes(dataKey);
        MessageDigest mac = MessageDigest.getInstance("SHA-512");
        StringBuilder sb = new StringBuilder(section + ":\n");
        for (Map.Entry<String, String> e : values.entrySet()) {
            sb.append("    ").append(e.getKey()).append(": ")
                    .append(enc(dataKey, e.getValue(), section + ":" + e.getKey() + ":")).append('\n');
            mac.update(e.getValue().getBytes(StandardCharsets.UTF_8));
        }
        String digest = HexFormat.of().withUpperCase().formatHex(mac.digest());
        sb.append("sops:\n    age:\n        - recipient: ").append(ageRecipient).append("\n          enc: |\n");
        wrap(dataKey, ageRecipient).lines().forEach(l -> sb.append("            ").append(l).append('\n'));
        sb.append("    lastmodified: \"").append(LAST_MODIFIED).append("\"\n");
        sb.append("    mac: ").append(enc(dataKey, digest, LAST_MODIFIED)).append('\n');
        sb.append("    unencrypted_suffix: _unencrypted\n    version: 3.9.0\n");
        return sb.toString();
    }

    private static String enc(byte[] key, String plain, String aad) throws Exception {
        byte[] iv = new byte[32];
        RANDOM.nextBytes(iv);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        c.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
        byte[] out = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
        Base64.Encoder b64 = Base64.getEncoder();
        return "ENC[AES256_GCM,data:" + b64.encodeToString(java.util.Arrays.copyOf(out, out.length - 16)) + ",iv:"
                + b64.encodeToString(iv) + ",tag:" + b64.encodeToString(java.util.Arrays.copyOfRange(out,
                out.length - 16, out.length)) + ",type:str]";
    }

    private static String wrap(byte[] dataKey, String recipient) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (WritableByteChannel ch = new ArmoredEncryptingChannelFactory().newEncryptingChannel(Channels.newChannel(out),
                List.of(X25519RecipientStanzaWriterFactory.newRecipientStanzaWriter(recipient)))) {
            ch.write(ByteBuffer.wrap(dataKey));
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}
