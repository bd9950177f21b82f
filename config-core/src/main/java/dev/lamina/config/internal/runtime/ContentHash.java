package dev.lamina.config.internal.runtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import dev.lamina.config.ConfigList;
import dev.lamina.config.ConfigNode;
import dev.lamina.config.ConfigNull;
import dev.lamina.config.ConfigObject;
import dev.lamina.config.ConfigScalar;

/**
 * SHA-256 over a canonical rendering of a resolved tree: object keys sorted, every scalar with its type and
 * written text, every string length-prefixed (so no two trees render alike), origins ignored. Two trees have the
 * same hash exactly when a reader could not tell them apart.
 */
public final class ContentHash {

    private ContentHash() {
    }

    /**
     * @param root a tree
     * @return the lower-case hex SHA-256 of its canonical rendering
     */
    public static String of(ConfigObject root) {
        // One growing buffer and a single digest call: feeding the digest a byte at a time cost more than the
        // hashing itself (most of a reload's publishing time went here).
        Canonical out = new Canonical();
        write(out, root);
        MessageDigest md = sha256();
        md.update(out.bytes, 0, out.size);
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * @param bytes any bytes
     * @return their lower-case hex SHA-256
     */
    public static String ofBytes(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    private static void write(Canonical out, ConfigNode node) {
        if (node instanceof ConfigObject o) {
            out.put((byte) 'O');
            out.putInt(o.entries().size());
            String[] keys = o.entries().keySet().toArray(new String[0]);
            Arrays.sort(keys);
            for (String k : keys) {
                out.putString(k);
                write(out, o.entries().get(k));
            }
        } else if (node instanceof ConfigList l) {
            out.put((byte) 'L');
            out.putInt(l.size());
            for (ConfigNode item : l.items()) {
                write(out, item);
            }
        } else if (node instanceof ConfigScalar s) {
            out.put((byte) switch (s.type()) {
                case STRING -> 'S';
                case NUMBER -> 'N';
                case BOOLEAN -> 'B';
            });
            out.putString(s.text());
        } else if (node instanceof ConfigNull) {
            out.put((byte) 'Z');
        }
    }

    /** The canonical rendering being built: a growable byte array. */
    private static final class Canonical {
        byte[] bytes = new byte[8192];
        int size;

        void put(byte b) {
            ensure(1);
            bytes[size++] = b;
        }

        void putInt(int v) {
            ensure(4);
            bytes[size++] = (byte) (v >>> 24);
            bytes[size++] = (byte) (v >>> 16);
            bytes[size++] = (byte) (v >>> 8);
            bytes[size++] = (byte) v;
        }

        void putString(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            putInt(b.length);
            ensure(b.length);
            System.arraycopy(b, 0, bytes, size, b.length);
            size += b.length;
        }

        private void ensure(int n) {
            if (size + n > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
            }
        }
    }
}
