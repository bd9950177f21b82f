package dev.lamina.config.internal.runtime;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

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
        MessageDigest md = sha256();
        write(md, root);
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

    private static void write(MessageDigest md, ConfigNode node) {
        if (node instanceof ConfigObject o) {
            md.update((byte) 'O');
            writeInt(md, o.entries().size());
            List<String> keys = new ArrayList<>(o.entries().keySet());
            Collections.sort(keys);
            for (String k : keys) {
                writeString(md, k);
                write(md, o.entries().get(k));
            }
        } else if (node instanceof ConfigList l) {
            md.update((byte) 'L');
            writeInt(md, l.size());
            for (ConfigNode item : l.items()) {
                write(md, item);
            }
        } else if (node instanceof ConfigScalar s) {
            md.update((byte) switch (s.type()) {
                case STRING -> 'S';
                case NUMBER -> 'N';
                case BOOLEAN -> 'B';
            });
            writeString(md, s.text());
        } else if (node instanceof ConfigNull) {
            md.update((byte) 'Z');
        }
    }

    private static void writeString(MessageDigest md, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        writeInt(md, b.length);
        md.update(b);
    }

    private static void writeInt(MessageDigest md, int v) {
        md.update((byte) (v >>> 24));
        md.update((byte) (v >>> 16));
        md.update((byte) (v >>> 8));
        md.update((byte) v);
    }
}
