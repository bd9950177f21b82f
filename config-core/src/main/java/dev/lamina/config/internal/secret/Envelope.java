package dev.lamina.config.internal.secret;

import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The parsed fields of one {@code ENC[v1,AES256_GCM,kid:<id>,iv:<b64>,data:<b64>,tag:<b64>]} envelope. Parsing
 * checks every field so that a malformed envelope fails with the name of the field, before any decryption; its
 * messages never quote the envelope (its ciphertext is as sensitive as the policy around it says it is not).
 *
 * @param keyId      the key id
 * @param iv         the 12-byte nonce
 * @param ciphertext the encrypted bytes (possibly empty, for an empty plaintext)
 * @param tag        the 16-byte GCM tag
 */
public record Envelope(String keyId, byte[] iv, byte[] ciphertext, byte[] tag) {

    /** The start of every envelope this version writes; decoders accept any {@code ENC[v<digit>}. */
    public static final String PREFIX = "ENC[v1,AES256_GCM,";

    /** Length of the nonce in bytes. */
    public static final int IV_BYTES = 12;

    /** Length of the GCM tag in bytes. */
    public static final int TAG_BYTES = 16;

    /** Key ids: short, printable, no separators of the envelope or of the key file. */
    public static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** Thrown for a malformed envelope; the message names the field and never quotes the text. */
    public static final class MalformedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * @param text a scalar's text
     * @return {@code true} when it looks like a versioned Lamina envelope ({@code ENC[v} then a digit), so that an
     *         unknown version is reported rather than left encrypted
     */
    public static boolean looksLikeEnvelope(String text) {
        return text.length() > 6 && text.startsWith("ENC[v") && Character.isDigit(text.charAt(5));
    }

    /**
     * @param text an envelope
     * @return its fields
     * @throws MalformedException naming the malformed field
     */
    public static Envelope parse(String text) {
        if (!text.startsWith("ENC[") || !text.endsWith("]")) {
            throw new MalformedException("malformed envelope: expected ENC[v1,AES256_GCM,kid:...,iv:...,data:...,tag:...]");
        }
        String[] fields = text.substring(4, text.length() - 1).split(",", -1);
        if (!fields[0].equals("v1")) {
            throw new MalformedException("unsupported envelope version '" + printable(fields[0])
                    + "' (this Lamina reads v1; upgrade Lamina to read newer envelopes)");
        }
        if (fields.length < 2 || !fields[1].equals("AES256_GCM")) {
            throw new MalformedException("malformed envelope: field 2 must be the algorithm AES256_GCM");
        }
        if (fields.length != 6) {
            throw new MalformedException("malformed envelope: expected 6 fields (v1, AES256_GCM, kid, iv, data, tag), found "
                    + fields.length);
        }
        String kid = field(fields[2], "kid");
        if (!KEY_ID.matcher(kid).matches()) {
            throw new MalformedException("malformed envelope: field kid is not a key id (letters, digits, '.', '_', '-')");
        }
        byte[] iv = base64(field(fields[3], "iv"), "iv");
        if (iv.length != IV_BYTES) {
            throw new MalformedException("malformed envelope: field iv must be " + IV_BYTES + " bytes, found " + iv.length);
        }
        byte[] data = base64(field(fields[4], "data"), "data");
        byte[] tag = base64(field(fields[5], "tag"), "tag");
        if (tag.length != TAG_BYTES) {
            throw new MalformedException("malformed envelope: field tag must be " + TAG_BYTES + " bytes, found "
                    + tag.length);
        }
        return new Envelope(kid, iv, data, tag);
    }

    /** @return the envelope text */
    public String format() {
        Base64.Encoder b64 = Base64.getEncoder();
        return PREFIX + "kid:" + keyId + ",iv:" + b64.encodeToString(iv) + ",data:" + b64.encodeToString(ciphertext)
                + ",tag:" + b64.encodeToString(tag) + "]";
    }

    private static String field(String field, String name) {
        if (!field.startsWith(name + ":")) {
            throw new MalformedException("malformed envelope: expected field " + name + ":<value> in its place");
        }
        return field.substring(name.length() + 1);
    }

    private static byte[] base64(String value, String name) {
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new MalformedException("malformed envelope: field " + name + " is not valid base64");
        }
    }

    /** A version label is short and harmless, but is shown only when it looks like one. */
    private static String printable(String s) {
        return s.matches("[A-Za-z0-9]{1,8}") ? s : "?";
    }

    @Override
    public String toString() {
        return "Envelope[kid=" + keyId + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Envelope e && e.keyId.equals(keyId) && java.util.Arrays.equals(e.iv, iv)
                && java.util.Arrays.equals(e.ciphertext, ciphertext) && java.util.Arrays.equals(e.tag, tag);
    }

    @Override
    public int hashCode() {
        return keyId.hashCode() * 31 + java.util.Arrays.hashCode(iv);
    }
}
